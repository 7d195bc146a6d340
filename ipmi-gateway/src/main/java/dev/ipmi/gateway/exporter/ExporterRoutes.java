package dev.ipmi.gateway.exporter;

import dev.ipmi.gateway.auth.Principal;
import dev.ipmi.gateway.auth.Command;
import dev.ipmi.gateway.http.Routes;
import java.nio.charset.StandardCharsets;

/**
 * The exporter inside the gateway: {@code GET /ipmi} needs a viewer key (Prometheus sends it with
 * {@code authorization: {credentials: …}}) whose BMC globs match the target (a BMC name or an
 * address; otherwise 404, so names do not leak); {@code GET /metrics} is public like
 * {@code /health}.
 */
public final class ExporterRoutes implements Routes.RouteModule, AutoCloseable {
    private final Exporter exporter;
    private final ExporterHandlers handlers;

    public ExporterRoutes(Exporter exporter) {
        this.exporter = exporter;
        this.handlers = new ExporterHandlers(exporter);
    }

    /** Stops the exporter's timer and closes its pooled sessions (the gateway's own pool is the gateway's). */
    @Override
    public void close() {
        exporter.close();
    }

    @Override
    public void register(Routes routes) {
        routes.get("/ipmi", Command.METRICS_READ, ctx -> {
            Principal p = Routes.caller(ctx);
            String target = ctx.queryParam("target");
            if (target != null && !target.isEmpty() && !p.sees(target)) {
                ctx.status(404).contentType("text/plain; charset=utf-8")
                        .result(("no BMC named '" + target + "'\n").getBytes(StandardCharsets.UTF_8));
                return;
            }
            handlers.scrape(ctx);
        });
        routes.publicGet("/metrics", handlers::metrics);
    }
}
