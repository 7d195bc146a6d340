package dev.ipmi.lanplus.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.core.CipherSuiteUnavailableException;
import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiAuthenticationException;
import dev.ipmi.core.IpmiSessionException;
import dev.ipmi.core.IpmiTimeoutException;
import dev.ipmi.core.PrivilegeUnavailableException;
import dev.ipmi.core.client.RequestTarget;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.core.wire.LanMessage;
import dev.ipmi.core.event.DropReason;
import dev.ipmi.lan.engine.IpmiCall;
import dev.ipmi.core.event.IpmiEventListener;
import dev.ipmi.core.client.RetryPolicy;
import dev.ipmi.lan.testing.MachineHarness;
import dev.ipmi.core.types.CipherSuite;
import dev.ipmi.core.options.CipherSuiteCache;
import dev.ipmi.lanplus.internal.RakpMessage.OpenSessionRequest;
import dev.ipmi.lanplus.internal.RakpMessage.Rakp1;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import dev.ipmi.core.options.Quirk;
import dev.ipmi.core.options.QuirkCache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every login, loss and fault path of the RMCP+ state machine, with a fake clock and a fake BMC. */
class LanPlusMachineTest {
    private static final InetSocketAddress BMC = new InetSocketAddress("127.0.0.1", 623);
    private static final RetryPolicy POLICY = new RetryPolicy(Duration.ofSeconds(1), 1.5, Duration.ofSeconds(4), 3, 0);
    private static final CommandId GET_DEVICE_ID = CommandId.of(NetFn.APP, 0x01, "Get Device ID");

    private final FakeBmc bmc = new FakeBmc();
    private final CipherSuiteCache cache = new CipherSuiteCache();
    private final List<DropReason> drops = new ArrayList<>();
    private final List<String> quirks = new ArrayList<>();
    private final IpmiEventListener listener = new IpmiEventListener() {
        @Override
        public void packetDropped(SocketAddress a, DropReason reason, String detail) {
            drops.add(reason);
        }

        @Override
        public void quirkApplied(SocketAddress a, Quirk quirk, String detail) {
            quirks.add(quirk + ": " + detail);
        }
    };

    /** The quirks a login detects are remembered JVM-wide per address; each test starts without any. */
    @BeforeEach
    @AfterEach
    void forgetQuirks() {
        QuirkCache.shared().forget(BMC);
    }

    private LanPlusMachine machine(CipherSuite suite, String password, byte[] kg) {
        return new LanPlusMachine(new LanPlusConfig(BMC, "admin".getBytes(StandardCharsets.US_ASCII),
                password.getBytes(StandardCharsets.US_ASCII), kg, PrivilegeLevel.ADMINISTRATOR, suite, true, POLICY,
                listener, cache, Duration.ofSeconds(30), true, java.util.Set.of()), new Random(7));
    }

    /** Delivers the fake BMC's answers until nothing more is sent (or {@code lose} swallows one). */
    private void pump(MachineHarness h, Predicate<byte[]> lose) {
        for (int guard = 0; guard < 200 && h.sentCount() > 0; guard++) {
            for (byte[] out : h.takeAllSent()) {
                byte[] reply = bmc.handle(out);
                if (reply != null && !lose.test(reply)) {
                    h.deliver(reply);
                }
            }
        }
    }

    private void pump(MachineHarness h) {
        pump(h, r -> false);
    }

    private static Predicate<byte[]> loseFirst(int payloadType) {
        boolean[] lost = {false};
        return d -> {
            if (!lost[0] && (d[4] & 0xFF) == 6 && (d[5] & 0x3F) == payloadType) {
                lost[0] = true;
                return true;
            }
            return false;
        };
    }

    private static IpmiCall call(CompletableFuture<byte[]> f) {
        return new IpmiCall(RequestTarget.BMC, GET_DEVICE_ID, new byte[0], f);
    }

    private static Throwable failure(CompletableFuture<?> f) {
        assertThat(f).isCompletedExceptionally();
        return f.handle((v, e) -> e).join();
    }

