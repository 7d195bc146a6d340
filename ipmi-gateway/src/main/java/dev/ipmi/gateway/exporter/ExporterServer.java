package dev.ipmi.gateway.exporter;

import dev.ipmi.gateway.config.ConfigException;
import io.javalin.Javalin;
import io.javalin.http.Handler;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
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
     * grows with Prometheus's concurrent scrapes (up to 200 threads). Jetty leases some of them for
     * its acceptors and selectors, more on machines with more cores: 8 on two cores, 4 more per
     * further 2 cores. (With 16 on two cores, 1000 targets kept 14 busy against 6 for 100.)
     */
    static final int MAX_HTTP_THREADS = Math.max(8, 4 + 2 * Runtime.getRuntime().availableProcessors());
    static final int MIN_HTTP_THREADS = 4;

    private final Javalin app;
    private final Exporter exporter;
    private final Optional<Path> configFile;

    private ExporterServer(Javalin app, Exporter exporter, Optional<Path> configFile) {
        this.app = app;
        this.exporter = exporter;
        this.configFile = configFile;
    }

    public static ExporterServer start(ExporterConfig config, String host, int port) {
        return start(config, Optional.empty(), new WebConfig(Optional.empty(), Map.of()), host, port);
    }

    /**
     * @param configFile where {@code config} came from: {@code POST /-/reload} reads it again
     *                   (without it, reload answers 500 saying there is no file)
     * @param web        ipmi_exporter's {@code --web.config.file}: TLS and basic authentication
     */
    static ExporterServer start(ExporterConfig config, Optional<Path> configFile, WebConfig web, String host,
                                int port) {
        Exporter exporter = new Exporter(config, Optional.empty(), Set.of(), true);
        ExporterHandlers h = new ExporterHandlers(exporter);
        Optional<WebConfig.BasicAuth> auth = web.basicAuthUsers().isEmpty() ? Optional.empty()
                : Optional.of(new WebConfig.BasicAuth(web.basicAuthUsers()));
        Javalin app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.jetty.threadPool = httpThreads();
            web.tls().ifPresent(tls -> c.jetty.addConnector((server, http) -> {
                SslContextFactory.Server ssl = new SslContextFactory.Server();
                ssl.setKeyStore(tls.keyStore());
                ssl.setKeyStorePassword(new String(tls.keyStorePassword()));
                ssl.setIncludeProtocols(tls.minVersion().equals("TLSv1.3") ? new String[] {"TLSv1.3"}
                        : new String[] {"TLSv1.2", "TLSv1.3"});
                ServerConnector connector = new ServerConnector(server, ssl, new HttpConnectionFactory(http));
                connector.setHost(host);
                connector.setPort(port);
                return connector;
            }));
            auth.ifPresent(a -> c.routes.before(ctx -> {
                if (!a.allows(ctx.header("Authorization"))) {
                    ctx.header("WWW-Authenticate", "Basic");
                    ctx.status(401).contentType("text/plain; charset=utf-8").result("Unauthorized\n");
                    ctx.skipRemainingHandlers();
                }
            }));
            c.routes.get("/ipmi", h::scrape);
            c.routes.get("/metrics", h::metrics);
            c.routes.get("/", ctx -> ctx.html(INDEX));
            c.routes.post("/-/reload", ctx -> {
                try {
                    reload(exporter, configFile);
                    ctx.status(200);
                } catch (ConfigException e) {
                    ctx.status(500).contentType("text/plain; charset=utf-8")
                            .result("failed to reload config: " + e.getMessage() + "\n");
                }
            });
            // as ipmi_exporter: other methods are refused, naming the one allowed
            Handler onlyPost = ctx -> ctx.header("Allow", "POST").status(405)
                    .contentType("text/plain; charset=utf-8").result("Only POST requests allowed\n");
            c.routes.get("/-/reload", onlyPost);
            c.routes.put("/-/reload", onlyPost);
            c.routes.delete("/-/reload", onlyPost);
        });
        try {
            if (web.tls().isPresent()) {
                app.start();
            } else {
                app.start(host, port);
            }
        } catch (RuntimeException e) {
            exporter.close();
            throw e;
        }
        LOG.info("ipmi exporter listening on {}://{}:{} with {} modules{}", web.tls().isPresent() ? "https" : "http",
                host.isEmpty() ? "*" : host, app.port(), config.modules().size(),
                auth.isPresent() ? ", basic authentication" : "");
        return new ExporterServer(app, exporter, configFile);
    }

    /**
     * Reads the config file again ({@code POST /-/reload}, SIGHUP); the last good configuration
     * stays when the file is broken.
     *
     * @throws ConfigException naming the key and line, or saying there is no file
     */
    void reload() {
        reload(exporter, configFile);
    }

    private static void reload(Exporter exporter, Optional<Path> configFile) {
        try {
            Path file = configFile.orElseThrow(() -> new ConfigException("", 0,
                    "the exporter was started without a config file"));
            exporter.reload(ExporterConfig.load(file));
            LOG.info("configuration reloaded from {}", file);
        } catch (ConfigException e) {
            LOG.warn("reloading the configuration failed: {}", e.getMessage());
            throw e;
        }
    }

    /** A fixed-size Jetty pool, so the exporter's thread count does not follow its target count. */
    static QueuedThreadPool httpThreads() {
        QueuedThreadPool pool = new QueuedThreadPool(MAX_HTTP_THREADS, MIN_HTTP_THREADS, 60_000);
        pool.setName("exporter-http");
        return pool;
    }

    Exporter exporter() {
        return exporter;
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
