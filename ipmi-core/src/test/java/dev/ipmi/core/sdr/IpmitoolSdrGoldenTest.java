package dev.ipmi.core.sdr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.core.commands.sensor.GetSensorReading;
import dev.ipmi.core.commands.sensor.GetSensorThresholds;
import dev.ipmi.core.sdr.SdrRecord.FullSensor;
import dev.ipmi.core.sdr.SdrRecord.SensorRecord;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.testing.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Decodes SDRs, sensor readings and thresholds captured from ipmitool 1.8.19 talking to ipmi_sim
 * (vectors/sdr/*.hex) and checks that every line formats exactly as ipmitool printed it.
 */
class IpmitoolSdrGoldenTest {
    private static final Map<String, byte[]> SDRS = Vectors.load("sdr/lab-sdr-records.hex");
    private static final Map<String, byte[]> READINGS = Vectors.load("sdr/lab-sensor-readings.hex");

    private static List<SdrRecord> records() {
        List<SdrRecord> out = new ArrayList<>();
        SDRS.forEach((k, v) -> {
            if (k.startsWith("record-")) {
                out.add(SdrRecord.decode(v));
            }
        });
        return out;
    }

    private static SensorReading reading(SensorRecord s, String phase) {
        byte[] b = READINGS.get(String.format("reading-%02x-%s", s.key().sensorNumber(), phase));
        GetSensorReading.Response r = new GetSensorReading.Request(s.key().sensorNumber())
                .decodeResponse(ByteReader.of(b));
        return SensorReading.of(s, r);
    }

    private static GetSensorThresholds.Response thresholds(SensorRecord s) {
        byte[] b = READINGS.get(String.format("thresholds-%02x-initial", s.key().sensorNumber()));
        return b == null ? null : new GetSensorThresholds.Request(s.key().sensorNumber()).decodeResponse(ByteReader.of(b));
    }

    private static List<SensorRecord> readable() {
        return records().stream().filter(r -> r instanceof FullSensor || r instanceof SdrRecord.CompactSensor)
                .map(r -> (SensorRecord) r).toList();
    }

    @Test
    void recordsDecodeToTheLabConfiguration() {
        List<SdrRecord> all = records();
        assertThat(all).hasSize(8);
        assertThat(all.get(0)).isInstanceOf(SdrRecord.McDeviceLocator.class);
        SdrRecord.McDeviceLocator mc = (SdrRecord.McDeviceLocator) all.get(0);
        assertThat(mc.name()).isEqualTo("LAB BMC");
        assertThat(mc.slaveAddress()).isEqualTo(0x20);
        assertThat(mc.capabilities()).isEqualTo(0x9F);
        assertThat(all.get(1)).isInstanceOf(SdrRecord.EventOnly.class);
        assertThat(((SdrRecord.EventOnly) all.get(1)).sensorType()).isEqualTo(SensorTypes.WATCHDOG_2);
        FullSensor v12 = (FullSensor) all.get(5);
        assertThat(v12.name()).isEqualTo("12V");
        assertThat(v12.factors().m()).isEqualTo(6);
        assertThat(v12.factors().rExp()).isEqualTo(-2);
        assertThat(v12.units().ipmitoolText()).isEqualTo("Volts");
        assertThat(v12.readableThresholds()).isEqualTo(0x1B);
        assertThat(v12.settableThresholds()).isZero();
        FullSensor cpu = (FullSensor) all.get(2);
        assertThat(cpu.nominalReading()).isEqualTo(45);
        assertThat(cpu.settableThresholds()).isEqualTo(0x38);
        assertThat(cpu.entity()).hasToString("3.1");
        assertThat(all.get(6)).isInstanceOf(SdrRecord.CompactSensor.class);
    }

    @Test
    void sdrListMatchesIpmitoolAtStartUp() {
        List<String> lines = readable().stream().map(s -> IpmitoolFormat.sdrList(reading(s, "initial"))).toList();
        assertThat(lines).containsExactly(
                "CPU Temp         | 45 degrees C      | ok",
                "Inlet Temp       | 22 degrees C      | ok",
                "Fan1             | 4800 RPM          | ok",
                "12V              | 12 Volts          | ok",
                "PSU1 Status      | 0x01              | ok",
                "DIMM1 Presence   | 0x01              | ok");
    }

    @Test
    void sdrElistMatchesIpmitoolAtStartUp() {
        List<String> lines = readable().stream().map(s -> IpmitoolFormat.sdrElist(reading(s, "initial"))).toList();
        assertThat(lines).containsExactly(
                "CPU Temp         | 01h | ok  |  3.1 | 45 degrees C",
                "Inlet Temp       | 02h | ok  |  7.1 | 22 degrees C",
                "Fan1             | 03h | ok  | 29.1 | 4800 RPM",
                "12V              | 04h | ok  | 10.1 | 12 Volts",
                "PSU1 Status      | 05h | ok  | 10.1 | Presence detected",
                "DIMM1 Presence   | 06h | ok  |  8.1 | Present");
    }

    @Test
    void sensorListMatchesIpmitoolAtStartUp() {
        List<String> lines = readable().stream()
                .map(s -> IpmitoolFormat.sensorList(reading(s, "initial"), thresholds(s))).toList();
        assertThat(lines).containsExactly(
                "CPU Temp         | 45.000     | degrees C  | ok    | na        | na        | na        | 85.000    | 95.000    | 105.000   ",
                "Inlet Temp       | 22.000     | degrees C  | ok    | na        | na        | na        | 40.000    | 45.000    | na        ",
                "Fan1             | 4800.000   | RPM        | ok    | 250.000   | 500.000   | 1000.000  | na        | na        | na        ",
                "12V              | 12.000     | Volts      | ok    | na        | 10.800    | 11.400    | 12.600    | 13.200    | na        ",
                "PSU1 Status      | 0x1        | discrete   | 0x0100| na        | na        | na        | na        | na        | na        ",
                "DIMM1 Presence   | 0x1        | discrete   | 0x0100| na        | na        | na        | na        | na        | na        ");
    }

    @Test
    void sdrListAllMatchesIpmitoolAfterLiveChanges() {
        List<String> lines = new ArrayList<>();
        for (SdrRecord r : records()) {
            if (r instanceof FullSensor || r instanceof SdrRecord.CompactSensor) {
                lines.add(IpmitoolFormat.sdrList(reading((SensorRecord) r, "changed")));
            } else {
                IpmitoolFormat.sdrList(r).ifPresent(lines::add);
            }
        }
        assertThat(lines).containsExactly(
                "LAB BMC          | Dynamic MC @ 20h  | ok",
                "Watchdog         | Event-Only        | ns",
                "CPU Temp         | 99 degrees C      | cr",
                "Inlet Temp       | 22 degrees C      | ok",
                "Fan1             | 400 RPM           | cr",
                "12V              | 11.10 Volts       | nc",
                "PSU1 Status      | 0x02              | ok",
                "DIMM1 Presence   | 0x01              | ok");
    }

    @Test
    void sdrElistAllMatchesIpmitoolAfterLiveChanges() {
        List<String> lines = new ArrayList<>();
        for (SdrRecord r : records()) {
            if (r instanceof FullSensor || r instanceof SdrRecord.CompactSensor) {
                lines.add(IpmitoolFormat.sdrElist(reading((SensorRecord) r, "changed")));
            } else {
                IpmitoolFormat.sdrElist(r).ifPresent(lines::add);
            }
        }
        assertThat(lines).containsExactly(
                "LAB BMC          | 00h | ok  |  7.1 | Dynamic MC @ 20h",
                "Watchdog         | 00h | ns  |  7.1 | Event-Only",
                "CPU Temp         | 01h | ucr |  3.1 | 99 degrees C",
                "Inlet Temp       | 02h | ok  |  7.1 | 22 degrees C",
                "Fan1             | 03h | lcr | 29.1 | 400 RPM",
                "12V              | 04h | lnc | 10.1 | 11.10 Volts",
                "PSU1 Status      | 05h | ok  | 10.1 | Failure detected",
                "DIMM1 Presence   | 06h | ok  |  8.1 | Present");
    }

    @Test
    void sensorListMatchesIpmitoolAfterLiveChanges() {
        List<String> lines = readable().stream()
                .map(s -> IpmitoolFormat.sensorList(reading(s, "changed"), thresholds(s))).toList();
        assertThat(lines).containsExactly(
                "CPU Temp         | 99.000     | degrees C  | cr    | na        | na        | na        | 85.000    | 95.000    | 105.000   ",
                "Inlet Temp       | 22.000     | degrees C  | ok    | na        | na        | na        | 40.000    | 45.000    | na        ",
                "Fan1             | 400.000    | RPM        | cr    | 250.000   | 500.000   | 1000.000  | na        | na        | na        ",
                "12V              | 11.100     | Volts      | nc    | na        | 10.800    | 11.400    | 12.600    | 13.200    | na        ",
                "PSU1 Status      | 0x2        | discrete   | 0x0200| na        | na        | na        | na        | na        | na        ",
                "DIMM1 Presence   | 0x1        | discrete   | 0x0100| na        | na        | na        | na        | na        | na        ");
    }

    @Test
    void thresholdStatusesNameTheCrossedThresholdLikeSensorGet() {
        // ipmitool sensor get: "Status : Upper Critical" (CPU Temp), "Lower Non-Critical" (12V), "Lower Critical" (Fan1)
        List<SensorRecord> s = readable();
        assertThat(((SensorReading.Analog) reading(s.get(0), "changed")).status().longText()).isEqualTo("Upper Critical");
        assertThat(((SensorReading.Analog) reading(s.get(3), "changed")).status().longText())
                .isEqualTo("Lower Non-Critical");
        assertThat(((SensorReading.Analog) reading(s.get(2), "changed")).status().longText()).isEqualTo("Lower Critical");
        // ipmitool sensor get 12V: "Sensor Reading : 11.100 (+/- 0) Volts"
        SensorReading.Analog v = (SensorReading.Analog) reading(s.get(3), "changed");
        assertThat(IpmitoolFormat.value(v.value(), 3)).isEqualTo("11.100");
        assertThat(IpmitoolFormat.value(((FullSensor) s.get(3)).conversion().tolerance(), 3)).isEqualTo("0");
    }

    @Test
    void sixBitPackedNamesFromSdrcompWithoutDash8Decode() {
        // ipmitool printed these as garbage ("l(^Bb;^B", "M-^Qd^C"): it copies the packed bytes as text
        Map<String, byte[]> six = Vectors.load("sdr/sixbit-sdr-records.hex");
        SdrRecord mc = SdrRecord.decode(six.get("record-0001"));
        SdrRecord v12 = SdrRecord.decode(six.get("record-0006"));
        assertThat(mc.name()).isEqualTo("LAB BMC");
        assertThat(v12.name()).isEqualTo("12V");
        assertThat(((FullSensor) v12).id().encoding()).isEqualTo(TypeLengthString.Encoding.SIX_BIT_ASCII);
        FullSensor eightBit = (FullSensor) SdrRecord.decode(SDRS.get("record-0006"));
        assertThat(((FullSensor) v12).factors()).isEqualTo(eightBit.factors());
        assertThat(((FullSensor) v12).units()).isEqualTo(eightBit.units());
    }

    @Test
    void repositoryInfoMatchesIpmitoolSdrInfo() {
        var info = new dev.ipmi.core.commands.storage.GetSdrRepositoryInfo.Request()
                .decodeResponse(ByteReader.of(SDRS.get("repository-info")));
        // SDR Version : 0x51, Record Count : 8, Free Space : > 64Kb - 2 bytes, Reserve supported : yes,
        // Delete/Partial Add/Alloc info : no, SDR overflow : no
        assertThat(info.sdrVersion()).isEqualTo(0x51);
        assertThat(info.recordCount()).isEqualTo(8);
        assertThat(info.freeSpace()).isEqualTo(0xFFFE);
        assertThat(info.reserveSupported()).isTrue();
        assertThat(info.overflow()).isFalse();
        assertThat(info.operationSupport() & 0x0D).isZero();
    }

    @Test
    void modifierUnitsAndPercentageAsIpmitoolPrintsThem() {
        Map<String, byte[]> v = Vectors.load("sdr/unit-modifiers.hex");
        List<String> list = new ArrayList<>();
        List<String> sensors = new ArrayList<>();
        for (String[] rs : new String[][] {{"record-0005", "03"}, {"record-0006", "04"}}) {
            FullSensor s = (FullSensor) SdrRecord.decode(v.get(rs[0]));
            SensorReading r = SensorReading.of(s, new GetSensorReading.Request(s.key().sensorNumber())
                    .decodeResponse(ByteReader.of(v.get("reading-" + rs[1]))));
            list.add(IpmitoolFormat.sdrList(r));
            sensors.add(IpmitoolFormat.sensorList(r, new GetSensorThresholds.Request(s.key().sensorNumber())
                    .decodeResponse(ByteReader.of(v.get("thresholds-" + rs[1])))));
        }
        assertThat(list).containsExactly(
                "Fan1             | 4800 RPM/hour     | ok",
                "12V              | 12 % Volts*seco   | ok");
        assertThat(sensors).containsExactly(
                "Fan1             | 4800.000   | RPM/hour   | ok    | 250.000   | 500.000   | 1000.000  | na        | na        | na        ",
                "12V              | 12.000     | % Volts*second | ok    | na        | 10.800    | 11.400    | 12.600    | 13.200    | na        ");
    }

    @Test
    void locatorsAndEntityAssociationDecodeAndListLikeIpmitool() {
        Map<String, byte[]> v = Vectors.load("sdr/locator-records.hex");
        SdrRecord.FruDeviceLocator fru = (SdrRecord.FruDeviceLocator) SdrRecord.decode(v.get("record-0009"));
        assertThat(fru.logical()).isTrue();
        assertThat(fru.fruDeviceId()).isEqualTo(1);
        assertThat(fru.accessAddress()).isEqualTo(0x20);
        assertThat(fru.deviceType()).isEqualTo(0x10);
        SdrRecord.GenericDeviceLocator gen = (SdrRecord.GenericDeviceLocator) SdrRecord.decode(v.get("record-000a"));
        assertThat(gen.slaveAddress()).isEqualTo(0xA0);
        assertThat(gen.privateBus()).isEqualTo(1);
        SdrRecord.EntityAssociation ea = (SdrRecord.EntityAssociation) SdrRecord.decode(v.get("record-000b"));
        assertThat(ea.container()).hasToString("7.1");
        assertThat(ea.contained()).extracting(Object::toString).containsExactly("3.1", "8.1");
        assertThat(IpmitoolFormat.sdrList(ea)).isEmpty();
        assertThat(List.of(IpmitoolFormat.sdrList(fru).orElseThrow(), IpmitoolFormat.sdrList(gen).orElseThrow(),
                IpmitoolFormat.sdrElist(fru).orElseThrow(), IpmitoolFormat.sdrElist(gen).orElseThrow())).containsExactly(
                "PSU2 FRU         | Log FRU @01h 0a.2 | ok",
                "EEPROM           | Generic @20:A0.0  | ok",
                "PSU2 FRU         | 00h | ns  | 10.2 | Logical FRU @01h",
                "EEPROM           | 00h | ns  |  7.1 | Generic Device @20h:A0h.0");
    }

    @Test
    void scanningDisabledSensorsPrintLikeIpmitool() {
        Map<String, byte[]> v = Vectors.load("sdr/scanning-disabled.hex");
        SensorRecord inlet = (SensorRecord) SdrRecord.decode(SDRS.get("record-0004"));
        SensorRecord dimm = (SensorRecord) SdrRecord.decode(SDRS.get("record-0008"));
        SensorReading ri = SensorReading.of(inlet, new GetSensorReading.Request(2).decodeResponse(
                ByteReader.of(v.get("reading-02"))));
        SensorReading rd = SensorReading.of(dimm, new GetSensorReading.Request(6).decodeResponse(
                ByteReader.of(v.get("reading-06"))));
        assertThat(ri).isInstanceOf(SensorReading.ScanningDisabled.class);
        assertThat(rd).isInstanceOf(SensorReading.ScanningDisabled.class);
        assertThat(List.of(IpmitoolFormat.sdrList(ri), IpmitoolFormat.sdrList(rd), IpmitoolFormat.sdrElist(ri),
                IpmitoolFormat.sdrElist(rd), IpmitoolFormat.sensorList(ri, thresholds(inlet)),
                IpmitoolFormat.sensorList(rd, null))).containsExactly(
                "Inlet Temp       | disabled          | ns",
                "DIMM1 Presence   | Not Readable      | ns",
                "Inlet Temp       | 02h | ns  |  7.1 | Disabled",
                "DIMM1 Presence   | 06h | ns  |  8.1 | Disabled",
                "Inlet Temp       | na         |            | na    | na        | na        | na        | 40.000    | 45.000    | na        ",
                "DIMM1 Presence   | na         | discrete   | na    | na        | na        | na        | na        | na        | na        ");
    }

    @Test
    void sensorGetMatchesIpmitool() {
        Map<String, byte[]> v = Vectors.load("sdr/sensor-get.hex");
        List<SensorRecord> s = readable();
        java.util.function.Function<Integer, dev.ipmi.core.commands.sensor.GetSensorEventEnable.Response> enable = n ->
                new dev.ipmi.core.commands.sensor.GetSensorEventEnable.Request(n).decodeResponse(
                        ByteReader.of(v.get(String.format("event-enable-%02x", n))));
        assertThat(IpmitoolFormat.sensorGet(reading(s.get(0), "changed"), thresholds(s.get(0)), enable.apply(1)))
                .containsExactly(
                        "Sensor ID              : CPU Temp (0x1)",
                        " Entity ID             : 3.1",
                        " Sensor Type (Threshold)  : Temperature",
                        " Sensor Reading        : 99 (+/- 0) degrees C",
                        " Status                : Upper Critical",
                        " Lower Non-Recoverable : na",
                        " Lower Critical        : na",
                        " Lower Non-Critical    : na",
                        " Upper Non-Critical    : 85.000",
                        " Upper Critical        : 95.000",
                        " Upper Non-Recoverable : 105.000",
                        " Positive Hysteresis   : Unspecified",
                        " Negative Hysteresis   : Unspecified",
                        " Assertions Enabled    : unc- unc+ ucr- ucr+ unr- unr+ ",
                        " Deassertions Enabled  : unc- unc+ ucr- ucr+ unr- unr+ ");
        assertThat(IpmitoolFormat.sensorGet(reading(s.get(3), "changed"), thresholds(s.get(3)), enable.apply(4)))
                .containsExactly(
                        "Sensor ID              : 12V (0x4)",
                        " Entity ID             : 10.1",
                        " Sensor Type (Threshold)  : Voltage",
                        " Sensor Reading        : 11.100 (+/- 0) Volts",
                        " Status                : Lower Non-Critical",
                        " Lower Non-Recoverable : na",
                        " Lower Critical        : 10.800",
                        " Lower Non-Critical    : 11.400",
                        " Upper Non-Critical    : 12.600",
                        " Upper Critical        : 13.200",
                        " Upper Non-Recoverable : na",
                        " Positive Hysteresis   : Unspecified",
                        " Negative Hysteresis   : Unspecified",
                        " Assertions Enabled    : lnc- lcr- unc+ ucr+ ",
                        " Deassertions Enabled  : lnc- lcr- unc+ ucr+ ");
        assertThat(IpmitoolFormat.sensorGet(reading(s.get(2), "changed"), thresholds(s.get(2)), enable.apply(3)))
                .contains(" Sensor Reading        : 400 (+/- 0) RPM", " Status                : Lower Critical",
                        " Lower Non-Recoverable : 250.000", " Assertions Enabled    : lnc- lcr- lnr- ");
        assertThat(IpmitoolFormat.sensorGet(reading(s.get(4), "changed"), null, null)).containsExactly(
                "Sensor ID              : PSU1 Status (0x5)",
                " Entity ID             : 10.1",
                " Sensor Type (Discrete): Power Supply",
                " States Asserted       : Power Supply",
                "                         [Failure detected]");
    }
}
