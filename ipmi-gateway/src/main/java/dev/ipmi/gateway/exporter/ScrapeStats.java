package dev.ipmi.gateway.exporter;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.event.IpmiEventListener;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The exporter's own metrics ({@code GET /metrics}): what makes its advantages over ipmi_exporter
 * visible, plus the JVM's process metrics. These families are ours only; they never appear in a
 * target scrape.
 */
final class ScrapeStats {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter scrapes = Counter.builder().name("ipmi_exporter_scrapes_total")
            .help("Target scrapes by outcome: complete (every collector up), partial, failed (no session).")
            .labelNames("outcome").register(registry);
    private final Counter shared = Counter.builder().name("ipmi_exporter_scrapes_shared_total")
            .help("Scrapes that arrived while the same target and module were being scraped and got that result.")
            .register(registry);
    private final Counter late = Counter.builder().name("ipmi_exporter_collector_late_total")
            .help("Collectors cut off by the scrape deadline (reported ipmi_up 0 with what they had).")
            .labelNames("collector").register(registry);
    private final Counter failures = Counter.builder().name("ipmi_exporter_collector_failures_total")
            .help("Collectors that failed (error from the BMC or the session).")
            .labelNames("collector").register(registry);
    private final Counter sessionsOpened = Counter.builder().name("ipmi_exporter_sessions_opened_total")
            .help("Sessions opened to BMCs (a pooled session serves many scrapes).").register(registry);
    private final Gauge sessionsOpen = Gauge.builder().name("ipmi_exporter_sessions_open")
            .help("Sessions held open in the exporter's pool now.").register(registry);
    private final Counter requests = Counter.builder().name("ipmi_exporter_bmc_requests_total")
            .help("IPMI requests sent to BMCs, by command (SDR reads stay flat while repositories do not change).")
            .labelNames("command").register(registry);
    private final Counter selRecords = Counter.builder().name("ipmi_exporter_sel_records_read_total")
            .help("SEL records read by the sel-events collector: a scrape reads only the records added since the "
                    + "last one (and the last one again, to learn what follows it).").register(registry);
    private final Counter selFullReads = Counter.builder().name("ipmi_exporter_sel_full_reads_total")
            .help("SEL reads from the first record: the first scrape of a target, and after an erase or a shrink.")
            .register(registry);
    private final Map<String, CounterDataPoint> requestsByCommand = new ConcurrentHashMap<>();
    private final Histogram duration = Histogram.builder().name("ipmi_exporter_scrape_duration_seconds")
            .help("Time to answer a target scrape.").classicUpperBounds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1,
                    2.5, 5, 10, 30)
            .register(registry);

    ScrapeStats(boolean jvm) {
        if (jvm) {
            JvmMetrics.builder().register(registry);
        }
    }

    PrometheusRegistry registry() {
        return registry;
    }

    void scraped(Scrape.Result r, boolean sessionFailed) {
        boolean all = r.up().values().stream().allMatch(Boolean::booleanValue);
        scrapes.labelValues(sessionFailed ? "failed" : all ? "complete" : "partial").inc();
        duration.observe(r.durationSeconds());
    }

    void shared() {
        shared.inc();
    }

    void collectorLate(Collector c) {
        late.labelValues(c.id()).inc();
    }

    void collectorFailed(Collector c) {
        failures.labelValues(c.id()).inc();
    }

    void selRecordsRead(int n) {
        selRecords.inc(n);
    }

    void selFullRead() {
        selFullReads.inc();
    }

    void sessionOpened() {
        sessionsOpened.inc();
    }

    void sessionsOpen(int n) {
        sessionsOpen.set(n);
    }

    /**
     * Counts every request the pooled sessions send. The data point of each command is looked up
     * once: {@code labelValues} builds a label list per call, and this runs for every request.
     */
    IpmiEventListener listener() {
        return new IpmiEventListener() {
            @Override
            public void requestSent(SocketAddress bmc, CommandId id, int rqSeq) {
                requestsByCommand.computeIfAbsent(id.name(), requests::labelValues).inc();
            }
        };
    }
}
