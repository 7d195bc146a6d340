package dev.ipmi.lanplus.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipmi.core.MalformedMessageException;
import dev.ipmi.core.wire.LanMessage;
import dev.ipmi.core.types.CipherSuite;
import dev.ipmi.lanplus.RmcpPlusStatus;
import dev.ipmi.testing.Vectors;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reproduces the auth codes, integrity check values and session traffic that ipmitool 1.8.19 and
 * FreeIPMI 1.6.10 exchanged with ipmi_sim 2.0.33 (captures under vectors/lanplus): the random
 * numbers, GUID and session IDs are taken from the capture, the expected MACs are the ones the real
 * peers put on the wire.
 */
class RakpCaptureVectorTest {
    private static final byte[] PASSWORD = "password".getBytes(StandardCharsets.US_ASCII);

    private static byte[] kg(String kg) {
        return kg.isEmpty() ? null : kg.getBytes(StandardCharsets.US_ASCII);
    }

    @ParameterizedTest(name = "{0}: suite {1} kg ''{2}''")
    @CsvSource({"c3, 3, ''", "c1, 1, ''", "c6, 6, ''", "c8, 8, ''", "c11, 11, ''", "c11kg, 11, secret",
            "c12, 12, ''", "c3kg, 3, secret", "nociph, 3, secret"})
    void authCodesMatchTheCapture(String file, int suiteId, String kg) {
        CaptureHandshake h = CaptureHandshake.load(file);
        CipherSuite suite = CipherSuite.of(suiteId);
        assertThat(h.open().authAlgorithm()).isEqualTo(suite.authentication().code());
        assertThat(h.open().integrityAlgorithm()).isEqualTo(suite.integrity().code());
        assertThat(h.open().confidentialityAlgorithm()).isEqualTo(suite.confidentiality().code());
        assertThat(h.openResponse().status()).isEqualTo(RmcpPlusStatus.NO_ERRORS);
        int sidM = h.open().consoleSessionId();
        int sidC = h.openResponse().bmcSessionId();
        byte[] rm = h.rakp1().consoleRandom();
        byte[] rc = h.rakp2().bmcRandom();
        byte[] guid = h.rakp2().bmcGuid();
        int role = h.rakp1().role();
        byte[] user = h.rakp1().userName();
        assertThat(new String(user, StandardCharsets.US_ASCII)).isEqualTo("admin");

        try (RakpKeys keys = new RakpKeys(suite.authentication(), PASSWORD, kg(kg))) {
            assertThat(keys.rakp2AuthCode(sidM, sidC, rm, rc, guid, role, user)).isEqualTo(h.rakp2().authCode());
            assertThat(keys.rakp3AuthCode(rc, sidM, role, user)).isEqualTo(h.rakp3().authCode());
            byte[] sik = keys.sik(rm, rc, role, user);
            assertThat(RakpKeys.rakp4Icv(suite.authentication(), sik, rm, sidC, guid))
                    .isEqualTo(h.rakp4().integrityCheckValue());
        }
    }

    @ParameterizedTest(name = "{0}: suite {1}")
    @CsvSource({"c3, 3, ''", "c11, 11, ''", "c11kg, 11, secret", "c3kg, 3, secret", "nociph, 3, secret",
            "c8, 8, ''"})
    void sessionPacketsPassIntegrityAndDecryptToIpmiMessages(String file, int suiteId, String kg) {
        CaptureHandshake h = CaptureHandshake.load(file);
        CipherSuite suite = CipherSuite.of(suiteId);
        byte[] rm = h.rakp1().consoleRandom();
        byte[] rc = h.rakp2().bmcRandom();
        byte[] sik;
        try (RakpKeys keys = new RakpKeys(suite.authentication(), PASSWORD, kg(kg))) {
            sik = keys.sik(rm, rc, h.rakp1().role(), h.rakp1().userName());
        }
        byte[] k1 = RakpKeys.derive(suite.authentication(), sik, 0x01);
        byte[] k2 = RakpKeys.derive(suite.authentication(), sik, 0x02);
        int checked = 0;
        try (RmcpPlusCodec codec = RmcpPlusCodec.forSession(suite, k1, k2, PASSWORD)) {
            for (byte[] p : h.sessionPackets()) {
                RmcpPlusCodec.Packet packet = codec.decode(p);
                assertThat(packet.authenticated()).isTrue();
                assertThat(packet.encrypted()).isEqualTo(suite.confidentiality().code() != 0);
                LanMessage m = LanMessage.decode(packet.payload());
                assertThat(m.netFn() & 0x3E).isIn(0x06, 0x00, 0x2C);
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(4);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"c3", "c11"})
    void anyFlippedBitFailsTheIntegrityCheck(String file) {
        CaptureHandshake h = CaptureHandshake.load(file);
        CipherSuite suite = CipherSuite.of(file.equals("c3") ? 3 : 11);
        byte[] sik;
        try (RakpKeys keys = new RakpKeys(suite.authentication(), PASSWORD, null)) {
            sik = keys.sik(h.rakp1().consoleRandom(), h.rakp2().bmcRandom(), h.rakp1().role(), h.rakp1().userName());
        }
        byte[] k1 = RakpKeys.derive(suite.authentication(), sik, 0x01);
        byte[] k2 = RakpKeys.derive(suite.authentication(), sik, 0x02);
        byte[] packet = h.sessionPackets().get(0);
        try (RmcpPlusCodec codec = RmcpPlusCodec.forSession(suite, k1, k2, PASSWORD)) {
            for (int i = 4; i < packet.length; i++) {
                byte[] bad = Arrays.copyOf(packet, packet.length);
                bad[i] ^= 0x01;
                if (i == 5) {
                    continue;
                }
                assertThatThrownBy(() -> codec.decode(bad)).as("bit flipped at %d", i)
                        .isInstanceOfAny(IntegrityCheckException.class, MalformedMessageException.class);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void md5Integrity128UsesThePasswordZeroPaddedTo20Bytes() {
        byte[] packet = Vectors.load("lanplus/c11.hex", "p08");
        byte[] covered = Arrays.copyOfRange(packet, 4, packet.length - 16);
        byte[] pw20 = Arrays.copyOf(PASSWORD, 20);
        assertThat(Crypto.digest(Crypto.Hash.MD5, pw20, covered, pw20))
                .isEqualTo(Arrays.copyOfRange(packet, packet.length - 16, packet.length));
    }
}
