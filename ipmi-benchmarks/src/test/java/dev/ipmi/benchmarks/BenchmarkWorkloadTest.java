package dev.ipmi.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.core.commands.app.GetDeviceId;
import dev.ipmi.core.fru.FruInventory;
import dev.ipmi.core.sdr.SdrScan;
import dev.ipmi.core.wire.LanMessage;
import dev.ipmi.lanplus.internal.RmcpPlusCodec;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Each benchmark body runs once here and its result is checked against what ipmitool printed for
 * the same captured bytes, so a benchmark can never time a path that throws or decodes garbage.
 * Nothing is timed: speed is measured only by running target/benchmarks.jar.
 */
class BenchmarkWorkloadTest {
    @Test
    void codecBenchmarksDecodeWhatIpmitoolShowed() {
        CodecBenchmark b = new CodecBenchmark();
        b.setUp();
        assertThat(LanMessage.decode(b.lanMessageEncode())).isEqualTo(b.lanMessageDecode());
        assertThat(b.lanMessageDecode().command()).isEqualTo(0x01);

        // ipmitool mc info: Device ID 32, Firmware Revision 2.15, IPMI Version 2.0, Manufacturer ID 4753
        GetDeviceId.Response id = b.getDeviceIdDecode();
        assertThat(id.deviceId()).isEqualTo(0x20);
        assertThat(id.firmwareRevisionText()).isEqualTo("2.15");
        assertThat(id.ipmiVersionText()).isEqualTo("2.0");
        assertThat(id.manufacturerId()).isEqualTo(4753);

        // ipmitool sdr list: "12V | 12.00 Volts | ok"
        assertThat(b.sdrFullRecordDecodeAndConvert()).isCloseTo(12.00, org.assertj.core.data.Offset.offset(1e-9));
        SdrScan scan = b.sdrRepositoryDecode();
        assertThat(scan.records()).hasSize(8);
        assertThat(scan.malformed()).isEmpty();

        FruInventory fru = b.fruDecode();
        assertThat(fru.product().orElseThrow().name().text()).isEqualTo("LabServer 1000");
        assertThat(fru.board().orElseThrow().productName().text()).isEqualTo("LabBoard X1");
    }

    @Test
    void selBenchmarkDecodesTheCapturedThresholdEvent() {
        SelRecordBenchmark b = new SelRecordBenchmark();
        b.setUp();
        // ipmitool sel list: "2 | Pre-Init | ... | Temperature #0x01 | Upper Critical going high | Asserted"
        assertThat(b.selRecordDecode().recordId()).isEqualTo(2);
        assertThat(b.selRecordDecodeAndDescribe()).isEqualTo("Upper Critical going high");
    }

    @Test
    void rmcpPlusBenchmarkProtectsAndUnprotectsBothSuites() {
        for (int suite : new int[] {3, 17}) {
            RmcpPlusBenchmark b = new RmcpPlusBenchmark();
            b.suite = suite;
            b.setUp();
            try {
                byte[] wire = b.protect();
                RmcpPlusCodec.Packet p = b.unprotect();
                assertThat(p.authenticated()).isTrue();
                assertThat(p.encrypted()).isTrue();
                assertThat(p.payload()).hasSize(23);
                assertThat(p.payload()[6]).isEqualTo((byte) 0x00); // completion code of the Get Device ID reply
                // 16 header + 16 IV + 32 AES blocks + pad/pad length/next header + AuthCode (12 or 16)
                assertThat(wire.length).isEqualTo(suite == 3 ? 80 : 84);
            } finally {
                b.tearDown();
            }
        }
    }

    @Test
    void md5AuthCodeMatchesTheSpecFormula() throws Exception {
        Ipmi15AuthBenchmark b = new Ipmi15AuthBenchmark();
        b.setUp();
        byte[] code = b.md5AuthCode();
        // IPMI v2.0 §22.17.1: MD5(password ‖ session ID ‖ message ‖ session sequence ‖ password), LS byte first
        byte[] pw16 = Arrays.copyOf("password".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 16);
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        md5.update(pw16);
        md5.update(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0x0A0B0C0D).array());
        md5.update(new byte[] {0x20, 0x18, (byte) 0xC8, (byte) 0x81, 0x24, 0x01, 0x5A});
        md5.update(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(1).array());
        md5.update(pw16);
        assertThat(code).isEqualTo(md5.digest());
    }
}
