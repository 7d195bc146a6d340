package dev.ipmi.core.sel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.core.commands.storage.GetSelEntry;
import dev.ipmi.core.commands.storage.GetSelInfo;
import dev.ipmi.core.sdr.SdrRecord;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.testing.Vectors;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SEL entries captured from ipmitool 1.8.19 vs ipmi_sim, formatted and compared with its sel list / elist. */
class IpmitoolSelGoldenTest {
    private static final Map<String, byte[]> SEL = Vectors.load("sel/lab-sel-entries.hex");

    private static List<SelRecord> entries() {
        List<SelRecord> out = new ArrayList<>();
        SEL.forEach((k, v) -> {
            if (k.startsWith("entry-")) {
                var r = new GetSelEntry.Request(0, 0, 0, 0xFF).decodeResponse(ByteReader.of(v));
                out.add(SelRecord.decode(r.data().toByteArray()));
            }
        });
        return out;
    }

    private static SdrRecord.SensorRecord sensor(SelRecord r, List<SdrRecord> sdrs) {
        if (!(r instanceof SelRecord.SystemEvent e)) {
            return null;
        }
        return sdrs.stream().filter(s -> s instanceof SdrRecord.SensorRecord).map(s -> (SdrRecord.SensorRecord) s)
                .filter(s -> s.key().sensorNumber() == e.sensorNumber() && s.sensorType() == e.sensorType()
                        && s.key().ownerId() == e.generatorAddress())
                .findFirst().orElse(null);
    }

    @Test
    void decodesSystemEventFields() {
        SelRecord.SystemEvent e = (SelRecord.SystemEvent) entries().get(1);
        assertThat(e.recordId()).isEqualTo(2);
        assertThat(e.timestamp().raw()).isEqualTo(370);
        assertThat(e.timestamp().isPreInit()).isTrue();
        assertThat(e.timestamp().instant()).isEmpty();
        assertThat(e.generatorId()).isEqualTo(0x0020);
        assertThat(e.evmRevision()).isEqualTo(0x04);
        assertThat(e.sensorType()).isEqualTo(0x01);
        assertThat(e.sensorNumber()).isEqualTo(0x01);
        assertThat(e.deassertion()).isFalse();
        assertThat(e.eventReadingType()).isEqualTo(0x01);
        assertThat(e.offset()).isEqualTo(9);
        assertThat(e.eventData2()).isEqualTo(0x60);
        assertThat(e.eventData3()).isEqualTo(0x5F);
        SelRecord.SystemEvent later = (SelRecord.SystemEvent) entries().get(5);
        assertThat(later.timestamp().isPreInit()).isFalse();
        assertThat(later.timestamp().instant()).isPresent();
    }

    @Test
    void selListMatchesIpmitool() {
        List<String> lines = entries().stream().map(r -> SelFormat.list(r, ZoneOffset.UTC)).toList();
        assertThat(lines).containsExactly(
                "   1 |  Pre-Init  |0000000370| Power Supply #0x05 | Presence detected | Asserted",
                "   2 |  Pre-Init  |0000000370| Temperature #0x01 | Upper Critical going high | Asserted",
                "   3 |  Pre-Init  |0000000370| Power Supply #0x05 | Failure detected | Asserted",
                "   4 |  Pre-Init  |0000000370| Fan #0x03 | Lower Critical going low  | Asserted",
                "   5 |  Pre-Init  |0000000370| Power Supply #0x05 | Failure detected | Deasserted",
                "   6 | 11/21/26 | 10:17:39 UTC | Temperature #0x01 | Upper Non-critical going high | Asserted",
                "   7 | 11/21/26 | 10:17:39 UTC | Temperature #0x01 | Upper Critical going high | Asserted",
                "   8 | 11/21/26 | 10:17:39 UTC | Fan #0x03 | Lower Non-critical going low  | Asserted",
                "   9 | 11/21/26 | 10:17:39 UTC | Fan #0x03 | Lower Critical going low  | Asserted",
                "   a | 11/21/26 | 10:17:40 UTC | Voltage #0x04 | Lower Non-critical going low  | Asserted",
                "   b | 11/21/26 | 10:17:40 UTC | Power Supply #0x05 | Presence detected | Deasserted",
                "   c | 11/21/26 | 10:17:40 UTC | Power Supply #0x05 | Failure detected | Asserted");
    }

