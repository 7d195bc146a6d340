package dev.ipmi.gateway.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ipmi.gateway.auth.Authenticator;
import dev.ipmi.gateway.bmc.BmcAccess;
import dev.ipmi.gateway.config.GatewayConfig;
import dev.ipmi.gateway.console.ConsoleHub;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The gateway's HTTP server: Javalin with the routes of every module, the web console and the error mapping. */
public final class GatewayServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayServer.class);
    private final Javalin app;
    private final BmcAccess access;
    private final ConsoleHub hub;
    private final List<String> routes;

    private GatewayServer(Javalin app, BmcAccess access, ConsoleHub hub, List<String> routes) {
        this.app = app;
        this.access = access;
        this.hub = hub;
        this.routes = routes;
    }

    /**
     * Starts the gateway. {@code access} is owned by the server from here on (closed with it);
     * {@code modules} add routes beside the REST API and the console (the exporter, for one).
     */
    public static GatewayServer start(GatewayConfig config, BmcAccess access, List<Routes.RouteModule> modules) {
        ObjectMapper json = new ObjectMapper();
        Problems problems = new Problems(json, config);
        Authenticator auth = new Authenticator(config, Clock.systemUTC());
        BmcDirectory bmcs = new BmcDirectory(config, access);
        ConsoleHub hub = new ConsoleHub(access, json, config.limits().consoleBufferBytes());
        Guard guard = new Guard(auth, bmcs);
        Set<String> origins = Set.copyOf(config.corsOrigins());
        long maxBody = config.limits().maxBodyBytes();
        List<String> declared = new ArrayList<>();

        Javalin app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.jsonMapper(new JavalinJackson(json, false));
            c.http.maxRequestSize = maxBody;
            c.staticFiles.enableWebjars();
            c.staticFiles.add(s -> {
                s.hostedPath = "/";
                s.directory = "/web";
                s.location = Location.CLASSPATH;
            });
            c.jetty.modifyWebSocketServletFactory(f -> {
                f.setMaxBinaryMessageSize(64 * 1024);
                f.setMaxTextMessageSize(4096);
                f.setIdleTimeout(Duration.ofMinutes(10));
            });
            config.tls().ifPresent(tls -> c.jetty.addConnector((server, http) -> {
                SslContextFactory.Server ssl = new SslContextFactory.Server();
                ssl.setKeyStorePath(tls.keystore());
                ssl.setKeyStoreType("PKCS12");
                ssl.setKeyStorePassword(new String(tls.password()));
                ServerConnector tlsConnector = new ServerConnector(server, ssl, new HttpConnectionFactory(http));
                tlsConnector.setHost(config.listenHost());
                tlsConnector.setPort(config.listenPort());
                return tlsConnector;
            }));

            c.routes.before(ctx -> {
                String origin = ctx.header("Origin");
                if (origin != null && origins.contains(origin)) {
                    ctx.header("Access-Control-Allow-Origin", origin);
                    ctx.header("Vary", "Origin");
                    if (ctx.method().name().equals("OPTIONS")) {
                        ctx.header("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE");
                        ctx.header("Access-Control-Allow-Headers", "Authorization, X-API-Key, Content-Type");
                        ctx.header("Access-Control-Max-Age", "600");
                        ctx.status(204);
                        ctx.skipRemainingHandlers();
                        return;
                    }
                }
                ctx.header("X-Content-Type-Options", "nosniff");
                // inline styles only: xterm.js's DOM renderer injects <style> elements; scripts stay 'self'
                ctx.header("Content-Security-Policy",
                        "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; "
                        + "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'");
                ctx.header("Referrer-Policy", "no-referrer");
                if (ctx.contentLength() > maxBody) {
                    throw new ApiProblem(413, "Request body too large", "bodies are limited to " + maxBody + " bytes")
                            .with("field", "body");
                }
            });
            c.routes.exception(Exception.class, (e, ctx) -> problems.write(ctx, e));
            c.routes.error(404, ctx -> {
                if (!isProblem(ctx)) {
                    problems.write(ctx, new ApiProblem(404, "Not found", "no route " + ctx.method() + " " + ctx.path()));
                }
            });
            c.routes.error(413, ctx -> {
                if (!isProblem(ctx)) {
                    problems.write(ctx, new ApiProblem(413, "Request body too large",
                            "bodies are limited to " + maxBody + " bytes").with("field", "body"));
                }
            });
            Routes routes = new Routes(c.routes, guard);
            new ApiRoutes(bmcs, auth, json, problems, guard, hub, config.limits().powerWait(),
                    SidecarHandler.Target.of(config)).register(routes);
            for (Routes.RouteModule m : modules) {
                m.register(routes);
            }
            declared.addAll(routes.declared());
        });
        try {
            if (config.tls().isPresent()) {
                app.start();
            } else {
                app.start(config.listenHost(), config.listenPort());
            }
        } catch (RuntimeException e) {
            hub.close();
            access.close();
            throw e;
        }
        LOG.info("ipmi-gateway listening on {}://{}:{} with {} BMCs, {} API keys, {} users",
                config.tls().isPresent() ? "https" : "http", config.listenHost(), app.port(),
                config.bmcs().size(), config.apiKeys().size(), config.users().size());
        return new GatewayServer(app, access, hub, List.copyOf(declared));
    }

    private static boolean isProblem(io.javalin.http.Context ctx) {
        String ct = ctx.res().getContentType();
        return ct != null && ct.startsWith(Problems.CONTENT_TYPE);
    }

    public int port() {
        return app.port();
    }

    public List<String> routes() {
        return routes;
    }

    public ConsoleHub consoles() {
        return hub;
    }

    @Override
    public void close() {
        try {
            hub.close();
            app.stop();
        } finally {
            access.close();
        }
    }
}
