package dev.ipmi.core.sdr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipmi.core.CompletionCodeException;
import dev.ipmi.core.client.RequestTarget;
import dev.ipmi.testing.FakeBmc;
import dev.ipmi.testing.Vectors;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SdrReaderTest {
    private FakeBmc bmc;
    private List<byte[]> lab;

    @BeforeEach
    void setUp() {
        lab = new ArrayList<>();
        Vectors.load("sdr/lab-sdr-records.hex").forEach((k, v) -> {
            if (k.startsWith("record-")) {
                lab.add(v);
            }
        });
        bmc = new FakeBmc();
        bmc.sdrs = new ArrayList<>(lab);
    }

    private List<FakeBmc.Request> getSdrs() {
        return bmc.log.stream().filter(r -> r.netFn() == 0x0A && r.cmd() == 0x23).toList();
    }

    private void assertLabRecords(SdrScan scan) {
        assertThat(scan.rawRecords()).hasSize(8);
        for (int i = 0; i < 8; i++) {
            assertThat(scan.rawRecords().get(i)).as("record %d", i).isEqualTo(lab.get(i));
        }
        assertThat(scan.records()).extracting(SdrRecord::name).containsExactly("LAB BMC", "Watchdog", "CPU Temp",
                "Inlet Temp", "Fan1", "12V", "PSU1 Status", "DIMM1 Presence");
        assertThat(scan.malformed()).isEmpty();
    }

    @Test
    void readsWholeRecordsWhenTheBmcTakesThem() {
        SdrScan scan = SdrReader.repository(bmc).readAll().join();
        assertLabRecords(scan);
        assertThat(getSdrs()).hasSize(8).allSatisfy(r -> assertThat(r.data()[5] & 0xFF).isEqualTo(0xFF));
        assertThat(bmc.count(0x0A, 0x22)).isEqualTo(1);
    }

    @Test
    void shrinksToTheLargestPieceIpmiSimTakesAndDropsItsPadding() {
        // ipmi_sim 2.0.33: CAh for Get SDR counts above 33, whole-record replies padded with zeros
        bmc.sdrMaxRead = 0x21;
        bmc.sdrWholePadding = 6;
        SdrScan scan = SdrReader.repository(bmc).readAll().join();
        assertLabRecords(scan);
        List<Integer> counts = getSdrs().stream().map(r -> r.data()[5] & 0xFF).toList();
        assertThat(counts).contains(0x20);
        // the refusals are learned once, not repeated for every record
        assertThat(counts.stream().filter(c -> c > 0x21 && c != 0xFF).count()).isLessThanOrEqualTo(2);
    }

    @Test
    void refusalWithFfhShrinksToo() {
        bmc.sdrMaxRead = 0x10;
        bmc.sdrRefuseCode = 0xFF;
        assertLabRecords(SdrReader.repository(bmc).readAll().join());
    }

    @Test
    void reservationLostMidScanIsRenewedAndTheReadResumes() {
        bmc.sdrMaxRead = 0x21;
        bmc.sdrCancelAt = Set.of(3, 9, 10);
        SdrScan scan = SdrReader.repository(bmc).readAll().join();
        assertLabRecords(scan);
        assertThat(bmc.count(0x0A, 0x22)).isEqualTo(4);
    }

    @Test
    void reservationLostForeverFailsBounded() {
        bmc.sdrMaxRead = 0x21;
        Set<Integer> always = new java.util.HashSet<>();
        for (int i = 1; i < 1000; i++) {
            always.add(i);
        }
        bmc.sdrCancelAt = always;
        assertThatThrownBy(() -> SdrReader.repository(bmc).readAll().join())
                .isInstanceOf(CompletionException.class).cause().isInstanceOf(CompletionCodeException.class)
                .hasMessageContaining("C5h");
        assertThat(bmc.count(0x0A, 0x22)).isLessThanOrEqualTo(SdrReader.MAX_RESERVATIONS + 1);
    }

    @Test
    void shortRepliesAreContinued() {
        bmc.sdrShortReply = 7;
        assertLabRecords(SdrReader.repository(bmc).readAll().join());
        assertThat(getSdrs().stream().skip(2).map(r -> r.data()[5] & 0xFF)).allSatisfy(c ->
                assertThat(c).isLessThanOrEqualTo(7));
    }

    @Test
    void keepsTheRequestedRecordIdWhenTheBmcAnswersWithAnother() {
        bmc.sdrMaxRead = 0x21;
        bmc.sdrWrongIdDelta = 0x100;
        SdrScan scan = SdrReader.repository(bmc).readAll().join();
        assertThat(scan.rawRecords()).hasSize(8);
        assertThat(scan.records().get(2).name()).isEqualTo("CPU Temp");
        // every piece of record 0003 was asked for as 0003, never as the 0103 the header claimed
        assertThat(getSdrs().stream().filter(r -> (r.data()[4] & 0xFF) != 0).map(r -> (r.data()[2] & 0xFF)
                | (r.data()[3] & 0xFF) << 8)).allSatisfy(id -> assertThat(id).isLessThan(0x100));
    }

    @Test
    void worksWithoutReserveSdrRepository() {
        bmc.reserveSdrSupported = false;
        assertLabRecords(SdrReader.repository(bmc).readAll().join());
    }

    @Test
    void emptyRepositoryGivesNoRecords() {
        bmc.sdrs = new ArrayList<>();
        assertThat(SdrReader.repository(bmc).readAll().join().records()).isEmpty();
    }

    @Test
    void deviceSdrsUseTheSensorEventCommandsAtTheTarget() {
        RequestTarget satellite = RequestTarget.bridged(0x82, 7);
        bmc.sdrMaxRead = 0x21;
        assertLabRecords(SdrReader.device(bmc, satellite).readAll().join());
        assertThat(bmc.log).allSatisfy(r -> {
            assertThat(r.netFn()).isEqualTo(0x04);
            assertThat(r.target()).isEqualTo(satellite);
        });
        assertThat(bmc.count(0x04, 0x22)).isEqualTo(1);
        assertThat(bmc.count(0x04, 0x21)).isGreaterThan(8);
    }

    @Test
    void secondScanOfAnUnchangedRepositoryCostsOneRequest() {
        SdrCache cache = SdrCache.inMemory();
        SdrReader reader = SdrReader.repository(bmc);
        assertThat(reader.readAll(cache, "127.0.0.1:623").join().fromCache()).isFalse();
        bmc.log.clear();
        SdrScan again = reader.readAll(cache, "127.0.0.1:623").join();
        assertThat(again.fromCache()).isTrue();
        assertLabRecords(again);
        assertThat(bmc.log).singleElement().satisfies(r -> assertThat(r.cmd()).isEqualTo(0x20));
    }

    @Test
    void changedTimestampsInvalidateTheCache() {
        SdrCache cache = SdrCache.inMemory();
        SdrReader reader = SdrReader.repository(bmc);
        reader.readAll(cache, "h").join();
        bmc.sdrs.remove(7);
        bmc.sdrLastErase = 0x6B020000L;
        SdrScan fresh = reader.readAll(cache, "h").join();
        assertThat(fresh.fromCache()).isFalse();
        assertThat(fresh.records()).hasSize(7);
        assertThat(reader.readAll(cache, "other-host").join().fromCache()).isFalse();
    }

    @Test
    void zeroTimestampsAreNeverTrusted() {
        bmc.sdrLastAddition = 0;
        SdrCache cache = SdrCache.inMemory();
        SdrReader reader = SdrReader.repository(bmc);
        reader.readAll(cache, "h").join();
        assertThat(reader.readAll(cache, "h").join().fromCache()).isFalse();
    }

    @Test
    void persistedCacheServesANewProcess(@TempDir Path dir) {
        SdrReader.repository(bmc).readAll(SdrCache.persistent(dir), "10.0.0.5:623").join();
        bmc.log.clear();
        SdrScan again = SdrReader.repository(bmc).readAll(SdrCache.persistent(dir), "10.0.0.5:623").join();
        assertThat(again.fromCache()).isTrue();
        assertLabRecords(again);
        assertThat(bmc.log).hasSize(1);
    }

    @Test
    void corruptCacheFileOnlyCostsARescan(@TempDir Path dir) throws Exception {
        SdrReader.repository(bmc).readAll(SdrCache.persistent(dir), "h").join();
        try (var files = java.nio.file.Files.list(dir)) {
            for (Path p : files.toList()) {
                java.nio.file.Files.writeString(p, "garbage\nzz\n");
            }
        }
        SdrScan again = SdrReader.repository(bmc).readAll(SdrCache.persistent(dir), "h").join();
        assertThat(again.fromCache()).isFalse();
        assertLabRecords(again);
    }

    @Test
    void truncatedRecordIsReportedNotThrown() {
        byte[] cut = java.util.Arrays.copyOf(lab.get(2), 30);
        cut[4] = 25; // the header agrees with the short body
        bmc.sdrs.set(2, cut);
        SdrScan scan = SdrReader.repository(bmc).readAll().join();
        assertThat(scan.records()).hasSize(7);
        assertThat(scan.malformed()).singleElement()
                .satisfies(e -> assertThat(e.field()).isEqualTo("analog characteristic flags"));
    }
}
