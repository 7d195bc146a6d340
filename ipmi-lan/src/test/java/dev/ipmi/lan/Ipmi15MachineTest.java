package dev.ipmi.lan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.core.CompletionCodeException;
import dev.ipmi.core.IpmiAuthenticationException;
import dev.ipmi.core.IpmiSessionException;
import dev.ipmi.core.IpmiTimeoutException;
import dev.ipmi.core.RawRequest;
import dev.ipmi.core.commands.app.GetDeviceId;
import dev.ipmi.core.client.RequestTarget;
import dev.ipmi.core.types.AuthType;
import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.core.wire.LanMessage;
import dev.ipmi.core.event.DropReason;
import dev.ipmi.lan.engine.IpmiCall;
import dev.ipmi.core.event.IpmiEventListener;
import dev.ipmi.core.client.RetryPolicy;
import dev.ipmi.lan.internal.AuthCodes;
import dev.ipmi.lan.internal.Ipmi15Packet;
import dev.ipmi.lan.testing.MachineHarness;
import dev.ipmi.lan.testing.ScriptedRandom;
import dev.ipmi.testing.Vectors;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * The IPMI 1.5 session machine, driven with a fake clock. The replay tests feed it the BMC side of
 * real captures and require that every datagram it sends is byte-identical to what ipmitool /
 * FreeIPMI sent in the same exchange (same rqSeq and sequence numbers scripted).
 */
class Ipmi15MachineTest {
    private static final long SECOND = 1_000_000_000L;
    private static final InetSocketAddress BMC = new InetSocketAddress("127.0.0.1", 623);
    private final List<String> drops = new ArrayList<>();
    private final IpmiEventListener listener = new IpmiEventListener() {
        @Override
        public void packetDropped(SocketAddress bmc, DropReason reason, String detail) {
            drops.add(reason.name());
        }
    };
    private final CompletableFuture<Ipmi15Machine.Established> opened = new CompletableFuture<>();

    private static byte[] pw16(String pw) {
        return AuthCodes.pad(pw.getBytes(StandardCharsets.US_ASCII));
    }

    private Ipmi15Machine machine(AuthType auth, PrivilegeLevel priv, String password, RetryPolicy retry,
                                  ScriptedRandom random, Duration keepalive) {
        return new Ipmi15Machine(BMC, "admin".getBytes(StandardCharsets.US_ASCII), pw16(password), auth, true, priv,
                retry, 8, keepalive, listener, random, opened);
    }

    private static RetryPolicy noJitter(int retries) {
        return new RetryPolicy(Duration.ofSeconds(1), 1.5, Duration.ofSeconds(4), retries, 0.0);
    }

    /** Replays ipmitool's MD5 session: rqSeq starts at 1, initial outbound sequence 45A38FCBh. */
    private MachineHarness md5Session() {
        MachineHarness h = new MachineHarness(machine(AuthType.MD5, PrivilegeLevel.ADMINISTRATOR, "password",
                noJitter(4), new ScriptedRandom().bounded(1).unbounded(0x45A38FCB), Duration.ofSeconds(30))).start();
        String f = "lan/session-md5.hex";
        for (String step : List.of("auth_caps", "challenge", "activate", "set_privilege")) {
            assertThat(h.takeSent()).as(step).isEqualTo(Vectors.load(f, step + "_request"));
            h.deliver(Vectors.load(f, step + "_response"));
        }
        return h;
    }

    @Test
    void md5SetUpIsByteIdenticalToIpmitoolAndAcceptsIpmiSimsRepeatedSequenceNumber() {
        MachineHarness h = md5Session();
        assertThat(opened).isCompletedWithValue(
                new Ipmi15Machine.Established(0x82, AuthType.MD5, PrivilegeLevel.ADMINISTRATOR));
        assertThat(drops).isEmpty();
        CompletableFuture<byte[]> f = new CompletableFuture<>();
        h.submit(new IpmiCall(RequestTarget.BMC, RawRequest.of(0x2C, 0x3E).id(), new byte[] {0x00, 0x02}, f));
        assertThat(h.takeSent()).isEqualTo(Vectors.load("lan/session-md5.hex", "first_command_request"));
        h.deliver(Vectors.load("lan/session-md5.hex", "first_command_response"));
        assertThat(f.join()).containsExactly(0xC1);
    }