    @Test
    void autoLoginPicksTheStrongestAdvertisedSuiteAndSetsThePrivilege() {
        LanPlusMachine m = machine(CipherSuite.AUTO, "password", null);
        MachineHarness h = new MachineHarness(m).start();
        pump(h);
        assertThat(m.opened()).isCompleted();
        assertThat(m.diagnostics().cipherSuite()).isEqualTo(CipherSuite.SUITE_17);
        assertThat(m.diagnostics().state()).isEqualTo(LanPlusDiagnostics.State.ACTIVE);
        assertThat(m.diagnostics().grantedPrivilege()).isEqualTo(PrivilegeLevel.ADMINISTRATOR);
        assertThat(bmc.requests.get(0).command()).isEqualTo(0x3B);
        assertThat(cache.get(BMC)).contains(CipherSuite.SUITE_17);
        assertThat(m.diagnostics().loginDuration()).isEqualTo(Duration.ZERO);
    }

    @Test
    void concretePrivilegeIsRequestedAndAnEchoedZeroIsAccepted() {
        bmc.echoPrivilegeZero = true;
        LanPlusMachine m = machine(CipherSuite.SUITE_3, "password", null);
        MachineHarness h = new MachineHarness(m).start();
        pump(h);
        assertThat(m.opened()).isCompleted();
        OpenSessionRequest open = (OpenSessionRequest) bmc.setupReceived.get(0);
        assertThat(open.privilege()).isEqualTo(PrivilegeLevel.ADMINISTRATOR.code());
        Rakp1 rakp1 = (Rakp1) bmc.setupReceived.get(1);
        assertThat(rakp1.role()).isEqualTo(0x14);
        assertThat(new String(rakp1.userName(), StandardCharsets.US_ASCII)).isEqualTo("admin");
    }

    @Test
    void requestsSubmittedDuringLoginGoOutAfterItAndComplete() {
        LanPlusMachine m = machine(CipherSuite.SUITE_3, "password", null);
        MachineHarness h = new MachineHarness(m).start();
        CompletableFuture<byte[]> f = new CompletableFuture<>();
        h.submit(call(f));
        pump(h);
        assertThat(f.join()[0]).isEqualTo((byte) 0);
        assertThat(f.join()[1]).isEqualTo((byte) 0x20);
    }

    private static boolean openSessionRequest(byte[] d) {
        return d.length > 5 && (d[4] & 0xFF) == 6 && (d[5] & 0x3F) == 0x10;
    }

    @Test
    void oneRequestTimeoutIsNotALostSessionButAProbeThatTimesOutIs() {
        LanPlusMachine m = machine(CipherSuite.SUITE_3, "password", null);
        MachineHarness h = new MachineHarness(m).start();
        pump(h);
        assertThat(m.diagnostics().logins()).isEqualTo(1);
        // the BMC goes silent (restarted and forgot the session): nothing is answered from here on
        CompletableFuture<byte[]> first = new CompletableFuture<>();
        h.submit(call(first));
        h.advance(POLICY.worstCaseTotal().toNanos() + 1);
        assertThat(failure(first)).isInstanceOf(IpmiTimeoutException.class);
        assertThat(h.takeAllSent()).noneMatch(LanPlusMachineTest::openSessionRequest);
        assertThat(m.diagnostics().state()).isEqualTo(LanPlusDiagnostics.State.ACTIVE);

        CompletableFuture<byte[]> second = new CompletableFuture<>();
        h.submit(call(second));
        h.advance(POLICY.worstCaseTotal().toNanos() + 1);
        assertThat(failure(second)).isInstanceOf(IpmiTimeoutException.class);
        h.takeAllSent();
        // the probe is out; an Add SEL Entry sent meanwhile is in flight when the probe's budget runs out
        CompletableFuture<byte[]> add = new CompletableFuture<>();
        h.submit(new IpmiCall(RequestTarget.BMC, CommandId.of(NetFn.STORAGE, 0x44, "Add SEL Entry"), new byte[16],
                add, false));
        h.advance(POLICY.worstCaseTotal().toNanos() + 1);
        Throwable lost = failure(add);
        assertThat(lost).isInstanceOf(dev.ipmi.core.IpmiSessionLostException.class);
        assertThat(((dev.ipmi.core.IpmiSessionLostException) lost).mayHaveExecuted()).isTrue();
        assertThat(((dev.ipmi.core.IpmiSessionLostException) lost).safeToRetry()).isFalse();
        List<byte[]> sent = h.takeAllSent();
        // Close Session for the abandoned session (in-session, auth type 6 with its session ID), then a new login
        assertThat(sent).anyMatch(LanPlusMachineTest::openSessionRequest);
        assertThat(sent.get(0)).satisfies(d -> assertThat((d[5] & 0x3F) == 0x00 && (d[6] | d[7] | d[8] | d[9]) != 0)
                .as("first datagram is an in-session IPMI message (Close Session)").isTrue());
    }

