package dev.ipmi.bmc;

import dev.ipmi.core.commands.chassis.PowerAction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bridge pattern: chassis power actions and status run configured shell commands (for example
 * {@code virsh start vm1}, {@code virsh destroy vm1}, {@code virsh domstate vm1}); everything else
 * (boot flags, sensors, SEL, FRU, SOL) comes from a delegate backend.
 *
 * <p>Commands run with {@code /bin/sh -c} on one background thread, never on the server's I/O
 * thread: an action is acknowledged at once and the power state is updated optimistically; the
 * status command is re-run in the background when the cached state is older than the refresh
 * interval. Status output containing "off" or "shut" means off, "on" or "running" means on,
 * otherwise exit code 0 means on.
 */
public final class CommandBackend extends ForwardingBmcBackend implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CommandBackend.class);
    private static final long REFRESH_NANOS = 2_000_000_000L;
    private static final long COMMAND_TIMEOUT_SECONDS = 60;

    private final Map<PowerAction, String> actions;
    private final String statusCommand;
    private final LongSupplier clock;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "vbmc-command");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean on;
    private volatile long refreshedAt;
    private volatile boolean refreshing;

    /**
     * @param actions       shell command per power action (missing actions answer "invalid data field")
     * @param statusCommand shell command printing the power state, or null to track the state from actions only
     * @param delegate      backend for everything but power
     */
    public CommandBackend(Map<PowerAction, String> actions, String statusCommand, BmcBackend delegate,
                          LongSupplier clock) {
        super(delegate);
        this.actions = Map.copyOf(actions);
        this.statusCommand = statusCommand;
        this.clock = clock;
        if (statusCommand != null) {
            on = runStatus();
            refreshedAt = clock.getAsLong();
        }
        delegate.power(on ? PowerAction.POWER_UP : PowerAction.POWER_DOWN);
    }

    public CommandBackend(Map<PowerAction, String> actions, String statusCommand) {
        this(actions, statusCommand, InMemoryBackend.create(), System::nanoTime);
    }

    /** Runs a shell command; returns its exit code and stdout. */
    static Result run(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("/bin/sh", "-c", command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        byte[] out = p.getInputStream().readNBytes(64 * 1024);
        if (!p.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("command timed out after " + COMMAND_TIMEOUT_SECONDS + " s");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    record Result(int exitCode, String output) {}

    /** Interprets status output: "off"/"shut" → off, "on"/"running" → on, else exit code 0 → on. */
    static boolean parseStatus(Result r) {
        String s = r.output().toLowerCase(Locale.ROOT);
        if (s.contains("off") || s.contains("shut")) {
            return false;
        }
        if (s.contains("running") || s.matches("(?s).*\\bon\\b.*")) {
            return true;
        }
        return r.exitCode() == 0;
    }

    private boolean runStatus() {
        try {
            return parseStatus(run(statusCommand));
        } catch (IOException e) {
            LOG.warn("power status command failed: {}", e.getMessage());
            return on;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return on;
        }
    }

    @Override
    public boolean powerOn() {
        if (statusCommand != null && !refreshing && clock.getAsLong() - refreshedAt > REFRESH_NANOS) {
            refreshing = true;
            runner.execute(() -> {
                try {
                    on = runStatus();
                    refreshedAt = clock.getAsLong();
                    delegate.power(on ? PowerAction.POWER_UP : PowerAction.POWER_DOWN);
                } finally {
                    refreshing = false;
                }
            });
        }
        return on;
    }

    @Override
    public boolean power(PowerAction action) {
        String command = actions.get(action);
        if (command == null) {
            return false;
        }
        switch (action.code()) {
            case 0, 5 -> on = false;
            case 1, 2 -> on = true;
            default -> { }
        }
        // The delegate records the SEL event and keeps fans and power readings consistent with the state.
        delegate.power(on ? PowerAction.POWER_UP : PowerAction.POWER_DOWN);
        refreshedAt = clock.getAsLong();
        runner.execute(() -> {
            try {
                Result r = run(command);
                if (r.exitCode() != 0) {
                    LOG.warn("power {} command exited with {}: {}", action, r.exitCode(), r.output().strip());
                }
            } catch (IOException e) {
                LOG.warn("power {} command failed: {}", action, e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            refreshedAt = clock.getAsLong();
        });
        return true;
    }

    /** Waits for queued commands to finish (for tests and orderly shutdown). */
    public void awaitIdle(long timeoutMillis) throws InterruptedException {
        var f = runner.submit(() -> { });
        try {
            f.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.debug("commands still running", e);
        }
    }

    @Override
    public void close() {
        runner.shutdownNow();
    }
}
