package dev.ipmi.bmc;

import dev.ipmi.core.commands.chassis.BootDevice;
import dev.ipmi.core.commands.chassis.BootFlags;
import dev.ipmi.core.commands.chassis.PowerAction;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A machine run by command templates, as OpenStack VirtualBMC runs libvirt: power actions, power
 * status and boot device each run a {@link CommandTemplate} ({@code virsh start {name}},
 * {@code virsh domstate {name}}, {@code set-boot {name} {device} {persistent}}) directly, without a shell;
 * the SOL console can be a {@link SocketConsole} on the VM's serial port; sensors, SEL and FRU come
 * from a delegate (an {@link InMemoryBackend}).
 *
 * <p>Failures answer what VirtualBMC answers: C0h "node busy" when a command exits non-zero, cannot be
 * started or another one is still running for this machine; CCh for a boot device not offered. An
 * action's command runs on this backend's own thread; the reply waits for it at most
 * {@link Builder#replyWait(Duration)} (so a failure can be answered), after which the action is taken as
 * accepted and a later failure is only logged. The virtual BMC calls {@link #powerAsync} and
 * {@link #setBootFlagsAsync}, so its I/O thread never waits: it answers other requests and other BMCs
 * while a command runs. Placeholders: {@code {name}} always, {@code {device}}
 * (ipmitool's names: pxe, disk, safe, diag, cdrom, bios, floppy, none) and {@code {persistent}}
 * ({@code true}/{@code false}) in the boot-device template.
 */
public final class TemplateBackend extends ForwardingBmcBackend implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TemplateBackend.class);
    /** Placeholders a power or status template may use. */
    public static final Set<String> POWER_PLACEHOLDERS = Set.of("name");
    /** Placeholders the boot-device template may use. */
    public static final Set<String> BOOT_PLACEHOLDERS = Set.of("name", "device", "persistent");
    private static final long REFRESH_NANOS = 2_000_000_000L;

    private final String name;
    private final Map<PowerAction, CommandTemplate> power;
    private final CommandTemplate status;
    private final CommandTemplate bootDevice;
    private final Set<BootDevice> bootDevices;
    private final SolConsole console;
    private final Duration wait;
    private final Duration timeout;
    private final ExecutorService runner;
    private volatile Future<?> current;
    private volatile boolean on;
    private volatile long refreshedAt;
    private volatile boolean refreshing;

    private TemplateBackend(Builder b) {
        super(b.delegate != null ? b.delegate : InMemoryBackend.create());
        this.name = b.name;
        this.power = Map.copyOf(b.power);
        this.status = b.status;
        this.bootDevice = b.bootDevice;
        this.bootDevices = Set.copyOf(b.bootDevices);
        this.console = b.console;
        this.wait = b.wait;
        this.timeout = b.timeout;
        this.runner = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "vbmc-" + name);
            t.setDaemon(true);
            return t;
        });
        this.on = delegate.powerOn();
        if (status != null) {
            refreshedAt = System.nanoTime() - REFRESH_NANOS - 1;
            powerOn();
        }
    }

    /** Defaults: no templates (every action answers CCh), boot devices pxe, disk and cdrom, wait 1 s, timeout 60 s. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** The ipmitool name of a boot device ({@code pxe}, {@code disk}, …), as passed in {@code {device}}. */
    public static String deviceName(BootDevice d) {
        for (String n : List.of("none", "pxe", "disk", "safe", "diag", "cdrom", "bios", "floppy")) {
            if (BootDevice.parseIpmitool(n).equals(d)) {
                return n;
            }
        }
        return "device-" + Integer.toHexString(d.code());
    }

    private Map<String, String> values() {
        return Map.of("name", name);
    }

    /** Runs one command to completion; exit code and combined output. Never through a shell. */
    private CommandBackend.Result run(List<String> argv) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        byte[] out = p.getInputStream().readNBytes(64 * 1024);
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out after " + timeout.toSeconds() + " s");
        }
        return new CommandBackend.Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    /**
     * Starts {@code argv} on the backend's thread. The stage completes when the command exits 0, fails with
     * C0h when it fails, or completes (the action taken as accepted) after {@link #wait}, in which case a
     * later failure is only logged.
     */
    private CompletableFuture<Void> start(String what, List<String> argv) {
        Future<?> running = current;
        if (running != null && !running.isDone()) {
            return CompletableFuture.failedFuture(BmcBackendException.busy(name + ": " + what
                    + " refused, the previous command is still running"));
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        current = runner.submit(() -> {
            try {
                CommandBackend.Result r = run(argv);
                if (r.exitCode() != 0) {
                    done.completeExceptionally(BmcBackendException.busy(name + ": " + what + " " + argv
                            + " exited with " + r.exitCode() + ": " + r.output().strip()));
                } else {
                    LOG.info("{}: {} ran {}", name, what, argv);
                    done.complete(null);
                }
            } catch (IOException e) {
                done.completeExceptionally(BmcBackendException.busy(name + ": " + what + " " + argv + " failed: "
                        + e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                done.completeExceptionally(BmcBackendException.busy(name + ": interrupted"));
            }
        });
        CompletableFuture<Void> reply = new CompletableFuture<>();
        done.whenComplete((v, e) -> {
            boolean answered = e == null ? reply.complete(null) : reply.completeExceptionally(e);
            if (!answered && e != null) {
                LOG.warn("{}: {} failed after the reply: {}", name, what, e.getMessage());
            }
        });
        return reply.completeOnTimeout(null, wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits for a stage on the caller's thread, for the blocking {@link BmcBackend} methods. */
    private static <T> T await(CompletableFuture<T> stage) {
        try {
            return stage.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    @Override
    public boolean powerOn() {
        if (status != null && !refreshing && System.nanoTime() - refreshedAt > REFRESH_NANOS) {
            refreshing = true;
            List<String> argv = status.argv(values());
            runner.execute(() -> {
                try {
                    on = CommandBackend.parseStatus(run(argv));
                    delegate.power(on ? PowerAction.POWER_UP : PowerAction.POWER_DOWN);
                } catch (IOException e) {
                    LOG.warn("{}: power status {} failed: {}", name, argv, e.getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    refreshedAt = System.nanoTime();
                    refreshing = false;
                }
            });
        }
        return on;
    }

    @Override
    public boolean power(PowerAction action) {
        return await(powerAsync(action));
    }

    /** Runs the action's command off the server's I/O thread; answered when it ends or after the reply wait. */
    @Override
    public CompletableFuture<Boolean> powerAsync(PowerAction action) {
        CommandTemplate t = power.get(action);
        if (t == null) {
            return CompletableFuture.completedFuture(false);
        }
        return start("power " + action, t.argv(values())).thenApply(v -> {
            if (action.equals(PowerAction.POWER_DOWN) || action.equals(PowerAction.SOFT_SHUTDOWN)) {
                on = false;
            } else if (!action.equals(PowerAction.DIAGNOSTIC_INTERRUPT)) {
                on = true;
            }
            // The delegate records the SEL event and keeps fans and power readings consistent with the state.
            delegate.power(on ? PowerAction.POWER_UP : PowerAction.POWER_DOWN);
            refreshedAt = System.nanoTime();
            return true;
        });
    }

    @Override
    public void setBootFlags(BootFlags flags) {
        await(setBootFlagsAsync(flags));
    }

    @Override
    public CompletableFuture<Void> setBootFlagsAsync(BootFlags flags) {
        BootDevice d = flags.device();
        if (!d.equals(BootDevice.NO_OVERRIDE) && !bootDevices.contains(d)) {
            return CompletableFuture.failedFuture(BmcBackendException.invalidBootDevice(name + ": boot device "
                    + deviceName(d) + " not offered " + bootDevices.stream().map(TemplateBackend::deviceName).toList()));
        }
        if (bootDevice == null || !flags.valid()) {
            delegate.setBootFlags(flags);
            return CompletableFuture.completedFuture(null);
        }
        Map<String, String> v = new HashMap<>(values());
        v.put("device", deviceName(d));
        v.put("persistent", Boolean.toString(flags.persistent()));
        return start("boot device " + deviceName(d), bootDevice.argv(v)).thenRun(() -> delegate.setBootFlags(flags));
    }

    @Override
    public Optional<SolConsole> solConsole() {
        return console != null ? Optional.of(console) : delegate.solConsole();
    }

    @Override
    public void close() {
        runner.shutdownNow();
        if (console instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.debug("console close", e);
            }
        }
    }

    @Override
    public String toString() {
        return "TemplateBackend[" + name + ", power " + power.keySet() + "]";
    }

    /** Configures a {@link TemplateBackend}. */
    public static final class Builder {
        private final String name;
        private final Map<PowerAction, CommandTemplate> power = new HashMap<>();
        private CommandTemplate status;
        private CommandTemplate bootDevice;
        private Set<BootDevice> bootDevices = new LinkedHashSet<>(List.of(BootDevice.PXE, BootDevice.DISK,
                BootDevice.CDROM));
        private SolConsole console;
        private BmcBackend delegate;
        private Duration wait = Duration.ofSeconds(1);
        private Duration timeout = Duration.ofSeconds(60);

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /** The command for a power action; {@code {name}} is the only placeholder. */
        public Builder power(PowerAction action, String template) {
            power.put(action, CommandTemplate.parse(template, POWER_PLACEHOLDERS));
            return this;
        }

        /** The command printing the power state ("running"/"on" or "shut off"/"off"; else its exit code). */
        public Builder status(String template) {
            this.status = CommandTemplate.parse(template, POWER_PLACEHOLDERS);
            return this;
        }

        /** The command setting the boot device: {@code {name}}, {@code {device}}, {@code {persistent}}. */
        public Builder bootDevice(String template) {
            this.bootDevice = CommandTemplate.parse(template, BOOT_PLACEHOLDERS);
            return this;
        }

        /** Boot devices the machine offers; others answer CCh. */
        public Builder bootDevices(Set<BootDevice> devices) {
            this.bootDevices = new LinkedHashSet<>(devices);
            return this;
        }

        public Builder console(SolConsole console) {
            this.console = console;
            return this;
        }

        /** Sensors, SEL, FRU and the stored boot flags; default a fresh {@link InMemoryBackend}. */
        public Builder delegate(BmcBackend delegate) {
            this.delegate = delegate;
            return this;
        }

        /** How long the reply waits for an action's command before taking it as accepted. */
        public Builder replyWait(Duration wait) {
            if (wait.isNegative()) {
                throw new IllegalArgumentException("replyWait must not be negative: " + wait);
            }
            this.wait = wait;
            return this;
        }

        /** A command running longer is killed. */
        public Builder timeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive: " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        public TemplateBackend build() {
            return new TemplateBackend(this);
        }
    }
}