    @Test
    void outboundSessionSequenceStartsAtOne() {
        LanPlusMachine m = machine(CipherSuite.SUITE_2, "password", null);
        MachineHarness h = new MachineHarness(m).start();
        List<byte[]> inSession = new ArrayList<>();
        for (int guard = 0; guard < 50 && h.sentCount() > 0; guard++) {
            for (byte[] out : h.takeAllSent()) {
                if ((out[4] & 0xFF) == 6 && (out[5] & 0x3F) == 0) {
                    inSession.add(out);
                }
                byte[] r = bmc.handle(out);
                if (r != null) {
                    h.deliver(r);
                }
            }
        }
        assertThat(inSession).isNotEmpty();
        assertThat(inSession.get(0)[10]).isEqualTo((byte) 1);
    }

    @Test
    void cipherQueryIgnoredFallsBackTo17Then3Quickly() {
        bmc.cipherQueryCompletion = -1;
        bmc.suites = java.util.Set.of(3);
        LanPlusMachine m = machine(CipherSuite.AUTO, "password", null);
        MachineHarness h = new MachineHarness(m).start();
        pump(h);
        h.advanceMillis(1100);
        pump(h);
        assertThat(m.diagnostics().cipherSuite()).isEqualTo(CipherSuite.SUITE_3);
        assertThat(m.opened()).isCompleted();
        assertThat(m.diagnostics().loginDuration()).isLessThanOrEqualTo(Duration.ofMillis(1100));
        assertThat(bmc.openSessions).isEqualTo(2);
    }

    @Test
    void cipherQueryRefusedFallsBackWithoutWaiting() {
        bmc.cipherQueryCompletion = 0xC1;
        bmc.suites = java.util.Set.of(3);
        LanPlusMachine m = machine(CipherSuite.AUTO, "password", null);
        MachineHarness h = new MachineHarness(m).start();
        pump(h);
        assertThat(m.diagnostics().cipherSuite()).isEqualTo(CipherSuite.SUITE_3);
        assertThat(m.diagnostics().loginDuration()).isEqualTo(Duration.ZERO);
    }

    @Test
    void authCapsWithV2BitRefusedIsRetriedWith0E() {
        bmc.authCapsCompletionFor8E = 0xCC;
        LanPlusMachine m = machine(CipherSuite.SUITE_3, "password", null);
        MachineHarness h = new MachineHarness(m).start();
        pump(h);
        assertThat(m.opened()).isCompleted();
    }

    @Test
    void lostOpenSessionResponseSendsANewOpenSessionWithANewConsoleId() {
        LanPlusMachine m = machine(CipherSuite.SUITE_3, "password", null);
        MachineHarness h = new MachineHarness(m).start();
        pump(h, loseFirst(RakpMessage.OPEN_SESSION_RESPONSE));
        assertThat(m.opened()).isNotDone();
        int firstSid = bmc.consoleSid;
        h.advanceMillis(1000);
        pump(h);
        assertThat(m.opened()).isCompleted();
        assertThat(bmc.openSessions).isEqualTo(2);
        assertThat(bmc.consoleSid).isNotEqualTo(firstSid);
    }

