package dev.ipmi.core.sdr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.core.commands.sensor.GetSensorReading;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.Hex;
import dev.ipmi.testing.Vectors;
import org.junit.jupiter.api.Test;

class SensorReadingTest {
    private static final SdrRecord.FullSensor CPU = (SdrRecord.FullSensor) SdrRecord.decode(
            Vectors.load("sdr/lab-sdr-records.hex", "record-0003"));
    private static final SdrRecord.CompactSensor PSU = (SdrRecord.CompactSensor) SdrRecord.decode(
            Vectors.load("sdr/lab-sdr-records.hex", "record-0007"));

    private static GetSensorReading.Response r(String hex) {
        return new GetSensorReading.Request(1).decodeResponse(ByteReader.of(Hex.parse(hex)));
    }

    @Test
    void unavailableAndScanningDisabledAreTheirOwnCasesNeverZero() {
        assertThat(SensorReading.of(CPU, r("00 e0 00 00"))).isInstanceOf(SensorReading.Unavailable.class);
        assertThat(SensorReading.of(CPU, r("00 80 00 00"))).isInstanceOf(SensorReading.ScanningDisabled.class);
        assertThat(SensorReading.of(PSU, r("00 e0"))).isInstanceOf(SensorReading.Unavailable.class);
        // ipmitool: sdr list shows "no reading" / "disabled" for full sensors, "Not Readable" for compact
        assertThat(IpmitoolFormat.sdrList(SensorReading.of(CPU, r("00 e0 00 00"))))
                .isEqualTo("CPU Temp         | no reading        | ns");
        assertThat(IpmitoolFormat.sdrList(SensorReading.of(CPU, r("00 80 00 00"))))
                .isEqualTo("CPU Temp         | disabled          | ns");
        assertThat(IpmitoolFormat.sdrList(SensorReading.of(PSU, r("00 e0"))))
                .isEqualTo("PSU1 Status      | Not Readable      | ns");
        assertThat(IpmitoolFormat.sdrElist(SensorReading.of(CPU, r("00 e0 00 00"))))
                .isEqualTo("CPU Temp         | 01h | ns  |  3.1 | No Reading");
    }

    @Test
    void thresholdStatusPrecedence() {
        assertThat(ThresholdStatus.of(0x00)).isEqualTo(ThresholdStatus.OK);
        assertThat(ThresholdStatus.of(0x18)).isEqualTo(ThresholdStatus.UPPER_CRITICAL);
        assertThat(ThresholdStatus.of(0x38)).isEqualTo(ThresholdStatus.UPPER_NON_RECOVERABLE);
        assertThat(ThresholdStatus.of(0x03)).isEqualTo(ThresholdStatus.LOWER_CRITICAL);
        assertThat(ThresholdStatus.of(0x07).shortText()).isEqualTo("nr");
        assertThat(ThresholdStatus.of(0x08).abbreviation()).isEqualTo("unc");
    }

    @Test
    void discreteStatesAreNamedForCommonSensorTypes() {
        assertThat(EventText.states(0x6F, SensorTypes.POWER_SUPPLY, 0x0003))
                .containsExactly("Presence detected", "Failure detected");
        assertThat(EventText.describe(0x6F, SensorTypes.PROCESSOR, 7)).isEqualTo("Presence detected");
        assertThat(EventText.describe(0x6F, SensorTypes.POWER_UNIT, 0)).isEqualTo("Power off/down");
        assertThat(EventText.describe(0x6F, SensorTypes.MEMORY, 1)).isEqualTo("Uncorrectable ECC");
        assertThat(EventText.describe(0x6F, SensorTypes.DRIVE_SLOT, 1)).isEqualTo("Drive Fault");
        assertThat(EventText.describe(0x6F, SensorTypes.WATCHDOG_2, 1)).isEqualTo("Hard reset");
        assertThat(EventText.describe(0x6F, SensorTypes.SYSTEM_EVENT, 5)).isEqualTo("Timestamp Clock Sync");
        assertThat(EventText.describe(0x6F, SensorTypes.ENTITY_PRESENCE, 1)).isEqualTo("Absent");
        assertThat(EventText.describe(0x6F, SensorTypes.BUTTON, 0)).isEqualTo("Power Button pressed");
        assertThat(EventText.describe(0x03, 0x00, 1)).isEqualTo("State Asserted");
        assertThat(EventText.describe(0x0B, 0x00, 1)).isEqualTo("Redundancy Lost");
        assertThat(EventText.describe(0x0C, 0x00, 3)).isEqualTo("D3 Power State");
        assertThat(EventText.describe(0x01, SensorTypes.TEMPERATURE, 0)).isEqualTo("Lower Non-critical going low ");
        assertThat(EventText.describe(0x70, 0x00, 0)).isNull();
        assertThat(SensorUnits.unitName(1)).isEqualTo("degrees C");
        assertThat(SensorUnits.unitName(18)).isEqualTo("RPM");
        assertThat(new SensorUnits(0x03, 4, 22).ipmitoolText()).isEqualTo("% Volts/second");
        assertThat(new SensorUnits(0x04, 6, 24).ipmitoolText()).isEqualTo("Watts*hour");
        assertThat(SensorTypes.name(0x23)).isEqualTo("Watchdog2");
        assertThat(SensorTypes.name(0xC5)).isEqualTo("OEM reserved");
        assertThat(SensorTypes.byName("temperature")).isEqualTo(1);
    }
}
