package dev.ipmi.gateway.exporter;

import dev.ipmi.core.CompletionCodeException;
import dev.ipmi.core.client.AsyncIpmiClient;
import dev.ipmi.core.commands.storage.GetSelInfo;
import dev.ipmi.core.sdr.EventText;
import dev.ipmi.core.sel.SelRecord;
import dev.ipmi.core.sel.SelScan;
import dev.ipmi.gateway.exporter.ExporterConfig.SelEventRule;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * ipmi_exporter's {@code sel-events} collector, read incrementally. ipmi_exporter runs
 * {@code ipmi-sel} over the whole SEL on every scrape (15–33 s on large SELs, its users report);
 * here each target keeps what its SEL held at the last scrape (the aggregates, the last record ID,
 * the SEL's entry count and its last addition and erase timestamps from Get SEL Info), and a scrape
 * reads only the records added since. It starts again from the first record when the erase
 * timestamp changed, the SEL shrank, the last record seen is gone, or the count no longer adds up
 * (a record deleted and another added).
 */
final class SelEvents {
    /** Targets whose SEL state is kept; the least recently scraped is forgotten first. */
    static final int MAX_TARGETS = Exporter.MAX_TARGETS;

    /**
     * What one target's SEL held at its last scrape. Immutable: a scrape that overran its deadline
     * may still be reading when the next starts, and only one of them may commit.
     */
    record State(long lastAddition, long lastErase, int entries, int lastRecordId, Map<String, Integer> byState,
                 Map<String, Integer> byName, Map<String, Long> latestByName) {}

    private final ScrapeStats stats;
    private final Map<String, State> states = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, State> eldest) {
            return size() > MAX_TARGETS;
        }
    };

    SelEvents(ScrapeStats stats) {
        this.stats = stats;
    }

    private synchronized State get(String key) {
        return states.get(key);
    }

    private synchronized void commit(String key, State old, State now) {
        if (states.get(key) == old) {
            states.put(key, now);
        }
    }

    /** Forgets every target (a configuration reload may change the rules). */
    synchronized void clear() {
        states.clear();
    }

    /**
     * Reads what is new in the target's SEL and writes the aggregates into {@code part}.
     *
     * @param key the target and module: the counts by name depend on the module's rules
     */
    CompletableFuture<Void> collect(AsyncIpmiClient c, String key, List<SelEventRule> rules, Scrape.Part part) {
        return c.sel().info().thenCompose(info -> {
            State old = get(key);
            CompletableFuture<State> next;
            if (old == null || old.lastErase != info.lastErase() || info.entries() < old.entries) {
                next = full(c, info, rules);
            } else if (old.lastAddition == info.lastAddition() && old.entries == info.entries()) {
                next = CompletableFuture.completedFuture(old);
            } else if (old.lastRecordId < 0) {
                next = full(c, info, rules);
            } else {
                next = c.sel().scanFrom(old.lastRecordId).handle((scan, e) -> {
                    if (e != null) {
                        if (AdHocSessions.unwrap(e) instanceof CompletionCodeException) {
                            // the last record we saw was deleted: nothing to anchor on
                            return full(c, info, rules);
                        }
                        return CompletableFuture.<State>failedFuture(AdHocSessions.unwrap(e));
                    }
                    stats.selRecordsRead(scan.records().size() + scan.malformed().size());
                    State s = fold(old, info, scan, old.lastRecordId, rules);
                    return s.entries == info.entries() ? CompletableFuture.completedFuture(s) : full(c, info, rules);
                }).thenCompose(f -> f);
            }
            return next.thenAccept(s -> {
                commit(key, old, s);
                write(s, part);
            });
        });
    }

    private CompletableFuture<State> full(AsyncIpmiClient c, GetSelInfo.Response info, List<SelEventRule> rules) {
        stats.selFullRead();
        State empty = new State(info.lastAddition(), info.lastErase(), 0, -1, Map.of(), initial(rules, 0),
                initialTimes(rules));
        return c.sel().scan().thenApply(scan -> {
            stats.selRecordsRead(scan.records().size() + scan.malformed().size());
            return fold(empty, info, scan, -1, rules);
        });
    }

    private static Map<String, Integer> initial(List<SelEventRule> rules, int v) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (SelEventRule r : rules) {
            m.put(r.name(), v);
        }
        return m;
    }

    private static Map<String, Long> initialTimes(List<SelEventRule> rules) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (SelEventRule r : rules) {
            m.put(r.name(), 0L);
        }
        return m;
    }

    /** Adds the scanned records (except the anchor, counted before) to {@code base}. */
    static State fold(State base, GetSelInfo.Response info, SelScan scan, int anchor, List<SelEventRule> rules) {
        Map<String, Integer> byState = new LinkedHashMap<>(base.byState);
        Map<String, Integer> byName = new LinkedHashMap<>(base.byName);
        Map<String, Long> latest = new LinkedHashMap<>(base.latestByName);
        int entries = base.entries;
        int last = base.lastRecordId;
        for (SelRecord r : scan.records()) {
            if (r.recordId() == anchor) {
                continue;
            }
            entries++;
            last = r.recordId();
            byState.merge(state(r), 1, Integer::sum);
            String text = eventText(r);
            long ts = timestamp(r);
            for (SelEventRule rule : rules) {
                if (rule.regex().matcher(text).find()) {
                    byName.merge(rule.name(), 1, Integer::sum);
                    latest.merge(rule.name(), ts, Math::max);
                }
            }
        }
        // an entry that does not decode is still an entry of the SEL (its state unknown)
        entries += scan.malformed().size();
        if (!scan.malformed().isEmpty()) {
            byState.merge("N/A", scan.malformed().size(), Integer::sum);
        }
        return new State(info.lastAddition(), info.lastErase(), entries, last, Map.copyOf(byState),
                Map.copyOf(byName), Map.copyOf(latest));
    }

    private static void write(State s, Scrape.Part part) {
        s.byState.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> part.add(Family.SEL_EVENTS_BY_STATE, e.getValue(), e.getKey()));
        Map<String, Integer> byName = new HashMap<>(s.byName);
        byName.keySet().stream().sorted().forEach(name -> {
            part.add(Family.SEL_EVENTS_BY_NAME, byName.get(name), name);
            part.add(Family.SEL_EVENTS_LATEST, s.latestByName.getOrDefault(name, 0L), name);
        });
    }

    /**
     * The event text the rules' regexes see. Threshold events are worded as FreeIPMI's
     * {@code ipmi-sel} words them ("Upper Critical - going high"), which ipmi_exporter's regexes are
     * written against; discrete events keep the spec's (ipmitool's) wording, which differs from
     * FreeIPMI's in places ("Correctable ECC", FreeIPMI "Correctable memory error").
     */
    static String eventText(SelRecord r) {
        if (r instanceof SelRecord.SystemEvent e) {
            String d = e.description().strip();
            if (d.isEmpty()) {
                return "Event offset " + e.offset();
            }
            return e.eventReadingType() == EventText.THRESHOLD ? d.replace(" going ", " - going ") : d;
        }
        return String.format("OEM record %02x", r.recordType());
    }

    /** Seconds since 1970, 0 when the BMC's clock was not set (as ipmi_exporter does for "PostInit"). */
    static long timestamp(SelRecord r) {
        if (r instanceof SelRecord.SystemEvent e) {
            return e.timestamp().instant().map(i -> i.getEpochSecond()).orElse(0L);
        }
        if (r instanceof SelRecord.OemTimestamped o) {
            return o.timestamp().instant().map(i -> i.getEpochSecond()).orElse(0L);
        }
        return 0;
    }

    /**
     * FreeIPMI's event state column (Nominal, Warning, Critical, N/A): a threshold crossing is a
     * warning at a non-critical threshold and critical beyond; a discrete offset takes the severity
     * {@link SensorSeverity} gives that state; OEM records are N/A. The direction does not count:
     * {@code ipmi-sel} 1.6.10 reports a deasserted "Power Supply Failure detected" as Critical too.
     */
    static String state(SelRecord r) {
        if (!(r instanceof SelRecord.SystemEvent e)) {
            return "N/A";
        }
        if (e.eventReadingType() == EventText.THRESHOLD) {
            int o = e.offset();
            if (o > 11) {
                return "N/A";
            }
            return o == 0 || o == 1 || o == 6 || o == 7 ? "Warning" : "Critical";
        }
        double sev = SensorSeverity.discrete(e.sensorType(), e.eventReadingType(), 1 << e.offset());
        if (Double.isNaN(sev)) {
            return "N/A";
        }
        return sev >= SensorSeverity.CRITICAL ? "Critical" : sev >= SensorSeverity.WARNING ? "Warning" : "Nominal";
    }
}