    @Test
    void lostRakp2RestartsTheWholeLogin() {
        LanPlusMachine m = machine(CipherSuite.SUITE_3, "password", null);
        MachineHarness h = new MachineHarness(m).start();
        pump(h, loseFirst(RakpMessage.RAKP_2));
        h.advanceMillis(1000);
        pump(h);
        assertThat(m.opened()).isCompleted();
        assertThat(bmc.openSessions).isEqualTo(2);
        assertThat(bmc.rakp1s).isEqualTo(2);
    }

    @Test
    void lostRakp4RestartsTheWholeLogin() {
        LanPlusMachine m = machine(CipherSuite.SUITE_3, "password", null);
        MachineHarness h = new MachineHarness(m).start();
        pump(h, loseFirst(RakpMessage.RAKP_4));
        h.advanceMillis(1000);
        pump(h);
        assertThat(m.opened()).isCompleted();
        assertThat(bmc.openSessions).isEqualTo(2);
    }

    @Test
    void silentBmcFailsWithTimeoutAfterTheRetryBudget() {
        LanPlusMachine m = machine(CipherSuite.SUITE_3, "password", null);
        MachineHarness h = new MachineHarness(m).start();
        h.takeAllSent();
        h.advance(POLICY.worstCaseTotal().toNanos() + 1);
        assertThat(failure(m.opened())).isInstanceOf(IpmiTimeoutException.class);
        assertThat(h.ended()).isTrue();
        assertThat(h.sentCount()).isEqualTo(POLICY.attempts() - 1);
    }

    @Test
    void wrongPasswordIsDetectedAtRakp2() {
        LanPlusMachine m = machine(CipherSuite.SUITE_3, "wrong", null);
        MachineHarness h = new MachineHarness(m).start();
        pump(h);
        Throwable e = failure(m.opened());
        assertThat(e).isInstanceOf(IpmiAuthenticationException.class).hasMessageContaining("RAKP2")
                .hasMessageContaining("wrong password");
        assertThat(((IpmiAuthenticationException) e).statusCode()).hasValue(0x0F);
        assertThat(e.getMessage()).doesNotContain("wrong\"").doesNotContain("password=");
    }

    @Test
    void unknownUserIsReportedFromTheRakp2Status() {
        bmc.user = "root";
        LanPlusMachine m = machine(CipherSuite.SUITE_3, "password", null);
        MachineHarness h = new MachineHarness(m).start();
        pump(h);
        assertThat(failure(m.opened())).isInstanceOf(IpmiAuthenticationException.class)
                .hasMessageContaining("unknown user");
    }

    @Test
    void wrongKgIsDetectedAtRakp4() {
        bmc.kg = "secret".getBytes(StandardCharsets.US_ASCII);
        LanPlusMachine m = machine(CipherSuite.SUITE_3, "password", "other".getBytes(StandardCharsets.US_ASCII));
        MachineHarness h = new MachineHarness(m).start();
        pump(h);
        assertThat(failure(m.opened())).isInstanceOf(IpmiAuthenticationException.class)
                .hasMessageContaining("RAKP4").hasMessageContaining("K_g");
    }

    @Test
    void matchingKgLogsIn() {
        bmc.kg = "secret".getBytes(StandardCharsets.US_ASCII);
        LanPlusMachine m = machine(CipherSuite.SUITE_3, "password", "secret".getBytes(StandardCharsets.US_ASCII));
        MachineHarness h = new MachineHarness(m).start();
        pump(h);
        assertThat(m.opened()).isCompleted();
    }

    @Test
    void forgedRakp2AuthCodeIsRefused() {
        bmc.corruptRakp2AuthCode = true;
        LanPlusMachine m = machine(CipherSuite.SUITE_17, "password", null);
        MachineHarness h = new MachineHarness(m).start();
        pump(h);
        assertThat(failure(m.opened())).isInstanceOf(IpmiAuthenticationException.class);
    }

