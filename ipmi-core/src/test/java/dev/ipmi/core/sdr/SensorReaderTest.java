package dev.ipmi.core.sdr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ipmi.core.CompletionCodeException;
import dev.ipmi.core.commands.sensor.GetSensorThresholds;
import dev.ipmi.core.client.RequestTarget;
import dev.ipmi.core.types.CompletionCode;
import dev.ipmi.core.wire.Hex;
import dev.ipmi.testing.FakeBmc;
import dev.ipmi.testing.Vectors;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SensorReaderTest {
    private static final Map<String, byte[]> SDRS = Vectors.load("sdr/lab-sdr-records.hex");
    private static final Map<String, byte[]> READINGS = Vectors.load("sdr/lab-sensor-readings.hex");
    private FakeBmc bmc;
    private SensorReader reader;

    private static SdrRecord rec(int id) {
        return SdrRecord.decode(SDRS.get(String.format("record-%04x", id)));
    }

    private static byte[] withCc(byte[] data) {
        byte[] out = new byte[data.length + 1];
        System.arraycopy(data, 0, out, 1, data.length);
        return out;
    }

    @BeforeEach
    void setUp() {
        bmc = new FakeBmc();
        for (int n = 1; n <= 6; n++) {
            bmc.readings.put(n, withCc(READINGS.get(String.format("reading-%02x-changed", n))));
        }
        for (int n = 1; n <= 4; n++) {
            bmc.thresholds.put(n, READINGS.get(String.format("thresholds-%02x-initial", n)));
        }
        reader = new SensorReader(bmc);
    }

    @Test
    void readsEverySensorInOrderAndFormatsLikeIpmitool() {
        List<SdrRecord.SensorRecord> sensors = List.of((SdrRecord.SensorRecord) rec(3), (SdrRecord.SensorRecord) rec(6),
                (SdrRecord.SensorRecord) rec(7));
        List<SensorReading> r = reader.readAll(sensors).join();
        assertThat(r).extracting(IpmitoolFormat::sdrElist).containsExactly(
                "CPU Temp         | 01h | ucr |  3.1 | 99 degrees C",
                "12V              | 04h | lnc | 10.1 | 11.10 Volts",
                "PSU1 Status      | 05h | ok  | 10.1 | Failure detected");
        assertThat(bmc.log).allSatisfy(q -> assertThat(q.target()).isEqualTo(RequestTarget.BMC));
    }

    @Test
    void thresholdsAreConverted() {
        SensorReader.Thresholds t = reader.thresholds((SdrRecord.FullSensor) rec(6)).join();
        assertThat(t.lcr().getAsDouble()).isCloseTo(10.8, within(1e-9));
        assertThat(t.unc().getAsDouble()).isCloseTo(12.6, within(1e-9));
        assertThat(t.unr()).isEmpty();
        assertThat(t.lnr()).isEmpty();
    }

    @Test
    void absentSensorsAreNotPresentOtherFailuresPropagate() {
        bmc.readings.put(1, new byte[] {(byte) 0xCB});
        bmc.readings.put(4, new byte[] {(byte) 0xD3});
        assertThat(reader.read((SdrRecord.SensorRecord) rec(3)).join())
                .isEqualTo(new SensorReading.NotPresent((SdrRecord.SensorRecord) rec(3), CompletionCode.NOT_PRESENT));
        assertThat(reader.read((SdrRecord.SensorRecord) rec(6)).join()).isInstanceOf(SensorReading.NotPresent.class);
        assertThat(reader.read((SdrRecord.SensorRecord) rec(2)).join()).isInstanceOf(SensorReading.NotPresent.class);
        bmc.readings.put(1, new byte[] {(byte) 0xC0});
        assertThatThrownBy(() -> reader.read((SdrRecord.SensorRecord) rec(3)).join())
                .isInstanceOf(CompletionException.class).cause().isInstanceOf(CompletionCodeException.class);
    }

    @Test
    void nonLinearSensorsUseTheFactorsForTheirReading() {
        byte[] cpu = SDRS.get("record-0003").clone();
        cpu[23] = 0x70;
        SdrRecord.FullSensor nonLinear = (SdrRecord.FullSensor) SdrRecord.decode(cpu);
        bmc.readingFactors = Hex.parse("ff 03 00 0a 00 00 e0"); // M=3, B=10, K2=-2
        SensorReading.Analog a = (SensorReading.Analog) reader.read(nonLinear).join();
        assertThat(a.value()).isCloseTo((3 * 0x63 + 10) / 100.0, within(1e-12));
        assertThat(bmc.count(0x04, 0x23)).isEqualTo(1);
        assertThat(bmc.log.get(1).data()).isEqualTo(new byte[] {0x01, 0x63});
    }

    @Test
    void setThresholdSendsTheNearestRawValue() {
        SdrRecord.FullSensor cpu = (SdrRecord.FullSensor) rec(3);
        reader.setThreshold(cpu, GetSensorThresholds.UNC, 90.2).join();
        assertThat(bmc.log.get(0).data()).isEqualTo(Hex.parse("01 08 00 00 00 5a 00 00"));
        assertThatThrownBy(() -> reader.setThreshold(cpu, GetSensorThresholds.LNC, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not settable");
    }

    @Test
    void sensorsOwnedByAnotherControllerAreBridged() {
        byte[] cpu = SDRS.get("record-0003").clone();
        cpu[5] = (byte) 0x82;
        cpu[6] = 0x71; // channel 7, LUN 1
        assertThat(SensorReader.target((SdrRecord.SensorRecord) SdrRecord.decode(cpu)))
                .isEqualTo(new RequestTarget(0x82, 7, 1));
    }
}
