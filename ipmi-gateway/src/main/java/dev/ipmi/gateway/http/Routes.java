package dev.ipmi.gateway.http;

import dev.ipmi.gateway.auth.Role;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.websocket.WsConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * The route registry: every route of the gateway is declared through here, with the role it needs
 * (or none, for public routes), so authentication cannot be forgotten on one route and the list of
 * routes is one place to read. Feature modules (the REST API, the console, later the Prometheus
 * exporter) add their routes through a {@link RouteModule}.
 */
public final class Routes {
    private final RoutesConfig routes;
    private final Guard guard;
    private final List<String> declared = new ArrayList<>();

    Routes(RoutesConfig routes, Guard guard) {
        this.routes = routes;
        this.guard = guard;
    }

    /** A part of the gateway that serves routes. */
    public interface RouteModule {
        void register(Routes routes);
    }

    public void get(String path, Role role, Handler h) {
        declared.add("GET " + path);
        routes.get(path, guard.wrap(role, h));
    }

    public void post(String path, Role role, Handler h) {
        declared.add("POST " + path);
        routes.post(path, guard.wrap(role, h));
    }

    public void put(String path, Role role, Handler h) {
        declared.add("PUT " + path);
        routes.put(path, guard.wrap(role, h));
    }

    public void delete(String path, Role role, Handler h) {
        declared.add("DELETE " + path);
        routes.delete(path, guard.wrap(role, h));
    }

    /** A route without authentication (health, login, the OpenAPI document, metrics). */
    public void publicGet(String path, Handler h) {
        declared.add("GET " + path + " (public)");
        routes.get(path, h);
    }

    public void publicPost(String path, Handler h) {
        declared.add("POST " + path + " (public)");
        routes.post(path, h);
    }

    /**
     * A WebSocket route: {@code upgrade} runs before the upgrade (throwing an {@link ApiProblem}
     * refuses it with that status), then {@code ws} configures the socket.
     */
    public void webSocket(String path, Handler upgrade, Consumer<WsConfig> ws) {
        declared.add("WS " + path);
        routes.wsBeforeUpgrade(path, upgrade);
        routes.ws(path, ws);
    }

    public Guard guard() {
        return guard;
    }

    /** What was declared, in order (for tests and the start-up log). */
    public List<String> declared() {
        return Collections.unmodifiableList(declared);
    }
}
