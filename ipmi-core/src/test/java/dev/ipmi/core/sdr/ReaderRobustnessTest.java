package dev.ipmi.core.sdr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.core.fru.FruReader;
import dev.ipmi.core.sel.SelReader;
import dev.ipmi.core.client.RequestTarget;
import dev.ipmi.testing.FakeBmc;
import dev.ipmi.testing.Vectors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Whatever limits and faults a BMC combines, the readers return exactly its data (bounded requests). */
class ReaderRobustnessTest {
    private static final List<byte[]> SDRS = new ArrayList<>();
    private static final List<byte[]> SEL = new ArrayList<>();
    private static final byte[] FRU = Vectors.load("fru/lab-fru0.hex", "fru0");

    static {
        Vectors.load("sdr/lab-sdr-records.hex").forEach((k, v) -> {
            if (k.startsWith("record-")) {
                SDRS.add(v);
            }
        });
        Vectors.load("sel/lab-sel-entries.hex").forEach((k, v) -> {
            if (k.startsWith("entry-")) {
                SEL.add(java.util.Arrays.copyOfRange(v, 2, 18));
            }
        });
    }

    @Property(tries = 150)
    void sdrScanReturnsTheRepositoryUnderAnyLimits(@ForAll @IntRange(min = 6, max = 255) int maxRead,
                                                   @ForAll @IntRange(min = 0, max = 40) int shortReply,
                                                   @ForAll @IntRange(min = 0, max = 8) int padding,
                                                   @ForAll boolean refuseWithFf, @ForAll boolean wrongIds,
                                                   @ForAll @Size(max = 4) Set<@IntRange(min = 1, max = 40) Integer> cancel,
                                                   @ForAll @IntRange(min = 1, max = 255) int firstChunk) {
        FakeBmc bmc = new FakeBmc();
        bmc.sdrs = new ArrayList<>(SDRS);
        bmc.sdrMaxRead = maxRead;
        bmc.sdrShortReply = shortReply;
        bmc.sdrWholePadding = padding;
        bmc.sdrRefuseCode = refuseWithFf ? 0xFF : 0xCA;
        bmc.sdrWrongIdDelta = wrongIds ? 0x40 : 0;
        bmc.sdrCancelAt = cancel;
        SdrScan scan = SdrReader.repository(bmc).firstChunk(firstChunk).readAll().join();
        assertThat(scan.records()).hasSize(8);
        for (int i = 0; i < 8; i++) {
            byte[] got = scan.rawRecords().get(i);
            byte[] want = SDRS.get(i).clone();
            if (wrongIds && i > 0) {
                want[0] = got[0];
            }
            assertThat(got).isEqualTo(want);
        }
        assertThat(bmc.log).hasSizeLessThan(2000);
    }

    @Property(tries = 100)
    void selScanReturnsEveryEntryUnderAnyLimits(@ForAll @IntRange(min = 1, max = 255) int maxRead,
                                                @ForAll @Size(max = 4) Set<@IntRange(min = 1, max = 40) Integer> cancel,
                                                @ForAll @IntRange(min = 1, max = 255) int firstChunk) {
        FakeBmc bmc = new FakeBmc();
        bmc.sel = new ArrayList<>(SEL);
        bmc.selMaxRead = maxRead;
        bmc.selCancelAt = cancel;
        var scan = SelReader.of(bmc, d -> CompletableFuture.completedFuture(null), Duration.ZERO)
                .firstChunk(firstChunk).readAll().join();
        assertThat(scan.records()).hasSize(SEL.size());
        for (int i = 0; i < SEL.size(); i++) {
            assertThat(scan.records().get(i).toBytes()).isEqualTo(SEL.get(i));
        }
    }

    @Property(tries = 100)
    void fruReadReturnsTheImageUnderAnyLimits(@ForAll @IntRange(min = 2, max = 255) int maxRead,
                                              @ForAll @IntRange(min = 0, max = 50) int shortReply,
                                              @ForAll boolean words, @ForAll @IntRange(min = 0, max = 3) int busy,
                                              @ForAll @IntRange(min = 0, max = 40) int overReport) {
        FakeBmc bmc = new FakeBmc();
        bmc.fru.put(0, FRU.clone());
        bmc.fruMaxRead = maxRead;
        bmc.fruShortReply = words ? shortReply & ~1 : shortReply;
        bmc.fruWordAccess = words;
        bmc.fruBusyTimes = busy;
        bmc.fruOverReport = words ? overReport & ~1 : overReport;
        byte[] got = FruReader.of(bmc, RequestTarget.BMC, d -> CompletableFuture.completedFuture(null)).read(0).join();
        assertThat(got).isEqualTo(FRU);
    }
}
