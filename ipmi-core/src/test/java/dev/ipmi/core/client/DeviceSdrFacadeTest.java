package dev.ipmi.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.core.sdr.SdrCache;
import dev.ipmi.core.sdr.SdrReader;
import dev.ipmi.core.sdr.SdrRecord;
import dev.ipmi.core.sdr.SdrScan;
import dev.ipmi.core.sdr.SensorReading;
import dev.ipmi.core.client.RequestTarget;
import dev.ipmi.testing.FakeBmc;
import dev.ipmi.testing.Vectors;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A BMC that serves device SDRs (Get Device ID: "provides device SDRs", sensor device, no SDR
 * repository device): the facade reads them with Get Device SDR as ipmitool does, and never from
 * the cache. Records are the lab's captured SDRs, served by the fake in device-SDR mode.
 */
class DeviceSdrFacadeTest {
    private static final Map<String, byte[]> SDRS = new TreeMap<>(Vectors.load("sdr/lab-sdr-records.hex"));
    private static final Map<String, byte[]> READINGS = Vectors.load("sdr/lab-sensor-readings.hex");

    private static FakeBmc bmc(boolean deviceSdrMode) {
        FakeBmc bmc = new FakeBmc();
        bmc.deviceSdrMode = deviceSdrMode;
        SDRS.forEach((k, v) -> {
            if (k.startsWith("record-")) {
                bmc.sdrs.add(v);
            }
        });
        for (int n = 1; n <= 6; n++) {
            byte[] data = READINGS.get(String.format("reading-%02x-initial", n));
            byte[] ccAndData = new byte[data.length + 1];
            System.arraycopy(data, 0, ccAndData, 1, data.length);
            bmc.readings.put(n, ccAndData);
        }
        return bmc;
    }

    @Test
    void recordsComeFromGetDeviceSdrAndAreReadAgainOnEveryScan() {
        FakeBmc bmc = bmc(true);
        try (IpmiClient client = IpmiClient.using(bmc)) {
            List<SdrRecord> first = client.sdr().records().toList();
            assertThat(first).hasSize(bmc.sdrs.size());
            long deviceReads = bmc.count(0x04, 0x21);
            assertThat(deviceReads).isEqualTo(bmc.sdrs.size());
            assertThat(bmc.count(0x0A, 0x23)).isZero();

            SdrScan second = client.sdr().scan();
            assertThat(second.fromCache()).isFalse();
            assertThat(second.records()).isEqualTo(first);
            assertThat(bmc.count(0x04, 0x21)).isEqualTo(2 * deviceReads);
            // the mode is decided once per client
            assertThat(bmc.count(0x06, 0x01)).isEqualTo(1);
            assertThat(bmc.log).allSatisfy(r -> assertThat(r.target()).isEqualTo(RequestTarget.BMC));
        }
    }

    @Test
    void deviceRecordsEqualTheSameRecordsReadFromARepository() {
        try (IpmiClient device = IpmiClient.using(bmc(true)); IpmiClient repository = IpmiClient.using(bmc(false))) {
            assertThat(device.sdr().records().toList()).isEqualTo(repository.sdr().records().toList());
        }
    }

    @Test
    void sensorsReadAllWorksOnDeviceSdrs() {
        FakeBmc bmc = bmc(true);
        try (IpmiClient client = IpmiClient.using(bmc)) {
            List<SensorReading> r = client.sensors().readAll();
            assertThat(r).extracting(x -> x.sensor().name())
                    .containsExactly("CPU Temp", "Inlet Temp", "Fan1", "12V", "PSU1 Status", "DIMM1 Presence");
            assertThat(((SensorReading.Analog) r.get(0)).value()).isEqualTo(45.0);
            assertThat(bmc.count(0x04, 0x2D)).isEqualTo(6);
            assertThat(bmc.count(0x0A, 0x23)).isZero();
        }
    }

    @Test
    void aRepositoryBmcStillUsesTheCache() {
        FakeBmc bmc = bmc(false);
        try (IpmiClient client = IpmiClient.using(bmc)) {
            client.sdr().scan();
            assertThat(client.sdr().scan().fromCache()).isTrue();
            assertThat(bmc.count(0x04, 0x21)).isZero();
        }
    }

    @Test
    void cachedReadOfDeviceSdrsBypassesTheCache() {
        FakeBmc bmc = bmc(true);
        SdrCache cache = SdrCache.inMemory();
        SdrReader reader = SdrReader.device(bmc, RequestTarget.BMC);
        SdrScan first = reader.readAll(cache, "bmc").join();
        SdrScan second = reader.readAll(cache, "bmc").join();
        assertThat(first.fromCache()).isFalse();
        assertThat(second.fromCache()).isFalse();
        assertThat(second.records()).hasSize(bmc.sdrs.size());
        assertThat(bmc.count(0x04, 0x21)).isEqualTo(2L * bmc.sdrs.size());
        assertThat(bmc.count(0x0A, 0x20)).isZero();
        assertThat(cache.get("bmc", bmc.sdrLastAddition, bmc.sdrLastErase)).isEmpty();
    }
}
