package dev.ipmi.lan.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class SequenceWindowTest {

    @Test
    void ipmiSimRepeatsTheInitialOutboundNumberOnce() {
        int initial = 0x45A38FCB; // from the ipmitool capture: Activate and Set Privilege replies both carry it
        SequenceWindow w = new SequenceWindow(initial - 1, 8, 8);
        assertThat(w.accept(initial)).isTrue();
        assertThat(w.accept(initial)).isFalse();
        assertThat(w.accept(initial + 1)).isTrue();
    }

    @Test
    void acceptsUpToEightAheadAndEightBehindOnce() {
        SequenceWindow w = new SequenceWindow(100, 8, 8);
        assertThat(w.accept(109)).isFalse();
        assertThat(w.accept(108)).isTrue();
        assertThat(w.accept(101)).isTrue();
        assertThat(w.accept(101)).isFalse();
        assertThat(w.accept(100)).isFalse(); // lastSeen counts as received
        assertThat(w.accept(102)).isTrue();
        assertThat(w.accept(99)).isFalse();
        assertThat(w.accept(108)).isFalse();
    }

    @Test
    void wrapsAround() {
        SequenceWindow w = new SequenceWindow(0xFFFFFFFE, 8, 8);
        assertThat(w.accept(0xFFFFFFFF)).isTrue();
        assertThat(w.accept(0x00000003)).isTrue();
        assertThat(w.highest()).isEqualTo(3);
        assertThat(w.accept(0xFFFFFFFF)).isFalse();
        assertThat(w.accept(0x00000001)).isTrue();
    }

    @Property(tries = 300)
    void noNumberIsEverAcceptedTwiceWhileInRange(@ForAll int start,
                                                  @ForAll @Size(max = 60) List<@IntRange(min = -10, max = 10) Integer> steps) {
        SequenceWindow w = new SequenceWindow(start, 8, 8);
        Set<Integer> accepted = new HashSet<>();
        int highest = start;
        int cursor = start;
        for (int s : steps) {
            cursor += s;
            boolean expectedInWindow = (cursor - highest) <= 8 && (highest - cursor) <= 8 && cursor != start;
            boolean ok = w.accept(cursor);
            if (ok) {
                assertThat(accepted.add(cursor)).as("accepted twice: %d", cursor).isTrue();
                assertThat(expectedInWindow).isTrue();
                if (cursor - highest > 0) {
                    highest = cursor;
                }
            }
        }
    }

    @Property(tries = 200)
    void inOrderNumbersAreAlwaysAccepted(@ForAll int start, @ForAll @IntRange(min = 1, max = 200) int count) {
        SequenceWindow w = new SequenceWindow(start, 8, 8);
        for (int i = 1; i <= count; i++) {
            assertThat(w.accept(start + i)).isTrue();
        }
        assertThat(Arbitraries.just(w.highest()).sample()).isEqualTo(start + count);
    }
}
