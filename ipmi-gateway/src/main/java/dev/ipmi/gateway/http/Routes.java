package dev.ipmi.gateway.http;

import dev.ipmi.gateway.auth.Command;
import dev.ipmi.gateway.auth.Role;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.websocket.WsConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * The route registry: every route of the gateway is declared through here, with the command it runs
 * (which carries the role it needs; see {@link Command}) or none, for public routes, so
 * authentication and the allow-list cannot be forgotten on one route and the list of routes is one
 * place to read. A route whose command depends on its body (a power action) is declared with the
 * least role and calls {@link Guard#authorize} itself. Feature modules (the REST API, the console, later the Prometheus
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

    public void get(String path, Command command, Handler h) {
        declared.add("GET " + path + " [" + command.id() + "]");
        routes.get(path, guard.wrap(command, h));
    }

    public void post(String path, Command command, Handler h) {
        declared.add("POST " + path + " [" + command.id() + "]");
        routes.post(path, guard.wrap(command, h));
    }

    public void put(String path, Command command, Handler h) {
        declared.add("PUT " + path + " [" + command.id() + "]");
        routes.put(path, guard.wrap(command, h));
    }

    public void delete(String path, Command command, Handler h) {
        declared.add("DELETE " + path + " [" + command.id() + "]");
        routes.delete(path, guard.wrap(command, h));
    }

    /** A route whose handler checks the command with {@link Guard#authorize} (it depends on the request). */
    public void get(String path, Role role, Handler h) {
        declared.add("GET " + path);
        routes.get(path, guard.wrap(role, h));
    }

    /** A route whose handler checks the command with {@link Guard#authorize} (it depends on the request). */
    public void post(String path, Role role, Handler h) {
        declared.add("POST " + path);
        routes.post(path, guard.wrap(role, h));
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

    /** The authenticated caller of a route declared with a role (for modules that check more than the role). */
    public static dev.ipmi.gateway.auth.Principal caller(io.javalin.http.Context ctx) {
        return Requests.principal(ctx);
    }

    public Guard guard() {
        return guard;
    }

    /** What was declared, in order (for tests and the start-up log). */
    public List<String> declared() {
        return Collections.unmodifiableList(declared);
    }
}
