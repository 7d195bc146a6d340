package dev.ipmi.gateway.exporter;

import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a scrape into the Prometheus exposition through the official Java client's writers: the
 * OpenMetrics text format when the Accept header asks for it (as Prometheus does), the classic
 * text format otherwise.
 */
final class Exposition {
    private static final ExpositionFormats FORMATS = ExpositionFormats.init();

    private Exposition() {}

    record Body(String contentType, byte[] bytes) {}

    static MetricSnapshots snapshots(Scrape.Result r) {
        Map<Family, List<GaugeDataPointSnapshot>> families = new LinkedHashMap<>();
        Map<Family, Set<List<String>>> seen = new LinkedHashMap<>();
        List<GaugeDataPointSnapshot> up = new ArrayList<>();
        r.up().forEach((c, ok) -> up.add(point(Family.UP, List.of(c.id()), ok ? 1 : 0)));
        families.put(Family.UP, up);
        families.put(Family.DURATION, List.of(point(Family.DURATION, List.of(), r.durationSeconds())));
        for (Scrape.Point p : r.points()) {
            // two SDRs with the same record ID and name would collide; the first one wins
            if (seen.computeIfAbsent(p.family(), f -> new HashSet<>()).add(p.labels())) {
                families.computeIfAbsent(p.family(), f -> new ArrayList<>()).add(point(p.family(), p.labels(), p.value()));
            }
        }
        MetricSnapshots.Builder b = MetricSnapshots.builder();
        families.forEach((f, points) -> {
            GaugeSnapshot.Builder g = GaugeSnapshot.builder().name(f.name()).help(f.help());
            points.forEach(g::dataPoint);
            b.metricSnapshot(g.build());
        });
        return b.build();
    }

    private static GaugeDataPointSnapshot point(Family f, List<String> labelValues, double value) {
        return GaugeDataPointSnapshot.builder().labels(Labels.of(f.labels(), labelValues)).value(value).build();
    }

    static Body write(MetricSnapshots snapshots, String accept) {
        ExpositionFormatWriter w = accept != null && accept.contains("application/openmetrics-text")
                ? FORMATS.getOpenMetricsTextFormatWriter() : FORMATS.getPrometheusTextFormatWriter();
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try {
            w.write(out, snapshots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Body(w.getContentType(), out.toByteArray());
    }
}
