package dev.ipmi.core.fleet;

import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiTimeoutException;
import dev.ipmi.core.client.AsyncIpmiClient;
import dev.ipmi.core.client.IpmiClient;
import dev.ipmi.core.client.PowerResult;
import dev.ipmi.core.commands.app.GetDeviceId;
import dev.ipmi.core.commands.chassis.BootFlags;
import dev.ipmi.core.commands.chassis.PowerAction;
import dev.ipmi.core.sdr.SensorReading;
import dev.ipmi.core.sel.SelRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;

/**
 * Sessions to many BMCs, kept and healed for you: the layer a provisioning controller, a
 * monitoring exporter or a DCIM tool would otherwise write around {@link IpmiClient}.
 *
 * <ul>
 *   <li><b>By name.</b> A BMC is named by host ({@code "10.0.0.5"}, {@code "bmc7:6230"}); the
 *       {@link BmcDirectory} gives the typed options to log in with (user, password, Kg, cipher
 *       suite, quirks), as {@code IpmiClient.lanplus(host)} does for one BMC.</li>
 *   <li><b>Lazy, reused sessions.</b> The first call to a BMC logs in; later calls reuse the
 *       session (up to {@link Builder#sessionsPerBmc} sessions, default 1: BMCs have 4–15 slots
 *       and other tools need some). The session's own keepalive (Get Device ID after 30 s without
 *       traffic, or what {@link Builder#keepAlive} says, per BMC if need be) keeps it open below the
 *       BMC's idle timeout; the fleet closes sessions idle for longer than
 *       {@link Builder#idleTimeout} (default 5 min).</li>
 *   <li><b>Healing.</b> A session that ended (BMC restart, expiry, "session has ended") is
 *       discarded and the next call logs in again: a BMC is never permanently dead to the fleet.
 *       A timeout alone does not condemn a session: the next call first probes it (Get Device ID,
 *       {@link Builder#probeTimeout}) and logs in again only when the probe fails. A BMC out of
 *       session slots (RMCP+ status 01h, IPMI 1.5 completion codes 81h–83h) is asked again after
 *       a growing pause, for up to {@link Builder#slotWait}.</li>
 *   <li><b>Bounded work.</b> At most {@link Builder#inFlightPerBmc} calls run per BMC (default 8)
 *       and {@link Builder#maxInFlight} in the whole fleet (default 1024); the rest wait in
 *       order without holding a thread.</li>
 *   <li><b>Typed failures.</b> A call that was running when its session died fails once with
 *       {@link dev.ipmi.core.IpmiSessionLostException} ({@code mayHaveExecuted()} says whether
 *       it may have run); the next call gets a new session.</li>
 *   <li><b>Shared resources.</b> One timer thread and one bounded pool for the whole fleet; the
 *       transports share their process-wide I/O engine.</li>
 * </ul>
 *
 * <pre>{@code
 * try (IpmiFleet fleet = IpmiFleet.builder(BmcDirectory.lanplus(b -> b.credentials("admin", password)))
 *         .build()) {
 *     FanOutResult<Boolean> power = fleet.powerStatus(List.of("10.0.0.5", "10.0.0.6")).join();
 *     power.values().forEach((host, on) -> System.out.println(host + ": " + (on ? "on" : "off")));
 *     power.failures().forEach(f -> System.out.println(f.host() + ": " + f.error().orElseThrow().getMessage()));
 *     GetDeviceId.Response id = fleet.bmc("10.0.0.5").call(c -> c.mc().deviceId()).join();
 * }
 * }</pre>
 *
 * Thread-safe. {@link #closeAsync()} closes every session without blocking a thread per session.
 */
