package dev.ipmi.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipmi.core.commands.storage.GetSelEntry;
import dev.ipmi.core.fru.FruInventory;
import dev.ipmi.core.sdr.SdrCache;
import dev.ipmi.core.sdr.SdrScan;
import dev.ipmi.core.sdr.SensorReading;
import dev.ipmi.core.sdr.ThresholdStatus;
import dev.ipmi.core.sel.SelRecord;
import dev.ipmi.core.sel.SelTimestamp;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.testing.FakeBmc;
import dev.ipmi.testing.Vectors;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sdr/sensors/sel/fru groups of the facade on an in-memory BMC loaded with the lab's captured
 * SDRs, readings, SEL entries and FRU image (vectors captured from ipmitool talking to ipmi_sim).
 */
class MonitoringGroupsTest {
    private static final Map<String, byte[]> SDRS = new TreeMap<>(Vectors.load("sdr/lab-sdr-records.hex"));
    private static final Map<String, byte[]> READINGS = Vectors.load("sdr/lab-sensor-readings.hex");

    private FakeBmc bmc;
    private IpmiClient client;

    private static byte[] withCc(byte[] data) {
        byte[] out = new byte[data.length + 1];
        System.arraycopy(data, 0, out, 1, data.length);
        return out;
    }

    @BeforeEach
    void setUp() {
        bmc = new FakeBmc();
        SDRS.forEach((k, v) -> {
            if (k.startsWith("record-")) {
                bmc.sdrs.add(v);
            }
        });
        for (int n = 1; n <= 6; n++) {
            bmc.readings.put(n, withCc(READINGS.get(String.format("reading-%02x-initial", n))));
        }
        for (int n = 1; n <= 4; n++) {
            bmc.thresholds.put(n, READINGS.get(String.format("thresholds-%02x-initial", n)));
        }
        List<byte[]> sel = new ArrayList<>();
        Vectors.load("sel/lab-sel-entries.hex").forEach((k, v) -> {
            if (k.startsWith("entry-")) {
                sel.add(new GetSelEntry.Request(0, 0, 0, 0xFF).decodeResponse(ByteReader.of(v)).data().toByteArray());
            }
        });
        bmc.sel = sel;
        bmc.fru.put(0, Vectors.load("fru/lab-fru0.hex", "fru0"));
        client = IpmiClient.using(bmc);
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void secondScanOfAnUnchangedRepositoryCostsOneRequest() {
        SdrScan first = client.sdr().scan();
        assertThat(first.fromCache()).isFalse();
        assertThat(first.records()).hasSize(bmc.sdrs.size());
        int before = bmc.log.size();
        SdrScan second = client.sdr().scan();
        assertThat(bmc.log.size() - before).isEqualTo(1);
        assertThat(bmc.log.get(bmc.log.size() - 1).cmd()).isEqualTo(0x20);
        assertThat(second.fromCache()).isTrue();
        assertThat(second.records()).isEqualTo(first.records());
        // sensors go through the same cache
        before = bmc.log.size();
        client.sensors().list();
        assertThat(bmc.log.size() - before).isEqualTo(1);
    }

    @Test
    void aChangedAdditionOrEraseTimestampForcesARescan() {
        client.sdr().scan();
        bmc.sdrLastAddition++;
        long before = bmc.count(0x0A, 0x23);
        assertThat(client.sdr().scan().fromCache()).isFalse();
        assertThat(bmc.count(0x0A, 0x23) - before).isEqualTo(bmc.sdrs.size());
        bmc.sdrLastErase = 0x6B020000L;
        assertThat(client.sdr().scan().fromCache()).isFalse();
        assertThat(client.sdr().scan().fromCache()).isTrue();
    }

    @Test
    void aSharedPersistentCacheServesANewClientWithOneRequest(@TempDir Path dir) {
        client.sdr().cachedIn(SdrCache.persistent(dir), "127.0.0.1:623").scan();
        FakeBmc other = bmc;
        try (IpmiClient second = IpmiClient.using(other)) {
            int before = other.log.size();
            SdrScan s = second.sdr().cachedIn(SdrCache.persistent(dir), "127.0.0.1:623").scan();
            assertThat(s.fromCache()).isTrue();
            assertThat(other.log.size() - before).isEqualTo(1);
        }
    }

    @Test
    void aClientMadeWithASharedCacheUsesItForSensorsToo() {
        SdrCache shared = SdrCache.inMemory();
        try (IpmiClient a = IpmiClient.using(bmc, shared, "bmc-1");
             IpmiClient b = IpmiClient.using(bmc, shared, "bmc-1")) {
            a.sensors().readAll();
            int before = bmc.log.size();
            b.sensors().list();
            assertThat(bmc.log.size() - before).isEqualTo(1);
        }
    }

    @Test
    void readAllGivesTypedReadingsForEveryReadableSensor() {
        List<SensorReading> r = client.sensors().readAll();
        assertThat(r).extracting(x -> x.sensor().name())
                .containsExactly("CPU Temp", "Inlet Temp", "Fan1", "12V", "PSU1 Status", "DIMM1 Presence");
        SensorReading.Analog cpu = (SensorReading.Analog) r.get(0);
        assertThat(cpu.value()).isEqualTo(45.0);
        assertThat(cpu.units()).isEqualTo("degrees C");
        assertThat(cpu.status()).isEqualTo(ThresholdStatus.OK);
        assertThat(r.get(4)).isInstanceOf(SensorReading.Discrete.class);
    }

    @Test
    void unavailableAndScanningDisabledAreTheirOwnCasesNeverZero() {
        // byte 2: [6] scanning enabled, [5] reading unavailable
        bmc.readings.put(1, new byte[] {0x00, 0x00, 0x60, 0x00});
        bmc.readings.put(2, new byte[] {0x00, 0x00, 0x00, 0x00});
        bmc.readings.put(3, new byte[] {(byte) 0xCB});
        List<SensorReading> r = client.sensors().get("CPU Temp", "Inlet Temp", "Fan1");
        assertThat(r.get(0)).isInstanceOf(SensorReading.Unavailable.class);
        assertThat(r.get(1)).isInstanceOf(SensorReading.ScanningDisabled.class);
        assertThat(r.get(2)).isInstanceOf(SensorReading.NotPresent.class);
        assertThat(r).noneMatch(x -> x instanceof SensorReading.Analog);
    }

    @Test
    void unknownSensorNamesAreACallerError() {
        assertThatThrownBy(() -> client.sensors().get("CPU Temp", "Nope"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"Nope\"");
        assertThatThrownBy(() -> client.sensors().setThreshold("PSU1 Status", Threshold.UNC, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no thresholds");
        assertThat(client.sensors().find("Nope")).isEmpty();
    }

    @Test
    void thresholdsAreConvertedAndOneIsSetAtATime() {
        var t = client.sensors().thresholds("CPU Temp");
        assertThat(t.unc()).hasValue(85.0);
        assertThat(t.lnc()).isEmpty();
        client.sensors().setThreshold("CPU Temp", Threshold.UNC, 80);
        FakeBmc.Request set = bmc.log.stream().filter(q -> q.netFn() == 0x04 && q.cmd() == 0x26).findFirst()
                .orElseThrow();
        // sensor 01h, mask UNC only, LNC LCR LNR, UNC = 80 (M=1), UCR UNR
        assertThat(set.data()).containsExactly(0x01, 0x08, 0, 0, 0, 80, 0, 0);
        assertThat(Threshold.parse("UcR")).isEqualTo(Threshold.UCR);
        assertThatThrownBy(() -> Threshold.parse("xyz")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void selEntriesAddDeleteClearAndTime() {
        int n = bmc.sel.size();
        assertThat(client.sel().info().entries()).isEqualTo(n);
        List<SelRecord> entries = client.sel().entries();
        assertThat(entries).hasSize(n);
        AsyncSel.Entry first = client.sel().entry(entries.get(0).recordId());
        assertThat(first.record()).isEqualTo(entries.get(0));
        SelRecord.SystemEvent e = new SelRecord.SystemEvent(0, new SelTimestamp(0), 0x41, 0x04, 0x01, 0x01, false,
                0x01, 0x01, 0x57, 0x1A);
        int id = client.sel().add(e);
        assertThat(client.sel().entries()).hasSize(n + 1);
        assertThat(client.sel().delete(id)).isEqualTo(id);
        assertThat(client.sel().entries()).hasSize(n);
        client.sel().clear();
        assertThat(bmc.sel).isEmpty();
        assertThat(client.sel().entries()).isEmpty();
        client.sel().setTime(Instant.ofEpochSecond(0x6B100000L));
        assertThat(client.sel().time().raw()).isEqualTo(0x6B100000L);
        assertThatThrownBy(() -> client.sel().setUtcOffset(2000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.sel().entry(0x10000)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fruInventoryDevicesAndPrintModel() {
        FruInventory inv = client.fru().inventory(0);
        assertThat(inv.problems()).isEmpty();
        assertThat(inv.product().orElseThrow().name().text()).isEqualTo("LabServer 1000");
        List<AsyncFru.Device> devices = client.fru().devices();
        assertThat(devices).containsExactly(new AsyncFru.Device(0, AsyncFru.BUILTIN));
        List<String> lines = client.fru().print(devices.get(0));
        assertThat(lines.get(0)).isEqualTo("FRU Device Description : Builtin FRU Device (ID 0)");
        assertThat(lines).contains(" Product Name          : LabServer 1000");
        byte[] raw = client.fru().read(0);
        assertThat(client.fru().info(0).areaSize()).isEqualTo(raw.length);
        int written = client.fru().write(0, 8, new byte[] {raw[8], raw[9], raw[10]});
        assertThat(written).isEqualTo(3);
        assertThat(client.fru().read(0)).isEqualTo(raw);
        assertThatThrownBy(() -> client.fru().inventory(0xFF)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void asyncTwinsCompleteWithTheSameResults() {
        assertThat(client.async().sensors().readAll().join()).hasSize(6);
        assertThat(client.async().sdr().records().join()).hasSize(bmc.sdrs.size());
        assertThat(client.async().sel().entries().join()).hasSize(bmc.sel.size());
        assertThat(client.async().fru().inventory(0).join().board()).isPresent();
    }
}