    @Test
    void forgedRakp4IcvIsRefused() {
        bmc.corruptRakp4Icv = true;
        LanPlusMachine m = machine(CipherSuite.SUITE_3, "password", null);
        MachineHarness h = new MachineHarness(m).start();
        pump(h);
        assertThat(failure(m.opened())).isInstanceOf(IpmiAuthenticationException.class).hasMessageContaining("RAKP4");
    }

    @Test
    void rakp4StatusInvalidIcvNamesPasswordOrKg() {
        bmc.rakp4Status = 0x0F;
        LanPlusMachine m = machine(CipherSuite.SUITE_3, "password", null);
        MachineHarness h = new MachineHarness(m).start();
        pump(h);
        assertThat(failure(m.opened())).hasMessageContaining("wrong password or wrong BMC key");
    }

    @Test
    void otherAlgorithmsInOpenSessionResponseAreRefused() {
        bmc.answerWithOtherAlgorithms = true;
        LanPlusMachine m = machine(CipherSuite.SUITE_3, "password", null);
        MachineHarness h = new MachineHarness(m).start();
        pump(h);
        assertThat(failure(m.opened())).isInstanceOf(CipherSuiteUnavailableException.class)
                .hasMessageContaining("instead of cipher suite 3");
    }

    @Test
    void unsupportedSuiteIsReportedAsUnavailable() {
        bmc.suites = java.util.Set.of(3);
        LanPlusMachine m = machine(CipherSuite.SUITE_17, "password", null);
        MachineHarness h = new MachineHarness(m).start();
        pump(h);
        assertThat(failure(m.opened())).isInstanceOf(CipherSuiteUnavailableException.class)
                .hasMessageContaining("cipher suite 17");
    }

    @Test
    void hmacMd5IntegrityKeyedWithThePasswordIsTriedWhenSetPrivilegeIsIgnored() {
        bmc.md5IntegrityWithPassword = true;
        bmc.suites = java.util.Set.of(7);
        LanPlusMachine m = machine(CipherSuite.SUITE_7, "password", null);
        MachineHarness h = new MachineHarness(m).start();
        pump(h);
        assertThat(m.opened()).isNotDone();
        h.advanceMillis(1000);
        pump(h);
        assertThat(m.opened()).isNotDone();
        h.advanceMillis(1500);
        pump(h);
        assertThat(m.opened()).isCompleted();
        assertThat(bmc.integrityFailures).as("two transmissions with K1, then the quirk").isEqualTo(2);
        assertThat(bmc.openSessions).isEqualTo(2);
    }

    @Test
    void md5KeyingDetectedOnceIsAppliedFromTheStartOfTheNextLogin() {
        bmc.md5IntegrityWithPassword = true;
        bmc.suites = java.util.Set.of(7);
        LanPlusMachine first = machine(CipherSuite.SUITE_7, "password", null);
        loginThroughTwoSetPrivilegeTimeouts(first);
        assertThat(first.opened()).isCompleted();
        assertThat(quirks).containsExactly("HMAC_MD5_128_KEYED_WITH_PASSWORD: HMAC-MD5-128 integrity keyed with the "
                + "password (detected)");
        assertThat(bmc.openSessions).isEqualTo(2);

        quirks.clear();
        LanPlusMachine second = machine(CipherSuite.SUITE_7, "password", null);
        MachineHarness h2 = new MachineHarness(second).start();
        pump(h2);
        assertThat(second.opened()).as("no timeout, no second login").isCompleted();
        assertThat(bmc.openSessions).isEqualTo(3);
        assertThat(bmc.integrityFailures).isEqualTo(2);
        assertThat(quirks).containsExactly("HMAC_MD5_128_KEYED_WITH_PASSWORD: HMAC-MD5-128 integrity keyed with the "
                + "password (remembered for this BMC)");
    }