    @Test
    void md2SetUpIsByteIdenticalToFreeIpmi() {
        MachineHarness h = new MachineHarness(machine(AuthType.MD2, PrivilegeLevel.OPERATOR, "password", noJitter(4),
                new ScriptedRandom().bounded(60).unbounded(1), Duration.ofSeconds(30))).start();
        String f = "lan/session-md2.hex";
        for (String step : List.of("auth_caps", "challenge", "activate", "set_privilege")) {
            assertThat(h.takeSent()).as(step).isEqualTo(Vectors.load(f, step + "_request"));
            h.deliver(Vectors.load(f, step + "_response"));
        }
        // FreeIPMI dropped this reply (sequence number repeated) and retransmitted after 400 ms; we accept it
        assertThat(opened).isCompletedWithValue(
                new Ipmi15Machine.Established(0x202, AuthType.MD2, PrivilegeLevel.OPERATOR));
        assertThat(h.sentCount()).isZero();
    }

    @Test
    void aRepeatedReplyIsDroppedByTheWindow() {
        MachineHarness h = md5Session();
        h.deliver(Vectors.load("lan/session-md5.hex", "set_privilege_response"));
        assertThat(drops).contains("SEQUENCE_OUTSIDE_WINDOW");
    }

    @Test
    void aTamperedReplyIsDroppedForItsAuthCode() {
        MachineHarness h = md5Session();
        CompletableFuture<byte[]> f = new CompletableFuture<>();
        h.submit(new IpmiCall(RequestTarget.BMC, RawRequest.of(0x2C, 0x3E).id(), new byte[] {0x00, 0x02}, f));
        byte[] reply = Vectors.load("lan/session-md5.hex", "first_command_response");
        reply[13] ^= 0x01; // first AuthCode byte
        h.deliver(reply);
        assertThat(drops).contains("BAD_AUTH_CODE");
        assertThat(f).isNotDone();
    }

    @Test
    void unreachableBmcTimesOutWithAttemptsAndElapsed() {
        MachineHarness h = new MachineHarness(machine(null, PrivilegeLevel.ADMINISTRATOR, "password", noJitter(2),
                new ScriptedRandom(), Duration.ofSeconds(30))).start();
        h.advance(100 * SECOND);
        assertThat(h.takeAllSent()).hasSize(3);
        Throwable e = Assertions.catchThrowable(opened::join);
        assertThat(e).isInstanceOf(CompletionException.class).cause().isInstanceOf(IpmiTimeoutException.class)
                .hasMessageContaining("Get Channel Authentication Capabilities").hasMessageContaining("3 attempts");
        assertThat(((IpmiTimeoutException) e.getCause()).elapsed()).isEqualTo(Duration.ofMillis(1000 + 1500 + 2250));
        assertThat(h.ended()).isTrue();
    }

    @Test
    void noReplyToActivateSessionMeansWrongPassword() {
        MachineHarness h = new MachineHarness(machine(AuthType.MD5, PrivilegeLevel.ADMINISTRATOR, "wrong", noJitter(1),
                new ScriptedRandom().bounded(1).unbounded(0x45A38FCB), Duration.ofSeconds(30))).start();
        String f = "lan/session-md5.hex";
        h.takeSent();
        h.deliver(Vectors.load(f, "auth_caps_response"));
        h.takeSent();
        h.deliver(Vectors.load(f, "challenge_response"));
        byte[] activate = h.takeSent();
        h.advance(10 * SECOND);
        List<byte[]> retries = h.takeAllSent();
        assertThat(retries).hasSize(1);
        // same IPMI message (same rqSeq), resent
        assertThat(Ipmi15Packet.decode(retries.get(0)).message()).isEqualTo(Ipmi15Packet.decode(activate).message());
        assertThat(opened).isCompletedExceptionally();
        Throwable e = Assertions.catchThrowable(opened::join).getCause();
        assertThat(e).isInstanceOf(IpmiAuthenticationException.class)
                .hasMessageContaining("no reply to Activate Session — wrong user name or password?");
        assertThat(e.getMessage()).doesNotContain("wrong\u0000").doesNotContain("password\"");
    }