    @Test
    void selElistMatchesIpmitoolWithSensorNamesAndThresholdReadings() {
        List<SdrRecord> sdrs = new ArrayList<>();
        Vectors.load("sdr/lab-sdr-records.hex").forEach((k, v) -> {
            if (k.startsWith("record-")) {
                sdrs.add(SdrRecord.decode(v));
            }
        });
        List<String> lines = entries().stream().map(r -> SelFormat.elist(r, ZoneOffset.UTC, sensor(r, sdrs))).toList();
        assertThat(lines).containsExactly(
                "   1 |  Pre-Init  |0000000370| Power Supply PSU1 Status | Presence detected | Asserted",
                "   2 |  Pre-Init  |0000000370| Temperature CPU Temp | Upper Critical going high | Asserted | Reading 96 > Threshold 95 degrees C",
                "   3 |  Pre-Init  |0000000370| Power Supply PSU1 Status | Failure detected | Asserted",
                "   4 |  Pre-Init  |0000000370| Fan Fan1 | Lower Critical going low  | Asserted | Reading 400 < Threshold 500 RPM",
                "   5 |  Pre-Init  |0000000370| Power Supply PSU1 Status | Failure detected | Deasserted",
                "   6 | 11/21/26 | 10:17:39 UTC | Temperature CPU Temp | Upper Non-critical going high | Asserted | Reading 99 > Threshold 85 degrees C",
                "   7 | 11/21/26 | 10:17:39 UTC | Temperature CPU Temp | Upper Critical going high | Asserted | Reading 99 > Threshold 95 degrees C",
                "   8 | 11/21/26 | 10:17:39 UTC | Fan Fan1 | Lower Non-critical going low  | Asserted | Reading 400 < Threshold 1000 RPM",
                "   9 | 11/21/26 | 10:17:39 UTC | Fan Fan1 | Lower Critical going low  | Asserted | Reading 400 < Threshold 500 RPM",
                "   a | 11/21/26 | 10:17:40 UTC | Voltage 12V | Lower Non-critical going low  | Asserted | Reading 11.10 < Threshold 11.40 Volts",
                "   b | 11/21/26 | 10:17:40 UTC | Power Supply PSU1 Status | Presence detected | Deasserted",
                "   c | 11/21/26 | 10:17:40 UTC | Power Supply PSU1 Status | Failure detected | Asserted");
    }

    @Test
    void selInfoMatchesIpmitool() {
        GetSelInfo.Response info = new GetSelInfo.Request().decodeResponse(ByteReader.of(SEL.get("sel-info-initial")));
        // Version : 1.5, Entries : 5, Free Space : 15920 bytes, Overflow : false, Supported Cmds : 'Delete' 'Reserve'
        assertThat(info.selVersion()).isEqualTo(0x51);
        assertThat(info.entries()).isEqualTo(5);
        assertThat(info.freeSpace()).isEqualTo(15920);
        assertThat(info.overflow()).isFalse();
        assertThat(info.deleteSupported()).isTrue();
        assertThat(info.reserveSupported()).isTrue();
        assertThat(info.operationSupport() & 0x05).isZero();
        assertThat(new SelTimestamp(info.lastErase()).isPreInit()).isTrue();
        GetSelInfo.Response later = new GetSelInfo.Request().decodeResponse(ByteReader.of(SEL.get("sel-info-changed")));
        assertThat(later.entries()).isEqualTo(12);
        assertThat(later.freeSpace()).isEqualTo(15808);
        // Last Add Time : 11/21/26 10:17:40 UTC
        assertThat(SelFormat.timestampColumns(new SelTimestamp(later.lastAddition()), ZoneOffset.UTC))
                .isEqualTo("11/21/26 | 10:17:40 UTC |");
    }

