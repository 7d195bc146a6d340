package dev.ipmi.examples.cli;

import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A progress line on stderr for scans that take longer than a second, shown only when stderr is
 * a terminal (so scripts and pipes see ipmitool's exact output). Erased when the scan ends.
 */
final class Progress implements AutoCloseable {
    private final PrintWriter err;
    private final String label;
    private final AtomicInteger done = new AtomicInteger();
    private final ScheduledExecutorService timer;
    private volatile boolean shown;

    private Progress(PrintWriter err, String label, boolean enabled) {
        this.err = err;
        this.label = label;
        if (enabled) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "ipmi-cli-progress");
                t.setDaemon(true);
                return t;
            });
            timer.scheduleAtFixedRate(this::show, 1000, 250, TimeUnit.MILLISECONDS);
        } else {
            timer = null;
        }
    }

    /** Starts a progress line that appears after one second, if stderr is a terminal. */
    static Progress start(PrintWriter err, String label) {
        return new Progress(err, label, System.console() != null);
    }

    /** One more item done (a record read, a sensor read). */
    void step() {
        done.incrementAndGet();
    }

    private synchronized void show() {
        int n = done.get();
        err.print("\r" + label + (n > 0 ? "... " + n : "..."));
        err.flush();
        shown = true;
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
        if (shown) {
            err.print("\r" + " ".repeat(label.length() + 12) + "\r");
            err.flush();
        }
    }
}