    private MachineHarness untilActivate() {
        MachineHarness h = new MachineHarness(machine(AuthType.MD5, PrivilegeLevel.ADMINISTRATOR, "password",
                noJitter(1), new ScriptedRandom().bounded(1).unbounded(0x45A38FCB), Duration.ofSeconds(30))).start();
        String f = "lan/session-md5.hex";
        h.takeSent();
        h.deliver(Vectors.load(f, "auth_caps_response"));
        h.takeSent();
        h.deliver(Vectors.load(f, "challenge_response"));
        h.takeSent();
        return h;
    }

    private static byte[] activateAnswer(int sessionId, byte[] body) {
        LanMessage req = LanMessage.request(0x06, 0, 3, 0x3A, new byte[0]);
        return new Ipmi15Packet(AuthType.NONE, 0, sessionId, new byte[0], req.response(body).encode()).encode();
    }

    @Test
    void aForgedUnauthenticatedActivateSuccessIsDropped() {
        MachineHarness h = untilActivate();
        h.deliver(activateAnswer(0, new byte[] {0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x04}));
        assertThat(drops).contains("WRONG_SESSION");
        assertThat(opened).isNotDone();
    }

    @Test
    void anUnauthenticatedActivateErrorIsBelieved() {
        MachineHarness h = untilActivate();
        h.deliver(activateAnswer(5, new byte[] {(byte) 0x81}));
        assertThat(Assertions.catchThrowable(opened::join).getCause()).isInstanceOf(IpmiSessionException.class)
                .hasMessageContaining("no session slot available");
        assertThat(h.ended()).isTrue();
    }

    @Test
    void aRefusedChallengeNamesTheCommandOnce() {
        MachineHarness h = new MachineHarness(machine(AuthType.MD5, PrivilegeLevel.ADMINISTRATOR, "password",
                noJitter(1), new ScriptedRandom().bounded(1).unbounded(0x45A38FCB), Duration.ofSeconds(30))).start();
        h.takeSent();
        h.deliver(Vectors.load("lan/session-md5.hex", "auth_caps_response"));
        h.takeSent();
        LanMessage req = LanMessage.request(0x06, 0, 2, 0x39, new byte[0]);
        h.deliver(new Ipmi15Packet(AuthType.NONE, 0, 0, new byte[0], req.response(new byte[] {(byte) 0xC1}).encode())
                .encode());
        Throwable e = Assertions.catchThrowable(opened::join).getCause();
        assertThat(e).isInstanceOf(IpmiSessionException.class).hasMessageContaining("Get Session Challenge failed");
        assertThat(e.getMessage().indexOf("Get Session Challenge")).as(e.getMessage())
                .isEqualTo(e.getMessage().lastIndexOf("Get Session Challenge"));
    }

    @Test
    void weakAuthTypesNeedOptIn() {
        Ipmi15Machine m = new Ipmi15Machine(BMC, new byte[0], pw16(""), null, false, PrivilegeLevel.USER, noJitter(1),
                8, Duration.ZERO, listener, new ScriptedRandom().bounded(1), opened);
        MachineHarness h = new MachineHarness(m).start();
        h.takeSent();
        // a BMC offering only NONE and PASSWORD: byte 3 = 11h
        LanMessage req = LanMessage.request(0x06, 0, 1, 0x38, new byte[] {0x0E, 0x02});
        byte[] body = {0x00, 0x01, 0x11, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00};
        h.deliver(new Ipmi15Packet(AuthType.NONE, 0, 0, new byte[0], req.response(body).encode()).encode());
        Throwable e = Assertions.catchThrowable(opened::join).getCause();
        assertThat(e).isInstanceOf(IpmiAuthenticationException.class).hasMessageContaining("allowInsecureAuth(true)");
    }

