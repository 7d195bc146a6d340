package dev.ipmi.core.sel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.core.commands.storage.GetSelEntry;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.testing.FakeBmc;
import dev.ipmi.testing.Vectors;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SelReaderTest {
    private FakeBmc bmc;
    private List<byte[]> lab;
    private final AtomicInteger delays = new AtomicInteger();
    private SelReader reader;

    @BeforeEach
    void setUp() {
        lab = new ArrayList<>();
        Vectors.load("sel/lab-sel-entries.hex").forEach((k, v) -> {
            if (k.startsWith("entry-")) {
                lab.add(new GetSelEntry.Request(0, 0, 0, 0xFF).decodeResponse(ByteReader.of(v)).data().toByteArray());
            }
        });
        bmc = new FakeBmc();
        bmc.sel = new ArrayList<>(lab);
        reader = SelReader.of(bmc, d -> {
            delays.incrementAndGet();
            return CompletableFuture.completedFuture(null);
        }, Duration.ofMillis(100));
    }

    private void assertLab(SelScan scan) {
        assertThat(scan.records()).hasSize(12);
        for (int i = 0; i < 12; i++) {
            assertThat(scan.records().get(i).toBytes()).isEqualTo(lab.get(i));
        }
        assertThat(scan.malformed()).isEmpty();
    }

    @Test
    void readsEveryEntryWithoutAReservation() {
        assertLab(reader.readAll().join());
        assertThat(bmc.count(0x0A, 0x43)).isEqualTo(12);
        assertThat(bmc.count(0x0A, 0x42)).isZero();
    }

    @Test
    void fallsBackToPartialReadsUnderAReservation() {
        bmc.selMaxRead = 6;
        assertLab(reader.readAll().join());
        assertThat(bmc.count(0x0A, 0x42)).isGreaterThanOrEqualTo(1);
        // one refused 8-byte attempt, then 4-byte pieces: the smaller size is kept for later entries
        assertThat(bmc.log.stream().filter(r -> r.cmd() == 0x43 && (r.data()[5] & 0xFF) > 6
                && (r.data()[5] & 0xFF) != 0xFF).count()).isEqualTo(1);
    }

    @Test
    void reservationCancelledMidScanIsRenewed() {
        bmc.selMaxRead = 8;
        bmc.selCancelAt = Set.of(4, 11);
        assertLab(reader.readAll().join());
    }

    @Test
    void readFromStartsAtTheGivenRecordAndReadsOnlyWhatFollows() {
        int seventh = SelRecord.decode(lab.get(6)).recordId();
        SelScan scan = reader.readFrom(seventh).join();
        assertThat(scan.records()).hasSize(6);
        for (int i = 0; i < 6; i++) {
            assertThat(scan.records().get(i).toBytes()).isEqualTo(lab.get(6 + i));
        }
        assertThat(bmc.count(0x0A, 0x43)).isEqualTo(6);
    }

    @Test
    void readFromARecordThatIsGoneFailsWithTheCompletionCode() {
        assertThat(reader.readFrom(0x7777)).failsWithin(Duration.ofSeconds(5))
                .withThrowableThat().withRootCauseInstanceOf(dev.ipmi.core.CompletionCodeException.class);
    }

    @Test
    void emptySelGivesNoEntries() {
        bmc.sel = new ArrayList<>();
        assertThat(reader.readAll().join().records()).isEmpty();
    }

    @Test
    void clearReservesInitiatesAndPollsUntilDone() {
        bmc.selErasePolls = 3;
        reader.clear().join();
        assertThat(bmc.sel).isEmpty();
        assertThat(bmc.count(0x0A, 0x42)).isEqualTo(1);
        // one initiate (AAh) and polls (00h) until the fourth status says "completed"
        assertThat(bmc.log.stream().filter(r -> r.cmd() == 0x47).map(r -> r.data()[5] & 0xFF))
                .containsExactly(0xAA, 0x00, 0x00, 0x00, 0x00);
        assertThat(delays.get()).isEqualTo(4);
    }

    @Test
    void addDeleteAndTime() {
        SelRecord.SystemEvent e = new SelRecord.SystemEvent(0, new SelTimestamp(0), 0x0020, 0x04, 0x01, 0x01, false,
                0x01, 0x59, 0x60, 0x5F);
        int id = reader.add(e).join();
        assertThat(bmc.sel).hasSize(13);
        assertThat(reader.delete(id).join()).isEqualTo(id);
        assertThat(bmc.sel).hasSize(12);
        reader.setTime(Instant.ofEpochSecond(0x6B020000L)).join();
        assertThat(reader.time().join().raw()).isEqualTo(0x6B020000L);
        assertThat(reader.info().join().entries()).isEqualTo(12);
    }
}
