package dev.ipmi.gateway.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ipmi.core.IpmiTimeoutException;
import dev.ipmi.core.commands.chassis.PowerAction;
import dev.ipmi.gateway.auth.Command;
import dev.ipmi.gateway.auth.Principal;
import dev.ipmi.gateway.bmc.BmcException;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** {@code /api/v1/bmcs/{name}/power}: read the power state, run a power action. */
final class PowerHandler {
    static final Map<String, PowerAction> ACTIONS = Map.of(
            "on", PowerAction.POWER_UP, "off", PowerAction.POWER_DOWN, "cycle", PowerAction.POWER_CYCLE,
            "reset", PowerAction.HARD_RESET, "soft", PowerAction.SOFT_SHUTDOWN,
            "diag", PowerAction.DIAGNOSTIC_INTERRUPT);
    static final String ACTION_LIST = "on, off, cycle, reset, soft, diag";

    /** The allow-list command of an action of {@link #ACTIONS}. */
    static Command command(String action) {
        return Command.power(action).orElseThrow(() -> new IllegalStateException("no command for power action " + action));
    }

    private final BmcDirectory bmcs;
    private final ObjectMapper json;
    private final Duration maxWait;

    PowerHandler(BmcDirectory bmcs, ObjectMapper json, Duration maxWait) {
        this.bmcs = bmcs;
        this.json = json;
        this.maxWait = maxWait;
    }

    void get(Context ctx) {
        String name = ctx.pathParam("name");
        ctx.future(() -> status(name).thenAccept(on -> ctx.json(Map.of("power", on ? "on" : "off"))));
    }

    CompletableFuture<Boolean> status(String name) {
        return bmcs.access().call(name, c -> c.chassis().isPowerOn())
                .thenApply(on -> {
                    bmcs.rememberPower(name, on);
                    return on;
                });
    }

    void post(Context ctx) {
        Principal p = Requests.principal(ctx);
        String name = ctx.pathParam("name");
        ObjectNode body = Requests.body(ctx, json, Set.of("action", "wait"));
        String actionName = Requests.requiredText(body, "action");
        PowerAction action = ACTIONS.get(actionName);
        if (action == null) {
            throw ApiProblem.badField("action", "unknown action '" + actionName + "' (one of " + ACTION_LIST + ")");
        }
        Guard.authorize(p, command(actionName), name);
        boolean wait = Requests.bool(body, "wait").orElse(false);
        ctx.future(() -> run(p, name, actionName, action, wait).thenAccept(ctx::json));
    }

    CompletableFuture<Map<String, Object>> run(Principal p, String name, String actionName, PowerAction action, boolean wait) {
        CompletableFuture<Map<String, Object>> f;
        if (wait) {
            f = bmcs.access().call(name, c -> c.chassis().powerAndWait(action, maxWait)).thenApply(s -> {
                bmcs.rememberPower(name, s.powerOn());
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("action", actionName);
                r.put("power", s.powerOn() ? "on" : "off");
                return r;
            });
        } else {
            f = bmcs.access().call(name, c -> c.chassis().power(action)).thenApply(res -> {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("action", actionName);
                r.put("sent", res.sent());
                r.put("was", res.wasOn() ? "on" : "off");
                return r;
            });
        }
        return f.handle((r, e) -> {
            if (e == null) {
                Audit.record(p, "power." + actionName, name, "ok");
                return r;
            }
            Throwable cause = Problems.unwrap(e);
            Audit.record(p, "power." + actionName, name, "failed: " + cause.getClass().getSimpleName());
            if (wait && cause instanceof BmcException b && b.getCause() instanceof IpmiTimeoutException t
                    && t.getMessage() != null && t.getMessage().toLowerCase().contains("power")) {
                throw new ApiProblem(504, "Power state not reached", "BMC " + name + " accepted '" + actionName
                        + "' but the power state did not change within " + maxWait.toSeconds() + " s")
                        .with("bmc", name).with("tried", Map.of("action", actionName, "wait_seconds", maxWait.toSeconds()));
            }
            throw e instanceof RuntimeException re ? re : new RuntimeException(e);
        });
    }
}