    @Test
    void callsBeforeTheSessionIsUpAreQueuedAndBridgingIsRefused() {
        MachineHarness h = new MachineHarness(machine(AuthType.MD5, PrivilegeLevel.ADMINISTRATOR, "password",
                noJitter(4), new ScriptedRandom().bounded(1).unbounded(0x45A38FCB), Duration.ofSeconds(30))).start();
        CompletableFuture<byte[]> early = new CompletableFuture<>();
        h.submit(new IpmiCall(RequestTarget.BMC, RawRequest.of(0x2C, 0x3E).id(), new byte[] {0x00, 0x02}, early));
        CompletableFuture<byte[]> bridged = new CompletableFuture<>();
        h.submit(new IpmiCall(RequestTarget.bridged(0x72, 7), GetDeviceId.ID, new byte[0], bridged));
        assertThat(bridged).isCompletedExceptionally();
        assertThat(Assertions.catchThrowable(bridged::join).getCause())
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("bridged targets go through IpmiClient");
        assertThat(h.sentCount()).isEqualTo(1); // only the set-up step
    }

    @Test
    void closeSendsCloseSessionOnceAndEnds() {
        MachineHarness h = md5Session();
        CompletableFuture<byte[]> pending = new CompletableFuture<>();
        h.submit(new IpmiCall(RequestTarget.BMC, GetDeviceId.ID, new byte[0], pending));
        h.takeSent();
        h.close();
        assertThat(Assertions.catchThrowable(pending::join).getCause()).isInstanceOf(IpmiSessionException.class);
        Ipmi15Packet close = Ipmi15Packet.decode(h.takeSent());
        LanMessage m = LanMessage.decode(close.message());
        assertThat(m.command()).isEqualTo(0x3C);
        assertThat(m.body()).containsExactly(0x82, 0x00, 0x00, 0x00);
        h.advance(5 * SECOND); // no answer: one attempt only
        assertThat(h.sentCount()).isZero();
        assertThat(h.ended()).isTrue();
    }

    @Test
    void keepaliveAfterIdle() {
        MachineHarness h = md5Session();
        h.advance(29 * SECOND);
        assertThat(h.sentCount()).isZero();
        h.advance(2 * SECOND);
        LanMessage m = LanMessage.decode(Ipmi15Packet.decode(h.takeSent()).message());
        assertThat(m.command()).isEqualTo(0x01); // Get Device ID
    }

    @Test
    void userTimeoutFailsOnlyThatCall() {
        MachineHarness h = md5Session();
        CompletableFuture<byte[]> f = new CompletableFuture<>();
        h.submit(new IpmiCall(RequestTarget.BMC, GetDeviceId.ID, new byte[0], f));
        h.advance(20 * SECOND);
        assertThat(h.takeAllSent()).hasSize(5);
        assertThat(Assertions.catchThrowable(f::join).getCause()).isInstanceOf(IpmiTimeoutException.class);
        assertThat(h.ended()).isFalse();
    }

    @Test
    void windowLimitsRequestsOnTheWire() {
        MachineHarness h = md5Session();
        for (int i = 0; i < 12; i++) {
            h.submit(new IpmiCall(RequestTarget.BMC, GetDeviceId.ID, new byte[0], new CompletableFuture<>()));
        }
        assertThat(h.takeAllSent()).hasSize(8);
    }

    @Test
    void insufficientPrivilegeIsTheCallersCompletionCode() {
        MachineHarness h = md5Session();
        CompletableFuture<byte[]> f = new CompletableFuture<>();
        h.submit(new IpmiCall(RequestTarget.BMC, RawRequest.of(0x2C, 0x3E).id(), new byte[] {0x00, 0x02}, f));
        h.takeSent();
        h.deliver(Vectors.load("lan/session-md5.hex", "first_command_response"));
        Assertions.assertThatThrownBy(() -> dev.ipmi.core.Commands.decodeResponse(RawRequest.of(0x2C, 0x3E), f.join()))
                .isInstanceOf(CompletionCodeException.class);
    }
}