    @Test
    void aRememberedMd5KeyingThatNoLongerWorksIsForgotten() {
        QuirkCache.shared().add(BMC, Quirk.HMAC_MD5_128_KEYED_WITH_PASSWORD);
        bmc.suites = java.util.Set.of(7);
        LanPlusMachine m = machine(CipherSuite.SUITE_7, "password", null);
        loginThroughTwoSetPrivilegeTimeouts(m);
        assertThat(m.opened()).isCompleted();
        assertThat(bmc.openSessions).isEqualTo(2);
        assertThat(QuirkCache.shared().get(BMC)).isEmpty();
    }

    /** A login whose first Set Session Privilege Level goes unanswered twice (1 s, then 1.5 s), then another. */
    private void loginThroughTwoSetPrivilegeTimeouts(LanPlusMachine m) {
        MachineHarness h = new MachineHarness(m).start();
        pump(h);
        assertThat(m.opened()).isNotDone();
        h.advanceMillis(1000);
        pump(h);
        h.advanceMillis(1500);
        pump(h);
    }

    @Test
    void standardHmacMd5IntegrityWorksWithoutTheQuirk() {
        bmc.suites = java.util.Set.of(7, 8);
        for (CipherSuite s : new CipherSuite[] {CipherSuite.SUITE_7, CipherSuite.SUITE_8}) {
            LanPlusMachine m = machine(s, "password", null);
            MachineHarness h = new MachineHarness(m).start();
            pump(h);
            assertThat(m.opened()).isCompleted();
        }
        assertThat(bmc.integrityFailures).isZero();
    }

    @Test
    void refusedPrivilegeFailsTheLogin() {
        bmc.setPrivilegeCompletion = 0x81;
        LanPlusMachine m = machine(CipherSuite.SUITE_3, "password", null);
        MachineHarness h = new MachineHarness(m).start();
        pump(h);
        assertThat(failure(m.opened())).isInstanceOf(PrivilegeUnavailableException.class);
    }

    @Test
    void tamperedAndReplayedPacketsAreDroppedAndCounted() {
        LanPlusMachine m = machine(CipherSuite.SUITE_3, "password", null);
        MachineHarness h = new MachineHarness(m).start();
        pump(h);
        CompletableFuture<byte[]> f = new CompletableFuture<>();
        h.submit(call(f));
        byte[] reply = bmc.handle(h.takeSent());
        byte[] tampered = reply.clone();
        tampered[20] ^= 0x01;
        h.deliver(tampered);
        assertThat(m.diagnostics().badIntegrity()).isEqualTo(1);
        assertThat(f).isNotDone();
        h.deliver(reply);
        assertThat(f).isCompleted();
        h.deliver(reply);
        assertThat(m.diagnostics().replayed()).isEqualTo(1);
        assertThat(drops).contains(DropReason.BAD_AUTH_CODE, DropReason.SEQUENCE_OUTSIDE_WINDOW);
    }

    @Test
    void lostResponseIsRetransmittedWithTheSameRqSeqAndANewSessionSeq() {
        LanPlusMachine m = machine(CipherSuite.SUITE_3, "password", null);
        MachineHarness h = new MachineHarness(m).start();
        pump(h);
        CompletableFuture<byte[]> f = new CompletableFuture<>();
        h.submit(call(f));
        byte[] first = h.takeSent();
        bmc.handle(first);
        h.advanceMillis(1000);
        byte[] again = h.takeSent();
        assertThat(again[10]).isNotEqualTo(first[10]);
        h.deliver(bmc.handle(again));
        assertThat(f).isCompleted();
        LanMessage a = bmc.requests.get(bmc.requests.size() - 1);
        LanMessage b = bmc.requests.get(bmc.requests.size() - 2);
        assertThat(a.seq()).isEqualTo(b.seq());
    }

    @Test
    void keepaliveGoesOutWhenIdle() {
        LanPlusMachine m = machine(CipherSuite.SUITE_3, "password", null);
        MachineHarness h = new MachineHarness(m).start();
        pump(h);
        int before = bmc.requests.size();
        h.advance(Duration.ofSeconds(30).toNanos());
        pump(h);
        assertThat(bmc.requests.size()).isEqualTo(before + 1);
        assertThat(bmc.requests.get(before).command()).isEqualTo(0x01);
        assertThat(m.diagnostics().state()).isEqualTo(LanPlusDiagnostics.State.ACTIVE);
    }

