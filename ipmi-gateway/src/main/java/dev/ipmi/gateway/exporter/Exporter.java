package dev.ipmi.gateway.exporter;

import dev.ipmi.core.client.AsyncIpmiClient;
import dev.ipmi.gateway.bmc.BmcAccess;
import dev.ipmi.gateway.exporter.ExporterConfig.Module;
import dev.ipmi.lan.engine.UdpEngine;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Prometheus exporter: scrapes one target per request, the way ipmi_exporter's {@code /ipmi}
 * does, but on pooled sessions, with one scrape per target and module at a time (a second
 * concurrent request shares the first one's result) and a deadline taken from Prometheus's
 * {@code X-Prometheus-Scrape-Timeout-Seconds}: when it passes, the scrape answers with what it has
 * and marks the collectors that were late {@code ipmi_up 0}.
 */
public final class Exporter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Exporter.class);

    /** Without a Prometheus timeout header: Prometheus's own default scrape timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /** Distinct {@code HOST:PORT} targets (with their module's user) pooled at once. */
    public static final int MAX_TARGETS = 10_000;

    private volatile ExporterConfig config;
    private final Optional<BmcAccess> gateway;
    private final Set<String> gatewayBmcs;
    private final ScheduledExecutorService timer;
    private final UdpEngine engine;
    private final ScrapeStats stats;
    private final AdHocSessions adHoc;
    private final EnterpriseNumbers enterprises;
    private final SelEvents selEvents;
    private final Map<String, CompletableFuture<Scrape.Result>> inFlight = new ConcurrentHashMap<>();

    /**
     * @param gateway     the gateway's BMC access (its BMC names are targets too); empty when standalone
     * @param gatewayBmcs the names {@code gateway} knows
     * @param jvmMetrics  whether {@code /metrics} carries the JVM's process metrics
     */
    public Exporter(ExporterConfig config, Optional<BmcAccess> gateway, Set<String> gatewayBmcs, boolean jvmMetrics) {
        this.config = config;
        this.gateway = gateway;
        this.gatewayBmcs = Set.copyOf(gatewayBmcs);
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
            Thread th = new Thread(r, "ipmi-exporter-timer");
            th.setDaemon(true);
            return th;
        });
        t.setRemoveOnCancelPolicy(true);
        this.timer = t;
        this.stats = new ScrapeStats(jvmMetrics);
        // Completions on the I/O thread itself: a scrape's callbacks only record readings and never
        // block, and the shared engine's completion pool would add a thread hand-off per reply and
        // up to 32 threads that come and go with the load (the HTTP answer is written on the timer)
        this.engine = UdpEngine.builder().threadName("ipmi-exporter-io").completionExecutor(Runnable::run).build();
        this.adHoc = new AdHocSessions(timer, engine, stats, Duration.ofMinutes(10), MAX_TARGETS);
        this.enterprises = EnterpriseNumbers.system();
        this.selEvents = new SelEvents(stats);
    }

    public ExporterConfig config() {
        return config;
    }

    /**
     * Takes a new configuration ({@code /-/reload}): later scrapes use its modules. Pooled sessions
     * are keyed by their credentials, so a module whose user or password changed gets new sessions
     * (the old ones close when idle); the sel-events state is dropped, since its rules may differ.
     */
    public void reload(ExporterConfig next) {
        this.config = next;
        selEvents.clear();
    }

    /** The exporter's own metrics, for {@code /metrics}. */
    public PrometheusRegistry registry() {
        return stats.registry();
    }

    /** Why a scrape request is refused before anything is asked of a BMC (HTTP 400). */
    public static final class BadScrapeRequest extends RuntimeException {
        BadScrapeRequest(String message) {
            super(message);
        }
    }

    /**
     * Resolves the target text: a configured gateway BMC name, else {@code HOST[:PORT]}.
     *
     * @throws BadScrapeRequest when it is neither
     */
    Target resolve(String text) {
        if (gatewayBmcs.contains(text)) {
            return new Target.Named(text);
        }
        return Target.address(text).orElseThrow(() -> new BadScrapeRequest("target '" + text
                + "' is neither a BMC name of this gateway nor HOST[:PORT]"));
    }

    /**
     * Scrapes a target, sharing a scrape of the same target and module already under way.
     *
     * @param budget how long the scrape may take before it answers with what it has
     * @throws BadScrapeRequest for an unknown module or a target that is not an address
     */
    public CompletableFuture<Scrape.Result> scrape(String targetText, String moduleName, Duration budget) {
        ExporterConfig current = config;
        if (!current.has(moduleName)) {
            throw new BadScrapeRequest("Unknown module \"" + moduleName + "\"");
        }
        Target target = resolve(targetText);
        Module module = current.forScrape(moduleName);
        String key = target.text() + "\u0000" + moduleName;
        CompletableFuture<Scrape.Result> mine = new CompletableFuture<>();
        CompletableFuture<Scrape.Result> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            stats.shared();
            return running;
        }
        run(target, module, key, budget, mine, () -> inFlight.remove(key, mine));
        return mine;
    }

    private void run(Target target, Module module, String key, Duration budget, CompletableFuture<Scrape.Result> out,
                     Runnable done) {
        long start = System.nanoTime();
        Scrape scrape = new Scrape(module, enterprises, stats, selEvents, key);
        AtomicBoolean finished = new AtomicBoolean();
        boolean[] sessionFailed = {false};
        CompletableFuture<Void> work = session(target, module, scrape::run);
        work.whenComplete((r, e) -> {
            if (e != null) {
                sessionFailed[0] = true;
                LOG.debug("scrape of {} failed: {}", target.text(), AdHocSessions.unwrap(e).toString());
            }
            finish(scrape, start, sessionFailed[0], finished, out, done);
        });
        timer.schedule(() -> finish(scrape, start, false, finished, out, done), Math.max(1, budget.toMillis()),
                TimeUnit.MILLISECONDS);
    }

    private void finish(Scrape scrape, long start, boolean sessionFailed, AtomicBoolean finished,
                        CompletableFuture<Scrape.Result> out, Runnable done) {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Scrape.Result r = sessionFailed ? scrape.failed(seconds) : scrape.freeze(seconds);
        stats.scraped(r, sessionFailed);
        // leave the single-flight map first: a scrape that starts after this answer is a new one
        done.run();
        // the HTTP answer is written by whoever completes: never the library's I/O thread
        timer.execute(() -> out.complete(r));
    }

    private CompletableFuture<Void> session(Target target, Module module,
                                            Function<AsyncIpmiClient, CompletableFuture<Void>> action) {
        try {
            if (target instanceof Target.Address a) {
                return adHoc.call(a, module, c -> action.apply(c.async()));
            }
            return gateway.orElseThrow().call(target.text(), action);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * The scrape budget for a request: Prometheus's timeout header minus a margin (a tenth, at
     * least 200 ms), so the answer arrives before Prometheus gives up on it.
     */
    public static Duration budget(String timeoutHeader) {
        Duration timeout = DEFAULT_TIMEOUT;
        if (timeoutHeader != null) {
            try {
                double s = Double.parseDouble(timeoutHeader.trim());
                if (s > 0 && s < 3600) {
                    timeout = Duration.ofMillis((long) (s * 1000));
                }
            } catch (NumberFormatException e) {
                // a header we cannot read leaves the default
            }
        }
        long ms = timeout.toMillis();
        long margin = Math.max(200, ms / 10);
        return Duration.ofMillis(Math.max(50, ms - margin));
    }

    @Override
    public void close() {
        adHoc.close();
        timer.shutdownNow();
        engine.close();
    }
}
