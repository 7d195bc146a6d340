package dev.ipmi.lan.testing;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.random.RandomGenerator;

/**
 * A {@link RandomGenerator} for replaying captures: {@code nextInt(bound)} and {@code nextInt()}
 * return scripted values in order (then 1), {@code nextDouble()} returns 0 (no jitter).
 */
public final class ScriptedRandom implements RandomGenerator {
    private final Deque<Integer> bounded = new ArrayDeque<>();
    private final Deque<Integer> ints = new ArrayDeque<>();

    /** Values for {@code nextInt(bound)} calls (e.g. the first rqSeq). */
    public ScriptedRandom bounded(int... values) {
        for (int v : values) {
            bounded.add(v);
        }
        return this;
    }

    /** Values for {@code nextInt()} calls (e.g. the initial outbound session sequence number). */
    public ScriptedRandom unbounded(int... values) {
        for (int v : values) {
            ints.add(v);
        }
        return this;
    }

    @Override
    public int nextInt(int bound) {
        Integer v = bounded.poll();
        return v == null ? 1 % bound : v;
    }

    @Override
    public int nextInt() {
        Integer v = ints.poll();
        return v == null ? 1 : v;
    }

    @Override
    public double nextDouble() {
        return 0.0;
    }

    @Override
    public long nextLong() {
        return 1;
    }
}