    @Test
    void sessionLossFailsTheTimedOutRequestAndLogsInAgain() {
        LanPlusMachine m = machine(CipherSuite.SUITE_3, "password", null);
        MachineHarness h = new MachineHarness(m).start();
        pump(h);
        CompletableFuture<byte[]> f = new CompletableFuture<>();
        h.submit(call(f));
        h.takeAllSent();
        h.advance(POLICY.worstCaseTotal().toNanos() + 1);
        assertThat(failure(f)).isInstanceOf(IpmiTimeoutException.class);
        // one timeout is not a lost session; a second one starts a probe, and the probe's timeout is
        CompletableFuture<byte[]> f2 = new CompletableFuture<>();
        h.submit(call(f2));
        h.takeAllSent();
        h.advance(POLICY.worstCaseTotal().toNanos() + 1);
        assertThat(failure(f2)).isInstanceOf(IpmiTimeoutException.class);
        h.takeAllSent();
        h.advance(POLICY.worstCaseTotal().toNanos() + 1);
        pump(h);
        assertThat(m.diagnostics().logins()).isEqualTo(2);
        CompletableFuture<byte[]> g = new CompletableFuture<>();
        h.submit(call(g));
        pump(h);
        assertThat(g).isCompleted();
    }

    @Test
    void closeSendsCloseSessionAndEnds() {
        LanPlusMachine m = machine(CipherSuite.SUITE_3, "password", null);
        MachineHarness h = new MachineHarness(m).start();
        pump(h);
        CompletableFuture<byte[]> pending = new CompletableFuture<>();
        h.submit(call(pending));
        h.takeAllSent();
        h.close();
        assertThat(failure(pending)).isInstanceOf(IpmiSessionException.class);
        pump(h);
        assertThat(bmc.requests.get(bmc.requests.size() - 1).command()).isEqualTo(0x3C);
        assertThat(h.ended()).isTrue();
    }

    @Test
    void closeWithoutAnswerEndsAfterOneTimeout() {
        LanPlusMachine m = machine(CipherSuite.SUITE_3, "password", null);
        MachineHarness h = new MachineHarness(m).start();
        pump(h);
        h.close();
        h.takeAllSent();
        h.advanceMillis(1000);
        assertThat(h.ended()).isTrue();
    }

    @Test
    void garbageDatagramsNeverBreakTheMachine() {
        LanPlusMachine m = machine(CipherSuite.SUITE_3, "password", null);
        MachineHarness h = new MachineHarness(m).start();
        Random r = new Random(3);
        for (int i = 0; i < 500; i++) {
            byte[] junk = new byte[r.nextInt(80)];
            r.nextBytes(junk);
            if (junk.length > 5 && i % 2 == 0) {
                junk[0] = 6;
                junk[3] = 7;
                junk[4] = (byte) (i % 4 == 0 ? 6 : 0);
            }
            h.deliver(junk);
        }
        pump(h);
        assertThat(m.opened()).isCompleted();
    }