public final class IpmiFleet implements AutoCloseable {
    final BmcDirectory directory;
    final FleetConnector connector;
    final FleetEventListener listener;
    final ScheduledExecutorService scheduler;
    final Executor executor;
    final Permits permits;
    final int sessionsPerBmc;
    final int inFlightPerBmc;
    final int depthPerSession;
    final Duration probeTimeout;
    final Duration slotWait;
    /** The keepalive of each BMC's sessions, or null for what its directory entry says. */
    final Function<String, Duration> keepAlive;
    private final Duration idleTimeout;
    private final Duration defaultDeadline;
    private final boolean ownsScheduler;
    private final boolean ownsExecutor;
    private final ConcurrentHashMap<String, Member> members = new ConcurrentHashMap<>();
    private final ScheduledFuture<?> sweeper;
    volatile boolean closed;
    private volatile CompletableFuture<Void> closing;

    private IpmiFleet(Builder b) {
        this.directory = b.directory;
        this.connector = b.connector;
        this.listener = b.listener;
        this.sessionsPerBmc = b.sessionsPerBmc;
        this.inFlightPerBmc = b.inFlightPerBmc;
        this.depthPerSession = Math.max(1, (b.inFlightPerBmc + b.sessionsPerBmc - 1) / b.sessionsPerBmc);
        this.probeTimeout = b.probeTimeout;
        this.slotWait = b.slotWait;
        this.keepAlive = b.keepAlive;
        this.idleTimeout = b.idleTimeout;
        this.defaultDeadline = b.defaultDeadline;
        this.ownsScheduler = b.scheduler == null;
        this.scheduler = ownsScheduler ? defaultScheduler() : b.scheduler;
        this.ownsExecutor = b.executor == null;
        this.executor = ownsExecutor ? defaultExecutor() : b.executor;
        this.permits = new Permits(b.maxInFlight, executor);
        long period = Math.max(1000, idleTimeout.toMillis() / 4);
        this.sweeper = scheduler.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
    }

    /** A builder; {@code directory} says how to reach each BMC by name. */
    public static Builder builder(BmcDirectory directory) {
        return new Builder(directory);
    }

    private static ScheduledExecutorService defaultScheduler() {
        ScheduledThreadPoolExecutor s = new ScheduledThreadPoolExecutor(1, daemon("ipmi-fleet-timer"));
        s.setRemoveOnCancelPolicy(true);
        return s;
    }

