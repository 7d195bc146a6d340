package dev.ipmi.core.fru;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.core.client.RequestTarget;
import dev.ipmi.testing.FakeBmc;
import dev.ipmi.testing.Vectors;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FruReaderTest {
    private static final byte[] FRU = Vectors.load("fru/lab-fru0.hex", "fru0");
    private FakeBmc bmc;
    private final AtomicInteger delays = new AtomicInteger();
    private FruReader reader;

    @BeforeEach
    void setUp() {
        bmc = new FakeBmc();
        bmc.fru.put(0, FRU.clone());
        reader = FruReader.of(bmc, RequestTarget.BMC, d -> {
            delays.incrementAndGet();
            return CompletableFuture.completedFuture(null);
        });
    }

    private java.util.List<Integer> counts() {
        return bmc.log.stream().filter(r -> r.cmd() == 0x11).map(r -> r.data()[3] & 0xFF).toList();
    }

    @Test
    void readsInTheLargestPiecesIpmiSimTakes() {
        bmc.fruMaxRead = 0x22; // ipmi_sim 2.0.33 answers C8h above 34 bytes
        assertThat(reader.read(0).join()).isEqualTo(FRU);
        assertThat(counts()).startsWith(0xFF, 0x80, 0x40, 0x20);
        assertThat(counts().subList(3, counts().size())).allSatisfy(c -> assertThat(c).isEqualTo(0x20));
        assertThat(reader.inventory(0).join().product().orElseThrow().name().text()).isEqualTo("LabServer 1000");
    }

    @Test
    void shortRepliesSetThePieceSize() {
        bmc.fruMaxRead = 0xFF;
        bmc.fruShortReply = 24;
        assertThat(reader.read(0).join()).isEqualTo(FRU);
        assertThat(counts().subList(1, counts().size())).allSatisfy(c -> assertThat(c).isLessThanOrEqualTo(24));
    }

    @Test
    void wordAccessDevicesGetWordOffsetsAndCounts() {
        bmc.fruWordAccess = true;
        bmc.fruMaxRead = 0x20;
        assertThat(reader.read(0).join()).isEqualTo(FRU);
        assertThat(bmc.log.stream().filter(r -> r.cmd() == 0x11).map(r -> (r.data()[1] & 0xFF) | (r.data()[2] & 0xFF) << 8))
                .allSatisfy(off -> assertThat(off).isLessThan(128));
    }

    @Test
    void busyDeviceIsRetriedAfterADelay() {
        bmc.fruBusyTimes = 3;
        assertThat(reader.read(0).join()).isEqualTo(FRU);
        assertThat(delays.get()).isEqualTo(3);
    }

    @Test
    void overReportedAreaSizeStopsAtTheRealEnd() {
        bmc.fruOverReport = 64;
        assertThat(reader.read(0).join()).isEqualTo(FRU);
    }

    @Test
    void writesInPiecesAndShrinksWhenRefused() {
        byte[] patch = new byte[40];
        Arrays.fill(patch, (byte) 0x5A);
        bmc.fruMaxRead = 0x22;
        assertThat(reader.write(0, 0x100 - 40, patch, 40).join()).isEqualTo(40);
        byte[] expected = FRU.clone();
        System.arraycopy(patch, 0, expected, 0x100 - 40, 40);
        assertThat(reader.read(0).join()).isEqualTo(expected);
    }
}
