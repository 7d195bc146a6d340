package dev.ipmi.gateway.http;

import dev.ipmi.core.CompletionCodeException;
import dev.ipmi.core.client.AsyncIpmiClient;
import dev.ipmi.core.client.AsyncSel;
import dev.ipmi.core.sdr.SensorTypes;
import dev.ipmi.core.sel.SelFormat;
import dev.ipmi.core.sel.SelRecord;
import dev.ipmi.core.sel.SelTimestamp;
import dev.ipmi.core.types.CompletionCode;
import dev.ipmi.gateway.auth.Principal;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * {@code /api/v1/bmcs/{name}/sel}: the System Event Log, whole or incrementally after a record ID
 * ({@code ?since=}), and clearing it (admin).
 */
final class SelHandler {
    /** Bound on records walked per incremental read (a SEL has at most 64 Ki records; most hold a few hundred). */
    static final int MAX_WALK = 4096;
    private static final int LAST = 0xFFFF;
    private final BmcDirectory bmcs;

    SelHandler(BmcDirectory bmcs) {
        this.bmcs = bmcs;
    }

    void get(Context ctx) {
        String name = ctx.pathParam("name");
        String since = ctx.queryParam("since");
        if (since == null) {
            ctx.future(() -> bmcs.access().call(name, c -> c.sel().entries())
                    .thenAccept(list -> ctx.json(answer(list, false))));
            return;
        }
        int after;
        try {
            after = Integer.parseInt(since);
        } catch (NumberFormatException e) {
            throw ApiProblem.badField("since", "'since' must be a record ID (0..65534), found '" + since + "'");
        }
        if (after < 0 || after >= LAST) {
            throw ApiProblem.badField("since", "'since' must be a record ID (0..65534), found " + after);
        }
        ctx.future(() -> bmcs.access().call(name, c -> after(c, after)).thenAccept(ctx::json));
    }

    /** Records after {@code recordId}; the whole log with {@code "reset": true} when that record is gone (SEL cleared). */
    private CompletableFuture<Map<String, Object>> after(AsyncIpmiClient c, int recordId) {
        AsyncSel sel = c.sel();
        return sel.entry(recordId).thenCompose(first -> {
            List<SelRecord> out = new ArrayList<>();
            if (first.isLast()) {
                return CompletableFuture.completedFuture(answer(out, false));
            }
            return walk(sel, first.nextRecordId(), out, 0).thenApply(v -> answer(out, false));
        }).exceptionallyCompose(e -> {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof CompletionCodeException cc && cc.code().equals(CompletionCode.NOT_PRESENT)) {
                return sel.entries().thenApply(all -> answer(all, true));
            }
            return CompletableFuture.failedFuture(cause);
        });
    }

    private CompletableFuture<Void> walk(AsyncSel sel, int id, List<SelRecord> out, int steps) {
        if (steps >= MAX_WALK) {
            return CompletableFuture.completedFuture(null);
        }
        return sel.entry(id).thenCompose(e -> {
            out.add(e.record());
            if (e.isLast() || e.nextRecordId() == id) {
                return CompletableFuture.completedFuture(null);
            }
            return walk(sel, e.nextRecordId(), out, steps + 1);
        });
    }

    private static Map<String, Object> answer(List<SelRecord> records, boolean reset) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("entries", records.stream().map(SelHandler::json).toList());
        m.put("last_record_id", records.isEmpty() ? null : records.get(records.size() - 1).recordId());
        if (reset) {
            m.put("reset", true);
        }
        return m;
    }

    static Map<String, Object> json(SelRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.recordId());
        m.put("record_type", r.recordType());
        if (r instanceof SelRecord.SystemEvent e) {
            m.put("time", time(e.timestamp()));
            m.put("sensor_type", SensorTypes.name(e.sensorType()));
            m.put("sensor_number", e.sensorNumber());
            m.put("event", e.description());
            m.put("direction", e.deassertion() ? "deasserted" : "asserted");
        } else if (r instanceof SelRecord.OemTimestamped o) {
            m.put("time", time(o.timestamp()));
        }
        m.put("text", SelFormat.list(r, ZoneOffset.UTC));
        return m;
    }

    private static String time(SelTimestamp ts) {
        return ts.isPreInit() ? null : ts.instant().map(Instant::toString).orElse(null);
    }

    void delete(Context ctx) {
        Principal p = Requests.principal(ctx);
        String name = ctx.pathParam("name");
        ctx.future(() -> bmcs.access().call(name, c -> c.sel().clear()).handle((v, e) -> {
            Audit.record(p, "sel.clear", name, e == null ? "ok" : "failed: " + Problems.unwrap(e).getClass().getSimpleName());
            if (e != null) {
                throw e instanceof RuntimeException re ? re : new RuntimeException(e);
            }
            ctx.status(204);
            return null;
        }));
    }
}
