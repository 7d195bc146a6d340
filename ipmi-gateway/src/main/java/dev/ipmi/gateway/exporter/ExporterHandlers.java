package dev.ipmi.gateway.exporter;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** The HTTP side, shared by the gateway's routes and the standalone server. */
public final class ExporterHandlers {
    private final Exporter exporter;

    public ExporterHandlers(Exporter exporter) {
        this.exporter = exporter;
    }

    /**
     * {@code GET /ipmi?target=…&module=…}: as ipmi_exporter, a missing target is 400, a missing
     * module means {@code default}, an unknown module is 400.
     */
    public void scrape(Context ctx) {
        String target = ctx.queryParam("target");
        if (target == null || target.isEmpty()) {
            plain(ctx, 400, "'target' parameter must be specified");
            return;
        }
        String module = ctx.queryParam("module");
        if (module == null || module.isEmpty()) {
            module = "default";
        }
        Duration budget = Exporter.budget(ctx.header("X-Prometheus-Scrape-Timeout-Seconds"));
        String accept = ctx.header("Accept");
        CompletableFuture<Scrape.Result> scrape;
        try {
            scrape = exporter.scrape(target, module, budget);
        } catch (Exporter.BadScrapeRequest e) {
            plain(ctx, 400, e.getMessage());
            return;
        }
        ctx.future(() -> scrape.thenAccept(r -> {
            Exposition.Body body = Exposition.write(Exposition.snapshots(r), accept);
            ctx.status(200).contentType(body.contentType()).result(body.bytes());
        }));
    }

    /** {@code GET /metrics}: the exporter's own metrics and the JVM's. */
    public void metrics(Context ctx) {
        Exposition.Body body = Exposition.write(exporter.registry().scrape(), ctx.header("Accept"));
        ctx.status(200).contentType(body.contentType()).result(body.bytes());
    }

    private static void plain(Context ctx, int status, String text) {
        ctx.status(status).contentType("text/plain; charset=utf-8").result((text + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
