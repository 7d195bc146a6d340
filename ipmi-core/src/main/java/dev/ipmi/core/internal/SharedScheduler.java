package dev.ipmi.core.internal;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * The one daemon scheduler behind every client that was not given its own: power-state polls and
 * retry delays are short, rare timers, and a thread per client would cost a fleet thousands of
 * threads. Never shut down; its thread dies with the JVM.
 */
public final class SharedScheduler {
    private static final ScheduledExecutorService INSTANCE = create();

    private SharedScheduler() {}

    public static ScheduledExecutorService get() {
        return INSTANCE;
    }

    private static ScheduledExecutorService create() {
        ScheduledThreadPoolExecutor s = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "ipmi-shared-timer");
            t.setDaemon(true);
            return t;
        });
        s.setRemoveOnCancelPolicy(true);
        return s;
    }
}