    @Test
    void solPayloadsGoOutEncryptedAndAuthenticatedWithTheNextSessionSequenceNumber() {
        LanPlusMachine m = machine(CipherSuite.SUITE_3, "password", null);
        MachineHarness h = new MachineHarness(m).start();
        pump(h);
        assertThat(m.diagnostics().channel()).as("from Get Channel Authentication Capabilities").isEqualTo(1);
        byte[] sol = {0x01, 0x00, 0x00, 0x00, 'h', 'i'};
        h.step(now -> m.sendSol(sol, now));
        h.step(now -> m.sendSol(sol, now));
        List<byte[]> sent = h.takeAllSent();
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0)[5] & 0xFF).as("payload type: encrypted, authenticated, SOL").isEqualTo(0xC1);
        int seq1 = java.nio.ByteBuffer.wrap(sent.get(0), 10, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
        int seq2 = java.nio.ByteBuffer.wrap(sent.get(1), 10, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
        assertThat(seq2).isEqualTo(seq1 + 1);
        sent.forEach(bmc::handle);
        assertThat(bmc.solReceived).hasSize(2);
        assertThat(bmc.solReceived.get(0).payload()).containsExactly(sol);
        assertThat(bmc.solReceived.get(0).encrypted()).isTrue();
        assertThat(bmc.integrityFailures).isZero();
    }

    @Test
    void inboundSolPayloadsReachTheHandlerOnlyAfterTheSessionChecks() {
        LanPlusMachine m = machine(CipherSuite.SUITE_3, "password", null);
        MachineHarness h = new MachineHarness(m).start();
        pump(h);
        byte[] early = bmc.sol(new byte[] {0x01, 0, 0, 0, 'x'});
        h.deliver(early);
        assertThat(drops).as("no console: dropped").contains(DropReason.UNEXPECTED_MESSAGE);

        List<byte[]> got = new ArrayList<>();
        h.step(now -> m.setSolHandler(got::add, now));
        byte[] good = bmc.sol(new byte[] {0x02, 0, 0, 0, 'o', 'k'});
        h.deliver(good);
        assertThat(got).hasSize(1);
        assertThat(got.get(0)).containsExactly(0x02, 0, 0, 0, 'o', 'k');

        h.deliver(good);
        assertThat(got).as("a replayed packet is dropped by the window").hasSize(1);
        byte[] tampered = bmc.sol(new byte[] {0x03, 0, 0, 0, 'n', 'o'});
        tampered[tampered.length - 1] ^= 1;
        h.deliver(tampered);
        assertThat(got).as("a packet failing the integrity check is dropped").hasSize(1);
        assertThat(m.diagnostics().badIntegrity()).isEqualTo(1);
        h.step(now -> m.setSolHandler(null, now));
    }

    @Test
    void solPayloadOutsideAnEstablishedSessionIsNotSent() {
        LanPlusMachine m = machine(CipherSuite.SUITE_3, "password", null);
        MachineHarness h = new MachineHarness(m).start();
        h.takeAllSent();
        h.step(now -> m.sendSol(new byte[] {0x01, 0, 0, 0, 'x'}, now));
        assertThat(h.sentCount()).isZero();
        assertThat(drops).contains(DropReason.UNEXPECTED_STATE);
    }

    @Test
    void configuredWindowLimitsRequestsOnTheWire() {
        LanPlusMachine m = new LanPlusMachine(new LanPlusConfig(BMC, "admin".getBytes(StandardCharsets.US_ASCII),
                "password".getBytes(StandardCharsets.US_ASCII), null, PrivilegeLevel.ADMINISTRATOR, CipherSuite.SUITE_3,
                true, POLICY, listener, cache, Duration.ofSeconds(30), true, java.util.Set.of(), 2), new Random(7));
        MachineHarness h = new MachineHarness(m).start();
        pump(h);
        assertThat(m.diagnostics().state()).isEqualTo(LanPlusDiagnostics.State.ACTIVE);
        List<CompletableFuture<byte[]>> calls = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            CompletableFuture<byte[]> f = new CompletableFuture<>();
            calls.add(f);
            h.submit(call(f));
        }
        List<byte[]> wire = h.takeAllSent();
        assertThat(wire).as("window 2").hasSize(2);
        h.deliver(bmc.handle(wire.get(0)));
        List<byte[]> next = h.takeAllSent();
        assertThat(next).as("one answered, one more goes out").hasSize(1);
        h.deliver(bmc.handle(wire.get(1)));
        h.deliver(bmc.handle(next.get(0)));
        assertThat(h.sentCount()).as("still at most 2 in flight").isEqualTo(2);
        pump(h);
        assertThat(calls).allSatisfy(f -> assertThat(f).isCompleted());
    }
}
