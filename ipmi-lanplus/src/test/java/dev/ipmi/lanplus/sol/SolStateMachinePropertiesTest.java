package dev.ipmi.lanplus.sol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.core.sol.SolSettings;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * 64 KiB each way over a lossy, duplicating, reordering fake link arrive intact and in order within a
 * bounded number of simulated events.
 */
class SolStateMachinePropertiesTest {
    private static final int SIZE = 64 * 1024;
    private static final int MAX_STEPS = 3_000_000;
    private static final int TRIES = 15;

    private static byte[] random(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    private static SolLink run(long seed, double loss, double dup, long jitter, FakeSolBmc.Dedupe dedupe,
                               int staleLastAcked, int inCapacity) {
        return run(seed, loss, dup, jitter, dedupe, staleLastAcked, inCapacity, 0);
    }

    /** {@code consoleBuffer} 0: the application reads at once; else it reads rarely, from a buffer that small. */
    private static SolLink run(long seed, double loss, double dup, long jitter, FakeSolBmc.Dedupe dedupe,
                               int staleLastAcked, int inCapacity, int consoleBuffer) {
        SolSettings settings = new SolSettings(SolSettings.charsPerPacket(32), 40, 100, 0, true,
                consoleBuffer == 0 ? 2 * SIZE : consoleBuffer);
        SolDriver console = new SolDriver(settings);
        FakeSolBmc bmc = new FakeSolBmc(inCapacity, 2, 60, dedupe, staleLastAcked, staleLastAcked == 0 ? 0 : 4);
        SolLink link = new SolLink(console, bmc, seed, loss, dup, 3, jitter);
        Random r = new Random(seed ^ 0x5DEECE66DL);
        byte[] toHost = random(r, SIZE);
        byte[] fromHost = random(r, SIZE);
        bmc.hostWrites(fromHost);
        link.apply(console.start(0));
        int written = 0;
        int steps = 0;
        while (steps++ < MAX_STEPS) {
            if (written < SIZE && (r.nextInt(4) == 0 || console.unacknowledgedBytes() == 0)) {
                int n = Math.min(SIZE - written, 1 + r.nextInt(300));
                link.apply(console.write(toHost, written, n, link.now));
                written += n;
            }
            boolean done = written == SIZE && console.unacknowledgedBytes() == 0 && bmc.outputDone()
                    && bmc.hostReceived().length == SIZE && link.delivered.size() == SIZE;
            if (done || link.closed != null) {
                break;
            }
            boolean moved = link.step();
            if (console.inboundBuffered() > settings.inboundBufferSize()) {
                throw new AssertionError(console.inboundBuffered() + " bytes buffered, bound " + settings.inboundBufferSize());
            }
            if (!moved && console.inboundBuffered() == 0) {
                break;
            }
            if (consoleBuffer == 0) {
                link.apply(console.consumed(console.inboundBuffered(), link.now));
            } else if (!moved || r.nextInt(40) == 0) {
                link.apply(console.consumed(Math.min(console.inboundBuffered(), 1 + r.nextInt(200)), link.now));
            }
        }
        assertThat(link.closed).as("console closed early: %s", link.closed).isNull();
        assertThat(steps).as("finished within the step bound").isLessThan(MAX_STEPS);
        assertThat(java.util.Arrays.mismatch(bmc.hostReceived(), toHost)).as("console -> host: first bad byte")
                .isEqualTo(-1);
        assertThat(java.util.Arrays.mismatch(link.delivered.toByteArray(), fromHost))
                .as("host -> console: first bad byte").isEqualTo(-1);
        assertThat(link.datagrams).as("datagrams exchanged").isGreaterThan(SIZE / settings.maxCharsPerPacket());
        return link;
    }

    @Property(tries = TRIES)
    void lossAndDuplicationAgainstIpmiSimLikeBmc(@ForAll long seed, @ForAll @DoubleRange(max = 0.2) double loss,
                                                @ForAll @DoubleRange(max = 0.1) double dup,
                                                @ForAll @IntRange(min = 0, max = 15) int staleLastAcked) {
        run(seed, loss, dup, 0, FakeSolBmc.Dedupe.LAST_ONLY, staleLastAcked, 32);
    }

    @Property(tries = TRIES)
    void lossDuplicationAndReorderingAgainstWindowedBmc(@ForAll long seed,
                                                       @ForAll @DoubleRange(max = 0.2) double loss,
                                                       @ForAll @DoubleRange(max = 0.1) double dup,
                                                       @ForAll @IntRange(min = 0, max = 12) int jitter) {
        run(seed, loss, dup, jitter, FakeSolBmc.Dedupe.WINDOW, 0, 32);
    }

    @Property(tries = TRIES)
    void slowReaderWithASmallBufferAgainstIpmiSimLikeBmc(@ForAll long seed,
                                                        @ForAll @DoubleRange(max = 0.2) double loss,
                                                        @ForAll @DoubleRange(max = 0.1) double dup,
                                                        @ForAll @IntRange(min = 256, max = 2048) int buffer) {
        SolLink link = run(seed, loss, dup, 0, FakeSolBmc.Dedupe.LAST_ONLY, 0, 32, buffer);
        assertThat(link.bmc.nacks).as("the buffer filled up").isPositive();
    }

    @Property(tries = TRIES)
    void slowReaderWithASmallBufferOverAReorderingLink(@ForAll long seed,
                                                      @ForAll @DoubleRange(max = 0.2) double loss,
                                                      @ForAll @DoubleRange(max = 0.1) double dup,
                                                      @ForAll @IntRange(min = 0, max = 12) int jitter,
                                                      @ForAll @IntRange(min = 256, max = 2048) int buffer) {
        run(seed, loss, dup, jitter, FakeSolBmc.Dedupe.WINDOW, 0, 32, buffer);
    }
}
