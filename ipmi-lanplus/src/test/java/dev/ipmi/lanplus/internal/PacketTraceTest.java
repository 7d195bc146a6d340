package dev.ipmi.lanplus.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.core.wire.Hex;
import dev.ipmi.testing.Vectors;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PacketTraceTest {
    private static String hex(byte[] d, int from, int to) {
        return Hex.dump(Arrays.copyOfRange(d, from, to));
    }

    @Test
    void rakpAuthCodesAndIcvAreCutOut() {
        CaptureHandshake h = CaptureHandshake.load("c3");
        byte[] rakp2 = Vectors.load("lanplus/c3.hex", "p05");
        byte[] rakp3 = Vectors.load("lanplus/c3.hex", "p06");
        byte[] rakp4 = Vectors.load("lanplus/c3.hex", "p07");
        String t2 = PacketTrace.redacted(rakp2, 0);
        assertThat(t2).doesNotContain(hex(h.rakp2().authCode(), 0, 8)).contains("20 bytes redacted");
        assertThat(PacketTrace.redacted(rakp3, 0)).doesNotContain(hex(h.rakp3().authCode(), 0, 8));
        assertThat(PacketTrace.redacted(rakp4, 0)).doesNotContain(hex(h.rakp4().integrityCheckValue(), 0, 8));
    }

    @Test
    void authCodeOfSessionPacketsIsCutOut() {
        byte[] p = CaptureHandshake.load("c3").sessionPackets().get(0);
        String t = PacketTrace.redacted(p, 12);
        assertThat(t).doesNotContain(hex(p, p.length - 12, p.length)).contains("AuthCode redacted");
        assertThat(t).contains(hex(p, 0, 16));
    }

    @Test
    void unencryptedIpmiDataIsCutOut() {
        RmcpPlusCodec c = RmcpPlusCodec.unauthenticated();
        byte[] setUserPassword = Hex.parse("20 18 c8 81 04 47 02 02 73 65 63 72 65 74 00 00 00 00 00 00 00 00 00 00 00");
        byte[] d = c.encode(0, 0, 0, setUserPassword);
        assertThat(PacketTrace.redacted(d, 0)).doesNotContain("73 65 63 72").contains("bytes redacted");
    }

    @Test
    void rakpRandomNumbersAreCutOut() {
        CaptureHandshake h = CaptureHandshake.load("c3");
        String t1 = PacketTrace.redacted(Vectors.load("lanplus/c3.hex", "p04"), 0);
        String t2 = PacketTrace.redacted(Vectors.load("lanplus/c3.hex", "p05"), 0);
        assertThat(t1).doesNotContain(hex(h.rakp1().consoleRandom(), 0, 6)).contains("random number");
        assertThat(t2).doesNotContain(hex(h.rakp2().bmcRandom(), 0, 6)).doesNotContain(hex(h.rakp2().bmcGuid(), 0, 6));
    }

    @Test
    void encryptedPayloadIsNotShownAtAll() {
        for (byte[] p : CaptureHandshake.load("c3").sessionPackets()) {
            String t = PacketTrace.redacted(p, 12);
            assertThat(t).contains(hex(p, 0, 16)).contains("encrypted payload");
            for (int i = 16; i + 6 <= p.length - 12; i += 6) {
                assertThat(t).doesNotContain(hex(p, i, i + 6));
            }
        }
    }
}