    /**
     * Bounded: a callback that blocks holds one of these threads, it does not make the pool grow
     * (an unbounded cached pool grew to 729 threads under callbacks blocking 200 ms).
     */
    private static ExecutorService defaultExecutor() {
        int n = Math.max(2, Math.min(8, Runtime.getRuntime().availableProcessors()));
        ThreadPoolExecutor p = new ThreadPoolExecutor(n, n, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                daemon("ipmi-fleet-"));
        p.allowCoreThreadTimeOut(true);
        return p;
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix.endsWith("-") ? prefix + n.incrementAndGet() : prefix);
            t.setDaemon(true);
            return t;
        };
    }

    private Member member(String name) {
        Objects.requireNonNull(name, "name");
        if (closed) {
            throw new IllegalStateException("the fleet is closed");
        }
        return members.computeIfAbsent(name, n -> new Member(n, this));
    }

    /** The client for one BMC; cheap, and the same BMC state whichever handle is used. */
    public FleetClient bmc(String name) {
        return new FleetClient(member(name), this);
    }

    /**
     * Runs {@code work} on a session to {@code name} (logging in if needed) and completes with its
     * result. The work receives the session's async client and should send its requests through it
     * without blocking.
     */
    public <T> CompletableFuture<T> call(String name, Function<AsyncIpmiClient, CompletableFuture<T>> work) {
        return call(name, work, defaultDeadline);
    }

    <T> CompletableFuture<T> call(String name, Function<AsyncIpmiClient, CompletableFuture<T>> work, Duration deadline) {
        Objects.requireNonNull(work, "work");
        try {
            return member(name).call(new Member.Call<>(work, System.nanoTime() + deadline.toNanos()));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Any modelled request to the BMC {@code name}. */
    public <R> CompletableFuture<R> execute(String name, IpmiRequest<R> request) {
        Objects.requireNonNull(request, "request");
        return call(name, c -> c.execute(request));
    }

    /** {@link #forEach(Collection, Duration, FanOutProgress, Function)} with the default deadline and no progress. */
    public <T> CompletableFuture<FanOutResult<T>> forEach(Collection<String> hosts,
                                                          Function<AsyncIpmiClient, CompletableFuture<T>> work) {
        return forEach(hosts, defaultDeadline, FanOutProgress.none(), work);
    }

    /**
     * Runs {@code work} on every host at once (bounded by the in-flight limits) and completes, by
     * {@code deadline} at the latest, with one result per host in the order given. Never completes
     * exceptionally for a host's failure: an unknown name, a login failure, a timeout, a host that
     * had not finished by the deadline (an {@link IpmiTimeoutException} saying whether its work had
     * started) each become that host's {@link HostResult.Failure}. A host named twice runs twice.
     */
    public <T> CompletableFuture<FanOutResult<T>> forEach(Collection<String> hosts, Duration deadline,
                                                          FanOutProgress<? super T> progress,
                                                          Function<AsyncIpmiClient, CompletableFuture<T>> work) {
        Objects.requireNonNull(work, "work");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(progress, "progress");
        List<String> list = List.copyOf(hosts);
        int n = list.size();
        CompletableFuture<FanOutResult<T>> all = new CompletableFuture<>();
        if (n == 0) {
            all.complete(new FanOutResult<>(List.of()));
            return all;
        }
        AtomicReferenceArray<HostResult<T>> results = new AtomicReferenceArray<>(n);
        AtomicInteger done = new AtomicInteger();
        AtomicInteger reported = new AtomicInteger();
        long start = System.nanoTime();
        long deadlineNanos = start + deadline.toNanos();
        List<Member.Call<T>> calls = new ArrayList<>(n);
        Runnable[] finishOne = new Runnable[1];
        for (int i = 0; i < n; i++) {
            int index = i;
            String host = list.get(i);
            Member.Call<T> call = new Member.Call<>(work, deadlineNanos);
            calls.add(call);
            call.result.whenComplete((v, e) -> {
                long from = call.started.get() ? call.startNanos : start;
                Duration elapsed = Duration.ofNanos(System.nanoTime() - from);
                HostResult<T> r = e == null ? new HostResult.Success<>(host, v, elapsed)
                        : new HostResult.Failure<>(host, Failures.unwrap(e), elapsed);
                if (!results.compareAndSet(index, null, r)) {
                    return;
                }
                int d = done.incrementAndGet();
                try {
                    @SuppressWarnings("unchecked")
                    FanOutProgress<T> p = (FanOutProgress<T>) progress;
                    p.onResult(r, d, n);
                } catch (RuntimeException ignored) {
                    // the caller's progress display must not break the fan-out
                }
                // complete after the last progress call has returned, not after the last result came in
                if (reported.incrementAndGet() == n) {
                    List<HostResult<T>> out = new ArrayList<>(n);
                    for (int k = 0; k < n; k++) {
                        out.add(results.get(k));
                    }
                    all.complete(new FanOutResult<>(out));
                }
            });
        }
        ScheduledFuture<?> timer = scheduler.schedule(() -> {
            for (Member.Call<T> c : calls) {
                c.result.completeExceptionally(new IpmiTimeoutException("the fan-out (deadline " + deadline.toMillis()
                        + " ms passed)", c.started.get() ? 1 : 0, deadline, c.started.get(), false));
            }
        }, deadline.toNanos(), TimeUnit.NANOSECONDS);
        all.whenComplete((r, e) -> timer.cancel(false));
        for (int i = 0; i < n; i++) {
            Member.Call<T> call = calls.get(i);
            try {
                member(list.get(i)).call(call);
            } catch (RuntimeException e) {
                call.result.completeExceptionally(e);
            }
        }
        return all;
    }

    /** Power state of every host: true = on (Get Chassis Status). */
    public CompletableFuture<FanOutResult<Boolean>> powerStatus(Collection<String> hosts) {
        return forEach(hosts, c -> c.chassis().isPowerOn());
    }

    /** A power action on every host (on/off are no-ops where already so; cycle and reset are sent once). */
    public CompletableFuture<FanOutResult<PowerResult>> power(Collection<String> hosts, PowerAction action) {
        Objects.requireNonNull(action, "action");
        return forEach(hosts, c -> c.chassis().power(action));
    }

    /** The boot flags (boot device) of every host. */
    public CompletableFuture<FanOutResult<BootFlags>> bootFlags(Collection<String> hosts) {
        return forEach(hosts, c -> c.chassis().bootFlags());
    }

    /** Sets the boot flags (e.g. {@code BootFlags.ipmitoolBootdev("pxe", false)}) on every host. */
    public CompletableFuture<FanOutResult<Void>> setBootFlags(Collection<String> hosts, BootFlags flags) {
        Objects.requireNonNull(flags, "flags");
        return forEach(hosts, c -> c.chassis().setBootFlags(flags));
    }

    /** Every sensor reading of every host (SDR scans cached per host). */
    public CompletableFuture<FanOutResult<List<SensorReading>>> sensorReadings(Collection<String> hosts) {
        return forEach(hosts, c -> c.sensors().readAll());
    }

    /** The System Event Log of every host. */
    public CompletableFuture<FanOutResult<List<SelRecord>>> selEntries(Collection<String> hosts) {
        return forEach(hosts, c -> c.sel().entries());
    }

    /** Get Device ID of every host. */
    public CompletableFuture<FanOutResult<GetDeviceId.Response>> deviceIds(Collection<String> hosts) {
        return forEach(hosts, c -> c.mc().deviceId());
    }

    /** Health of one BMC the fleet has talked to. */
    public Optional<BmcHealth> health(String name) {
        Member m = members.get(name);
        return m == null ? Optional.empty() : Optional.of(m.health());
    }

    /** Health of every BMC the fleet has talked to. */
    public List<BmcHealth> health() {
        List<BmcHealth> out = new ArrayList<>(members.size());
        for (Member m : members.values()) {
            out.add(m.health());
        }
        return out;
    }

    /** Sessions open now, over all BMCs. */
    public int sessionsOpen() {
        int n = 0;
        for (Member m : members.values()) {
            n += m.sessionsOpen();
        }
        return n;
    }

    private void sweep() {
        long now = System.nanoTime();
        long idle = idleTimeout.toNanos();
        for (Member m : members.values()) {
            m.closeIdle(now, idle);
        }
    }

    /** Closes a session without blocking (Close Session sent; a BMC that forgot it is not waited for). */
    CompletableFuture<Void> close(Member.Session s) {
        CompletableFuture<Void> c;
        try {
            c = s.client.closeAsync();
        } catch (RuntimeException e) {
            c = CompletableFuture.completedFuture(null);
        }
        return c.handle((v, e) -> {
            s.options.wipe();
            return (Void) null;
        });
    }

    /**
     * Closes every session (Close Session to each BMC) and completes when all are closed; calls
     * still waiting fail with {@link IllegalStateException}. The fleet's own threads end after it.
     */
    public synchronized CompletableFuture<Void> closeAsync() {
        if (closing != null) {
            return closing;
        }
        closed = true;
        sweeper.cancel(false);
        List<CompletableFuture<Void>> closes = new ArrayList<>();
        for (Member m : members.values()) {
            closes.addAll(m.closeAll());
        }
        closing = CompletableFuture.allOf(closes.toArray(CompletableFuture[]::new)).whenComplete((v, e) -> {
            if (ownsScheduler) {
                scheduler.shutdownNow();
            }
            if (ownsExecutor) {
                ((ExecutorService) executor).shutdown();
            }
        });
        return closing;
    }

    /** {@link #closeAsync()} and waits for it. */
    @Override
    public void close() {
        closeAsync().join();
    }

    /**
     * Fleet settings. Defaults: {@link FleetConnector#standard()}; 1 session per BMC; 8 calls in
     * flight per BMC, 1024 in the fleet; probe timeout 2 s; slot wait 30 s; idle timeout 5 min;
     * fan-out deadline 60 s; keepalive as each BMC's directory entry says (30 s unless set there);
     * no listener; a timer thread and a bounded pool (2–8 threads) of the fleet's own, ended by
     * {@link #closeAsync()}.
     */
    public static final class Builder {
        private final BmcDirectory directory;
        private FleetConnector connector = FleetConnector.standard();
        private FleetEventListener listener = FleetEventListener.NONE;
        private int sessionsPerBmc = 1;
        private int inFlightPerBmc = 8;
        private int maxInFlight = 1024;
        private Duration probeTimeout = Duration.ofSeconds(2);
        private Duration slotWait = Duration.ofSeconds(30);
        private Duration idleTimeout = Duration.ofMinutes(5);
        private Duration defaultDeadline = Duration.ofSeconds(60);
        private Function<String, Duration> keepAlive;
        private ScheduledExecutorService scheduler;
        private Executor executor;

        private Builder(BmcDirectory directory) {
            this.directory = Objects.requireNonNull(directory, "directory");
        }

        public Builder connector(FleetConnector connector) {
            this.connector = Objects.requireNonNull(connector, "connector");
            return this;
        }

        public Builder listener(FleetEventListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Sessions the fleet may hold to one BMC, 1..16 (a second one opens only while the first is busy). */
        public Builder sessionsPerBmc(int n) {
            if (n < 1 || n > 16) {
                throw new IllegalArgumentException("sessionsPerBmc must be 1..16: " + n);
            }
            this.sessionsPerBmc = n;
            return this;
        }

        /** Calls running at once on one BMC, 1..256. */
        public Builder inFlightPerBmc(int n) {
            if (n < 1 || n > 256) {
                throw new IllegalArgumentException("inFlightPerBmc must be 1..256: " + n);
            }
            this.inFlightPerBmc = n;
            return this;
        }

        /** Calls running at once in the whole fleet, at least 1. */
        public Builder maxInFlight(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("maxInFlight must be at least 1: " + n);
            }
            this.maxInFlight = n;
            return this;
        }

        /** How long a doubtful session (one of its calls timed out) has to answer a probe. */
        public Builder probeTimeout(Duration d) {
            this.probeTimeout = positive("probeTimeout", d);
            return this;
        }

        /** How long a login keeps being retried while the BMC reports no free session slot. */
        public Builder slotWait(Duration d) {
            this.slotWait = positive("slotWait", d);
            return this;
        }

        /** Sessions unused for longer are closed (the next call logs in again). */
        public Builder idleTimeout(Duration d) {
            this.idleTimeout = positive("idleTimeout", d);
            return this;
        }

        /**
         * The keepalive of every session the fleet opens: a session without traffic for this long
         * sends Get Device ID, so a pooled session outlives a BMC idle timeout shorter than the
         * default 30 s (OpenBMC drops sessions idle for 60 s; some firmware sooner). Overrides the
         * directory's {@code keepalive}; {@link Duration#ZERO} turns it off (the session then ends
         * at the BMC's idle timeout and the next call logs in again).
         */
        public Builder keepAlive(Duration idle) {
            Duration d = notNegative("keepAlive", idle);
            this.keepAlive = name -> d;
            return this;
        }

        /**
         * The keepalive per BMC name, asked at every login; {@code null} for a name keeps what the
         * directory entry says. A negative duration fails that BMC's login naming the field.
         */
        public Builder keepAlive(Function<String, Duration> perBmc) {
            this.keepAlive = Objects.requireNonNull(perBmc, "keepAlive");
            return this;
        }

        /** The deadline of {@link #call} and of the fan-out one-liners. */
        public Builder defaultDeadline(Duration d) {
            this.defaultDeadline = positive("defaultDeadline", d);
            return this;
        }

        /** The timer for probes, slot waits, deadlines and the clients' polls; not shut down by the fleet. */
        public Builder scheduler(ScheduledExecutorService scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        /** Where the fleet's own steps run (logins, hand-overs, closes); not shut down by the fleet. */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        static Duration notNegative(String name, Duration d) {
            Objects.requireNonNull(d, name);
            if (d.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative: " + d);
            }
            return d;
        }

        private static Duration positive(String name, Duration d) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + d);
            }
            return d;
        }

        public IpmiFleet build() {
            return new IpmiFleet(this);
        }
    }
}
