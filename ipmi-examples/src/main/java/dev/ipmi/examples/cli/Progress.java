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
    private volatile boolean closed;
    private boolean ownsTimer;

    /** @param timer runs the display (first after one second, then every 250 ms); null = never shown */
    Progress(PrintWriter err, String label, ScheduledExecutorService timer) {
        this.err = err;
        this.label = label;
        this.timer = timer;
        if (timer != null) {
            timer.schedule(this::tick, 1000, TimeUnit.MILLISECONDS);
        }
    }

    private void tick() {
        if (closed) {
            return;
        }
        show();
        timer.schedule(this::tick, 250, TimeUnit.MILLISECONDS);
    }

    /** Starts a progress line that appears after one second, if stderr is a terminal. */
    static Progress start(PrintWriter err, String label) {
        if (System.console() == null) {
            return new Progress(err, label, null);
        }
        Progress p = new Progress(err, label, Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ipmi-cli-progress");
            t.setDaemon(true);
            return t;
        }));
        p.ownsTimer = true;
        return p;
    }

    /** One more item done (a record read, a sensor read). */
    void step() {
        done.incrementAndGet();
    }

    private synchronized void show() {
        if (closed) {
            return;
        }
        int n = done.get();
        err.print("\r" + label + (n > 0 ? "... " + n : "..."));
        err.flush();
        shown = true;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (ownsTimer) {
            timer.shutdownNow();
        }
        if (shown) {
            err.print("\r" + " ".repeat(label.length() + 12) + "\r");
            err.flush();
        }
    }
}
