package dev.ipmi.bmc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipmi.core.IpmiException;
import dev.ipmi.core.client.RetryPolicy;
import dev.ipmi.core.commands.app.GetDeviceId;
import dev.ipmi.core.event.IpmiEventListener;
import dev.ipmi.core.options.LanOptions;
import dev.ipmi.core.options.LanPlusOptions;
import dev.ipmi.core.options.Quirk;
import dev.ipmi.core.types.AuthType;
import dev.ipmi.core.types.CipherSuite;
import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.lan.LanSession;
import dev.ipmi.lanplus.LanPlusSession;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Our own client against the virtual BMC in each of the twelve FreeIPMI fault modes, over the protocol
 * the fault belongs to: the login ones are detected and applied without being asked (and reported to the
 * event listener), the ones our client never needs succeed as they are, and the two that would weaken a
 * check fail (they are not applied unasked).
 */
class OwnClientWorkaroundsIT {
    static VirtualBmcServer server;
    static final Map<BmcQuirk, Integer> PORTS = new EnumMap<>(BmcQuirk.class);
    static final String LONG_PASSWORD = "0123456789abcdefWXYZ";
    static int intelLongPasswordPort;
    static int md5KeyedPort;
    static int intelKgPort;

    /** The client quirk reported for each BMC fault, when the client has to detect one. */
    static Optional<Quirk> reported(BmcQuirk q) {
        return Optional.ofNullable(switch (q) {
            case IDZERO -> Quirk.ID_ZERO;
            case ENDIANSEQ -> Quirk.ENDIAN_SEQ;
            case UNEXPECTEDAUTH, FORCEPERMSG -> Quirk.FORCE_PERMSG;
            case INTEL20 -> Quirk.INTEL_2_0;
            case SUPERMICRO20, SUN20 -> Quirk.SUPERMICRO_2_0;
            default -> null;
        });
    }

    static boolean ipmi15(BmcQuirk q) {
        return switch (q) {
            case AUTHCAP, NOCHECKSUMCHECK, IDZERO, UNEXPECTEDAUTH, FORCEPERMSG, ENDIANSEQ, NOAUTHCODECHECK -> true;
            default -> false;
        };
    }