    @Test
    void oemRecordsAndSensorSpecificEventsMatchIpmitool() {
        List<SdrRecord> sdrs = new ArrayList<>();
        Vectors.load("sdr/lab-sdr-records.hex").forEach((k, v) -> {
            if (k.startsWith("record-")) {
                sdrs.add(SdrRecord.decode(v));
            }
        });
        List<SelRecord> records = new ArrayList<>();
        Vectors.load("sel/oem-and-sensor-specific.hex").forEach((k, v) -> records.add(
                SelRecord.decode(new GetSelEntry.Request(0, 0, 0, 0xFF).decodeResponse(ByteReader.of(v)).data().toByteArray())));
        assertThat(records.get(0)).isInstanceOf(SelRecord.OemTimestamped.class);
        assertThat(((SelRecord.OemTimestamped) records.get(0)).manufacturerId()).isEqualTo(0x000157);
        assertThat(records.get(1)).isInstanceOf(SelRecord.OemNonTimestamped.class);
        assertThat(records.stream().map(r -> SelFormat.elist(r, ZoneOffset.UTC, sensor(r, sdrs))).toList())
                .containsExactly(
                        "   6 |  Pre-Init  |0000001802| OEM record c1 | 000157 | 112233445566",
                        "   7 | OEM record e1 | 0102030405060708090a0b0c0d",
                        "   8 |  Pre-Init  |0000001803| Memory #0x10 | Uncorrectable ECC | Asserted",
                        "   9 |  Pre-Init  |0000001803| Processor #0x11 | Presence detected | Deasserted",
                        "   a |  Pre-Init  |0000001803| System Event #0x12 | Timestamp Clock Sync | Asserted",
                        "   b |  Pre-Init  |0000001804| Watchdog2 Watchdog | Hard reset | Asserted",
                        "   c |  Pre-Init  |0000001804| Drive Slot / Bay #0x20 | Device Present | Asserted");
        assertThat(records.stream().map(r -> SelFormat.list(r, ZoneOffset.UTC)).toList()).containsExactly(
                "   6 |  Pre-Init  |0000001802| OEM record c1 | 000157 | 112233445566",
                "   7 | OEM record e1 | 0102030405060708090a0b0c0d",
                "   8 |  Pre-Init  |0000001803| Memory #0x10 | Uncorrectable ECC | Asserted",
                "   9 |  Pre-Init  |0000001803| Processor #0x11 | Presence detected | Deasserted",
                "   a |  Pre-Init  |0000001803| System Event #0x12 | Timestamp Clock Sync | Asserted",
                "   b |  Pre-Init  |0000001804| Watchdog2 | Hard reset | Asserted",
                "   c |  Pre-Init  |0000001804| Drive Slot / Bay #0x20 | Device Present | Asserted");
    }

    @Test
    void selInfoLinesMatchIpmitool() {
        GetSelInfo.Response initial = new GetSelInfo.Request().decodeResponse(ByteReader.of(SEL.get("sel-info-initial")));
        assertThat(SelFormat.info(initial, ZoneOffset.UTC)).containsExactly(
                "SEL Information",
                "Version          : 1.5 (v1.5, v2 compliant)",
                "Entries          : 5",
                "Free Space       : 15920 bytes ",
                "Percent Used     : 0%",
                "Last Add Time    : S+ 00:06:10",
                "Last Del Time    : Not Available",
                "Overflow         : false",
                "Supported Cmds   : 'Delete' 'Reserve' ");
        GetSelInfo.Response changed = new GetSelInfo.Request().decodeResponse(ByteReader.of(SEL.get("sel-info-changed")));
        assertThat(SelFormat.info(changed, ZoneOffset.UTC)).contains("Entries          : 12",
                "Free Space       : 15808 bytes ", "Percent Used     : 1%", "Last Add Time    : 11/21/26 10:17:40 UTC");
    }
}
