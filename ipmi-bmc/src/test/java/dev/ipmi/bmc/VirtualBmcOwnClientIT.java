package dev.ipmi.bmc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipmi.core.IpmiException;
import dev.ipmi.core.commands.app.GetDeviceId;
import dev.ipmi.core.commands.chassis.ChassisControl;
import dev.ipmi.core.commands.chassis.GetChassisStatus;
import dev.ipmi.core.commands.chassis.PowerAction;
import dev.ipmi.core.client.RetryPolicy;
import dev.ipmi.core.types.AuthType;
import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.core.options.LanOptions;
import dev.ipmi.lan.LanSession;
import dev.ipmi.core.types.CipherSuite;
import dev.ipmi.core.options.LanPlusOptions;
import dev.ipmi.lanplus.LanPlusSession;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Our own IPMI 1.5 and RMCP+ client sessions against the virtual BMC: suites 15-17 and every quirk mode. */
class VirtualBmcOwnClientIT {
    static VirtualBmcServer server;
    static InMemoryBackend backend;
    static int port;

    @BeforeAll
    static void start() {
        backend = InMemoryBackend.create();
        server = VirtualBmcServer.start();
        port = server.add(bmc(Set.of())).getPort();
    }

    static VirtualBmc bmc(Set<BmcQuirk> quirks) {
        return VirtualBmc.builder()
                .user("admin", "password", PrivilegeLevel.ADMINISTRATOR)
                .cipherSuites(CipherSuite.SUITE_17, CipherSuite.SUITE_16, CipherSuite.SUITE_15, CipherSuite.SUITE_3,
                        CipherSuite.SUITE_7, CipherSuite.SUITE_8, CipherSuite.SUITE_11, CipherSuite.SUITE_12)
                .authTypes(Set.of(AuthType.MD5, AuthType.MD2, AuthType.PASSWORD))
                .quirks(quirks)
                .backend(backend)
                .build();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static LanPlusOptions.Builder options(int port, CipherSuite suite) {
        return LanPlusOptions.builder("127.0.0.1").port(port).credentials("admin", "password".toCharArray())
                .privilege(PrivilegeLevel.ADMINISTRATOR).cipherSuite(suite)
                .retry(RetryPolicy.of(Duration.ofMillis(300), 2));
    }

    static GetDeviceId.Response deviceId(LanPlusSession s) {
        byte[] body = s.exchangeBlocking(GetDeviceId.ID, new byte[0]);
        assertThat(body[0]).isEqualTo((byte) 0);
        return new GetDeviceId.Request().decodeResponse(dev.ipmi.core.wire.ByteReader.of(body, 1, body.length - 1));
    }

    @ParameterizedTest
    @ValueSource(ints = {15, 16, 17, 3, 7, 8, 11, 12})
    void suites(int id) {
        try (LanPlusSession s = LanPlusSession.open(options(port, CipherSuite.of(id)).build())) {
            assertThat(s.cipherSuite().id()).isEqualTo(id);
            assertThat(deviceId(s)).isEqualTo(backend.deviceId());
            byte[] on = s.exchangeBlocking(ChassisControl.ID, new byte[] {0x01});
            assertThat(on[0]).isEqualTo((byte) 0);
            assertThat(backend.powerOn()).isTrue();
            byte[] status = s.exchangeBlocking(GetChassisStatus.ID, new byte[0]);
            assertThat(status[1] & 0x01).isEqualTo(1);
            s.exchangeBlocking(ChassisControl.ID, new byte[] {(byte) PowerAction.POWER_DOWN.code()});
            assertThat(backend.powerOn()).isFalse();
        }
    }

    @Test
    void autoPicksSuite17() {
        try (LanPlusSession s = LanPlusSession.open(options(port, CipherSuite.AUTO).build())) {
            assertThat(s.cipherSuite().id()).isEqualTo(17);
        }
    }

    @Test
    void ipmi15Md5() {
        LanOptions o = LanOptions.builder("127.0.0.1").port(port).credentials("admin", "password".toCharArray()).authType(AuthType.MD5).privilege(PrivilegeLevel.ADMINISTRATOR)
                .retry(RetryPolicy.of(Duration.ofMillis(300), 2)).build();
        try (LanSession s = LanSession.open(o)) {
            byte[] body = LanSession.await(s.exchange(GetDeviceId.ID, new byte[0]));
            assertThat(body[0]).isEqualTo((byte) 0);
            assertThat(body[1]).isEqualTo((byte) 0x20);
        }
    }

    @ParameterizedTest
    @EnumSource(value = BmcQuirk.class, names = {"OPEN_SESSION_PRIVILEGE_ZERO", "IGNORE_PRESESSION_CIPHER_SUITES"})
    void toleratedQuirks(BmcQuirk quirk) {
        VirtualBmc quirky = bmc(Set.of(quirk));
        int p = server.add(quirky).getPort();
        try (LanPlusSession s = LanPlusSession.open(options(p, quirk == BmcQuirk.IGNORE_PRESESSION_CIPHER_SUITES
                ? CipherSuite.AUTO : CipherSuite.SUITE_17).build())) {
            assertThat(deviceId(s).deviceId()).isEqualTo(0x20);
        } finally {
            server.remove(quirky);
        }
    }

    /**
     * OpenBMC-style RAKP2 with message tag 0: the client takes it because the console session ID
     * is ours (Quirk.RAKP2_MESSAGE_TAG_ZERO); the BMC side of the quirk is checked byte for byte in
     * RmcpPlusResponderTest.
     */
    @Test
    void rakp2WithTagZeroIsAcceptedWhenTheConsoleSessionIdIsOurs() {
        VirtualBmc quirky = bmc(Set.of(BmcQuirk.RAKP2_TAG_ZERO));
        int p = server.add(quirky).getPort();
        try (LanPlusSession s = LanPlusSession.open(options(p, CipherSuite.SUITE_17).build())) {
            assertThat(s.cipherSuite().id()).isEqualTo(17);
            assertThat(s.send(new GetDeviceId.Request()).join().deviceId()).isEqualTo(0x20);
        } finally {
            server.remove(quirky);
        }
    }

    @Test
    void otherAlgorithmsInOpenSessionAreRefused() {
        VirtualBmc quirky = bmc(Set.of(BmcQuirk.OPEN_SESSION_OTHER_ALGORITHMS));
        int p = server.add(quirky).getPort();
        try {
            assertThatThrownBy(() -> LanPlusSession.open(options(p, CipherSuite.SUITE_17).build()).close())
                    .isInstanceOf(IpmiException.class);
        } finally {
            server.remove(quirky);
        }
    }

    @Test
    void wrongPasswordIsAnAuthenticationFailure() {
        assertThatThrownBy(() -> LanPlusSession.open(options(port, CipherSuite.SUITE_17)
                .credentials("admin", "nope".toCharArray()).build()).close())
                .isInstanceOf(dev.ipmi.core.IpmiAuthenticationException.class);
    }
}
