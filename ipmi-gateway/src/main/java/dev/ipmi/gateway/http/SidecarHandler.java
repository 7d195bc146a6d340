package dev.ipmi.gateway.http;

import dev.ipmi.core.commands.chassis.PowerAction;
import dev.ipmi.gateway.auth.Command;
import dev.ipmi.gateway.auth.Principal;
import dev.ipmi.gateway.config.GatewayConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sidecar form of the gateway: {@code GET /power/status} and {@code POST /power/<action>} on
 * the one BMC the sidecar serves, for a client such as Home Assistant that needs nothing but a URL
 * and an API key. Each action is the same call, audit line and error mapping as {@code POST
 * /api/v1/bmcs/{name}/power}; only the names differ where a switch's user expects them to:
 * {@code off} is the graceful ACPI shutdown (Chassis Control 05h, ipmitool {@code power soft}) and
 * {@code force-off} the hard one (00h, ipmitool {@code power off}).
 */
final class SidecarHandler {
    /**
     * One sidecar action: its path under {@code /power/}, the {@code /api/v1} action it runs (whose
     * command the allow-list names).
     */
    record Route(String path, String action, Command command, PowerAction powerAction) {}

    static final List<Route> ROUTES = List.of(
            route("on", "on"),
            route("off", "soft"),
            route("soft", "soft"),
            route("force-off", "off"),
            route("cycle", "cycle"),
            route("reset", "reset"),
            route("diag", "diag"));

    private static Route route(String path, String action) {
        return new Route(path, action, PowerHandler.command(action), PowerHandler.ACTIONS.get(action));
    }

    /** The BMC of the sidecar routes, or why there is none. */
    record Target(Optional<String> bmc, String reason) {
        static Target of(GatewayConfig config) {
            Optional<String> bmc = config.sidecar();
            String reason = bmc.isPresent() ? ""
                    : config.bmcs().isEmpty()
                    ? "the sidecar routes serve one BMC and no BMC is configured"
                    : "the sidecar routes serve one BMC and " + config.bmcs().size()
                            + " are configured without sidecar.bmc naming one; use /api/v1/bmcs/{name}/power or set sidecar.bmc";
            return new Target(bmc, reason);
        }
    }

    private final BmcDirectory bmcs;
    private final PowerHandler power;
    private final Target target;

    SidecarHandler(BmcDirectory bmcs, PowerHandler power, Target target) {
        this.bmcs = bmcs;
        this.power = power;
        this.target = target;
    }

    void status(Context ctx) {
        String name = bmc(ctx);
        ctx.future(() -> power.status(name).thenAccept(on -> ctx.json(Map.of("power", on ? "on" : "off"))));
    }

    void action(Context ctx, Route route) {
        Principal p = Requests.principal(ctx);
        String name = bmc(ctx);
        boolean wait = wait(ctx.queryParam("wait"));
        ctx.future(() -> power.run(p, name, route.action(), route.powerAction(), wait).thenAccept(r -> {
            r.put("command", route.command().id());
            ctx.json(r);
        }));
    }

    /** The sidecar's BMC, visible to the caller, or 404 saying why there is none. */
    private String bmc(Context ctx) {
        String name = target.bmc().orElseThrow(() -> new ApiProblem(404, "No sidecar BMC", target.reason())
                .with("field", "sidecar.bmc"));
        bmcs.require(Requests.principal(ctx), name);
        return name;
    }

    private static boolean wait(String q) {
        if (q == null || q.equals("false")) {
            return false;
        }
        if (q.equals("true")) {
            return true;
        }
        throw ApiProblem.badField("wait", "'wait' must be true or false");
    }
}
