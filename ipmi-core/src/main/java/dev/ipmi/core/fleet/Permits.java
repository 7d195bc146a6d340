package dev.ipmi.core.fleet;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;

/**
 * A counting limit that never blocks a thread: {@link #acquire} runs its task at once when a permit
 * is free, otherwise when {@link #release} hands one over (then on the executor, so a chain of
 * hand-overs never grows the stack).
 */
final class Permits {
    private final int max;
    private final Executor executor;
    private final ArrayDeque<Runnable> waiters = new ArrayDeque<>(0);
    private int used;

    Permits(int max, Executor executor) {
        this.max = max;
        this.executor = executor;
    }

    void acquire(Runnable granted) {
        synchronized (this) {
            if (used >= max) {
                waiters.add(granted);
                return;
            }
            used++;
        }
        granted.run();
    }

    void release() {
        Runnable next;
        synchronized (this) {
            next = waiters.poll();
            if (next == null) {
                used--;
                return;
            }
        }
        executor.execute(next);
    }

    synchronized int inUse() {
        return used;
    }

    synchronized int waiting() {
        return waiters.size();
    }
}
