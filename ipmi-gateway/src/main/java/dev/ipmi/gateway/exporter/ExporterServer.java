package dev.ipmi.gateway.exporter;

import io.javalin.Javalin;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The standalone exporter ({@code ipmi-gateway.jar exporter --config ipmi_remote.yml}): the same
 * {@code /ipmi} and {@code /metrics} as ipmi_exporter on its default port 9290, without the
 * gateway's REST API and console.
 */
public final class ExporterServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ExporterServer.class);
    private static final String INDEX = """
            <html><head><title>IPMI Exporter</title></head><body>
            <h1>IPMI Exporter (ipmi-java)</h1>
            <form action="/ipmi"><label>Target:</label> <input type="text" name="target" placeholder="host:port">
            <label>Module:</label> <input type="text" name="module" value="default">
            <input type="submit" value="Scrape"></form>
            <p><a href="/metrics">Exporter metrics</a></p>
            </body></html>
            """;

    /**
     * Jetty's worker threads at most. Every scrape is asynchronous (a worker hands it to the IPMI
     * side and returns), so a few workers serve any number of targets; without a cap Jetty's pool
     * grows with Prometheus's concurrent scrapes (up to 200 threads).
     */
    static final int MAX_HTTP_THREADS = 16;
    static final int MIN_HTTP_THREADS = 4;

    private final Javalin app;
    private final Exporter exporter;

    private ExporterServer(Javalin app, Exporter exporter) {
        this.app = app;
        this.exporter = exporter;
    }

    public static ExporterServer start(ExporterConfig config, String host, int port) {
        Exporter exporter = new Exporter(config, Optional.empty(), Set.of(), true);
        ExporterHandlers h = new ExporterHandlers(exporter);
        Javalin app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.jetty.threadPool = httpThreads();
            c.routes.get("/ipmi", h::scrape);
            c.routes.get("/metrics", h::metrics);
            c.routes.get("/", ctx -> ctx.html(INDEX));
        });
        try {
            app.start(host, port);
        } catch (RuntimeException e) {
            exporter.close();
            throw e;
        }
        LOG.info("ipmi exporter listening on http://{}:{} with {} modules", host.isEmpty() ? "*" : host, app.port(),
                config.modules().size());
        return new ExporterServer(app, exporter);
    }

    /** A fixed-size Jetty pool, so the exporter's thread count does not follow its target count. */
    static QueuedThreadPool httpThreads() {
        QueuedThreadPool pool = new QueuedThreadPool(MAX_HTTP_THREADS, MIN_HTTP_THREADS, 60_000);
        pool.setName("exporter-http");
        return pool;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        try {
            app.stop();
        } finally {
            exporter.close();
        }
    }
}