    @BeforeAll
    static void start() {
        server = VirtualBmcServer.start();
        for (BmcQuirk q : BmcQuirk.values()) {
            if (q.freeIpmiFlag().isPresent()) {
                PORTS.put(q, server.add(VirtualBmc.builder().user("admin", "password", PrivilegeLevel.ADMINISTRATOR)
                        .cipherSuites(CipherSuite.SUITE_3, CipherSuite.SUITE_0).authTypes(Set.of(AuthType.MD5))
                        .quirk(q).build()).getPort());
            }
        }
        intelLongPasswordPort = server.add(VirtualBmc.builder().user("admin", LONG_PASSWORD, PrivilegeLevel.ADMINISTRATOR)
                .cipherSuites(CipherSuite.SUITE_7, CipherSuite.SUITE_6).quirk(BmcQuirk.INTEL20).build()).getPort();
        intelKgPort = server.add(VirtualBmc.builder().user("admin", "password", PrivilegeLevel.ADMINISTRATOR)
                .cipherSuites(CipherSuite.SUITE_6).kg("bmc-key".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .quirk(BmcQuirk.INTEL20).build()).getPort();
        md5KeyedPort = server.add(VirtualBmc.builder().user("admin", "password", PrivilegeLevel.ADMINISTRATOR)
                .cipherSuites(CipherSuite.SUITE_7).quirk(BmcQuirk.HMAC_MD5_128_KEYED_WITH_PASSWORD).build()).getPort();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    record Applied(Quirk quirk, String detail) {}

    static final class Recorder implements IpmiEventListener {
        final List<Applied> applied = new CopyOnWriteArrayList<>();
        final java.util.concurrent.atomic.AtomicInteger sent = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public void quirkApplied(SocketAddress bmc, Quirk quirk, String detail) {
            applied.add(new Applied(quirk, detail));
        }

        @Override
        public boolean tracesPackets() {
            return true;
        }

        @Override
        public void packetTraced(SocketAddress bmc, boolean outbound, String description) {
            if (outbound) {
                sent.incrementAndGet();
            }
        }
    }

    static void lanPlusLogin(int port, String password, CipherSuite suite, Recorder recorder) {
        LanPlusOptions o = LanPlusOptions.builder("127.0.0.1").port(port)
                .credentials("admin", password.toCharArray()).privilege(PrivilegeLevel.ADMINISTRATOR)
                .cipherSuite(suite).retry(RetryPolicy.of(Duration.ofMillis(300), 2)).listener(recorder).build();
        try (LanPlusSession s = LanPlusSession.open(o)) {
            assertThat(s.send(new GetDeviceId.Request()).join().deviceId()).isEqualTo(0x20);
        }
    }

    /** Session ID 0 in RMCP+ replies: accepted because the reply's integrity data verify under the session's K1. */
    @org.junit.jupiter.api.Test
    void idZeroOverRmcpPlus() {
        Recorder r = new Recorder();
        login(BmcQuirk.IDZERO, r, false);
        assertThat(r.applied).extracting(Applied::quirk).containsOnly(Quirk.ID_ZERO).isNotEmpty();
    }

    /** Intel SMM with RAKP-HMAC-MD5 and a 20-byte password: the BMC proves the password's first 16 bytes. */
    @org.junit.jupiter.api.Test
    void intel20LongPasswordUnderHmacMd5() {
        Recorder r = new Recorder();
        lanPlusLogin(intelLongPasswordPort, LONG_PASSWORD, CipherSuite.SUITE_7, r);
        assertThat(r.applied).extracting(Applied::quirk).containsOnly(Quirk.INTEL_2_0).isNotEmpty();
        assertThat(r.applied.get(0).detail()).contains("first 16 bytes");
        assertThatThrownBy(() -> lanPlusLogin(intelLongPasswordPort, "0123456789abcdeXWXYZ", CipherSuite.SUITE_7,
                new Recorder())).isInstanceOf(IpmiException.class).hasMessageContaining("RAKP2");
    }

    /**
     * Intel SMM without integrity (suite 6): no RAKP4 integrity check value. Taken with one key (RAKP2 proved
     * the password); with a K_g it would be the only proof of the K_g, so the login fails and says why.
     */
    @org.junit.jupiter.api.Test
    void intel20WithoutIntegrityHasNoRakp4Icv() {
        Recorder r = new Recorder();
        lanPlusLogin(intelLongPasswordPort, LONG_PASSWORD, CipherSuite.SUITE_6, r);
        assertThat(r.applied).extracting(Applied::quirk).containsOnly(Quirk.INTEL_2_0).isNotEmpty();

        LanPlusOptions withKg = LanPlusOptions.builder("127.0.0.1").port(intelKgPort)
                .credentials("admin", "password".toCharArray()).kg("bmc-key".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .privilege(PrivilegeLevel.ADMINISTRATOR).cipherSuite(CipherSuite.SUITE_6)
                .retry(RetryPolicy.of(Duration.ofMillis(300), 2)).build();
        assertThatThrownBy(() -> LanPlusSession.open(withKg).close()).isInstanceOf(IpmiException.class)
                .hasMessageContaining("Quirk.INTEL_2_0");
    }

    /**
     * ipmi_sim's HMAC-MD5-128 keying costs the first login a Set Session Privilege Level timeout and a second
     * login; the next login to the same BMC applies the remembered quirk from the start.
     */
    @org.junit.jupiter.api.Test
    void aRememberedQuirkSavesTheRetryOnTheNextLogin() {
        java.net.InetSocketAddress bmc = new java.net.InetSocketAddress("127.0.0.1", md5KeyedPort);
        dev.ipmi.core.options.QuirkCache.shared().forget(bmc);
        Recorder first = new Recorder();
        lanPlusLogin(md5KeyedPort, "password", CipherSuite.SUITE_7, first);
        Recorder second = new Recorder();
        lanPlusLogin(md5KeyedPort, "password", CipherSuite.SUITE_7, second);
        assertThat(first.applied).extracting(Applied::detail).containsExactly(
                "HMAC-MD5-128 integrity keyed with the password (detected)");
        assertThat(second.applied).extracting(Applied::detail).containsExactly(
                "HMAC-MD5-128 integrity keyed with the password (remembered for this BMC)");
        // first: Open Session, RAKP1, RAKP3, Set Session Privilege twice, then all of it again, Get Device ID,
        // Close Session; second: one login
        assertThat(second.sent.get()).isLessThanOrEqualTo(first.sent.get() - 4);
    }

    static void login(BmcQuirk q, Recorder recorder, Quirk... optIn) {
        login(q, recorder, ipmi15(q), optIn);
    }

    static void login(BmcQuirk q, Recorder recorder, boolean ipmi15, Quirk... optIn) {
        RetryPolicy retry = RetryPolicy.of(Duration.ofMillis(300), 2);
        if (ipmi15) {
            LanOptions o = LanOptions.builder("127.0.0.1").port(PORTS.get(q))
                    .credentials("admin", "password".toCharArray()).authType(AuthType.MD5)
                    .privilege(PrivilegeLevel.ADMINISTRATOR).retry(retry).listener(recorder).quirks(optIn).build();
            try (LanSession s = LanSession.open(o)) {
                byte[] body = LanSession.await(s.exchange(GetDeviceId.ID, new byte[0]));
                assertThat(body[0]).isZero();
                assertThat(LanSession.await(s.exchange(GetDeviceId.ID, new byte[0]))[1]).isEqualTo((byte) 0x20);
            }
        } else {
            boolean suite0 = q == BmcQuirk.INTEGRITYCHECKVALUE;
            LanPlusOptions o = LanPlusOptions.builder("127.0.0.1").port(PORTS.get(q))
                    .credentials("admin", "password".toCharArray()).privilege(PrivilegeLevel.ADMINISTRATOR)
                    .allowCipherZero(suite0).cipherSuite(suite0 ? CipherSuite.SUITE_0 : CipherSuite.SUITE_3)
                    .retry(retry).listener(recorder).quirks(optIn).build();
            try (LanPlusSession s = LanPlusSession.open(o)) {
                assertThat(s.send(new GetDeviceId.Request()).join().deviceId()).isEqualTo(0x20);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = BmcQuirk.class, names = {"AUTHCAP", "IDZERO", "UNEXPECTEDAUTH", "FORCEPERMSG", "ENDIANSEQ",
            "INTEL20", "SUPERMICRO20", "SUN20", "OPENSESSPRIV", "INTEGRITYCHECKVALUE"})
    void detectedOrNeverNeeded(BmcQuirk q) {
        Recorder first = new Recorder();
        login(q, first);
        Optional<Quirk> expected = reported(q);
        assertThat(first.applied).extracting(Applied::quirk).containsOnly(expected.stream().toArray(Quirk[]::new));
        if (expected.isPresent()) {
            assertThat(first.applied).isNotEmpty();
            Recorder second = new Recorder();
            login(q, second);
            assertThat(second.applied).extracting(Applied::detail).allMatch(d -> d.endsWith("(remembered for this BMC)"));
        }
    }

    /**
     * Skipping the checksum or AuthCode check would weaken the reply's checks: never done unasked, but the
     * error names the quirk, and with it enabled the session works.
     */
    @ParameterizedTest
    @EnumSource(value = BmcQuirk.class, names = {"NOCHECKSUMCHECK", "NOAUTHCODECHECK"})
    void checksThatWouldBeWeakenedAreOptInAndNamedInTheError(BmcQuirk q) {
        Quirk optIn = q == BmcQuirk.NOCHECKSUMCHECK ? Quirk.NO_CHECKSUM_CHECK : Quirk.NO_AUTHCODE_CHECK;
        Recorder r = new Recorder();
        assertThatThrownBy(() -> login(q, r)).isInstanceOf(IpmiException.class)
                .hasMessageContaining("Quirk." + optIn.name());
        assertThat(r.applied).isEmpty();
        Recorder enabled = new Recorder();
        login(q, enabled, optIn);
        assertThat(enabled.applied).extracting(Applied::quirk).containsExactly(optIn);
    }

    @org.junit.jupiter.api.Test
    void wrongChecksumsOverRmcpPlusAreOptInToo() {
        Recorder r = new Recorder();
        assertThatThrownBy(() -> login(BmcQuirk.NOCHECKSUMCHECK, r, false)).isInstanceOf(IpmiException.class)
                .hasMessageContaining("Quirk.NO_CHECKSUM_CHECK");
        Recorder enabled = new Recorder();
        login(BmcQuirk.NOCHECKSUMCHECK, enabled, false, Quirk.NO_CHECKSUM_CHECK);
        assertThat(enabled.applied).extracting(Applied::quirk).containsExactly(Quirk.NO_CHECKSUM_CHECK);
    }
}
