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
        SolSettings settings = new SolSettings(SolSettings.charsPerPacket(32), 40, 100, 0, true);
        SolStateMachine console = new SolStateMachine(settings);
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
            if (done || link.closed != null || !link.step()) {
                break;
            }
        }
        assertThat(link.closed).as("console closed early: %s", link.closed).isNull();
        assertThat(steps).as("finished within the step bound").isLessThan(MAX_STEPS);
        assertThat(bmc.hostReceived()).as("console -> host bytes").isEqualTo(toHost);
        assertThat(link.delivered.toByteArray()).as("host -> console bytes").isEqualTo(fromHost);
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
}
