package dev.ipmi.gateway.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ipmi.core.commands.chassis.PowerAction;
import dev.ipmi.gateway.auth.Principal;
import dev.ipmi.gateway.auth.Command;
import dev.ipmi.gateway.bmc.HostRange;
import dev.ipmi.gateway.config.GatewayConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /api/v1/power}: one action (or {@code status}) on many BMCs, chosen by a host-range
 * selector ({@code node[01-06]}) or by labels. One result per BMC; one BMC failing never fails the
 * request. Names the caller may not see are reported as not found, like unknown names.
 */
final class BulkPowerHandler {
    private final BmcDirectory bmcs;
    private final PowerHandler power;
    private final ObjectMapper json;
    private final Problems problems;

    BulkPowerHandler(BmcDirectory bmcs, PowerHandler power, ObjectMapper json, Problems problems) {
        this.bmcs = bmcs;
        this.power = power;
        this.json = json;
        this.problems = problems;
    }

    void post(Context ctx) {
        Principal p = Requests.principal(ctx);
        ObjectNode body = Requests.body(ctx, json, Set.of("selector", "action", "wait"));
        String actionName = Requests.requiredText(body, "action");
        PowerAction action = null;
        if (actionName.equals("status")) {
            Guard.authorize(p, Command.POWER_STATUS, "-");
        } else {
            action = PowerHandler.ACTIONS.get(actionName);
            if (action == null) {
                throw ApiProblem.badField("action", "unknown action '" + actionName + "' (status, " + PowerHandler.ACTION_LIST + ")");
            }
            // one refusal for the whole request: an allow-list is about the command, not about a BMC
            Guard.authorize(p, PowerHandler.command(actionName), "-");
        }
        boolean wait = Requests.bool(body, "wait").orElse(false);
        List<String> names = select(p, body.get("selector"));
        List<CompletableFuture<Map<String, Object>>> results = new ArrayList<>();
        for (String name : names) {
            results.add(one(p, name, actionName, action, wait));
        }
        ctx.future(() -> CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).thenRun(() -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("action", actionName);
            out.put("results", results.stream().map(CompletableFuture::join).toList());
            ctx.json(out);
        }));
    }

    private CompletableFuture<Map<String, Object>> one(Principal p, String name, String actionName, PowerAction action, boolean wait) {
        Map<String, Object> base = new LinkedHashMap<>();
        base.put("bmc", name);
        if (bmcs.all().stream().noneMatch(b -> b.name().equals(name)) || !p.sees(name)) {
            base.put("ok", false);
            base.put("status", 404);
            base.put("error", "no BMC named '" + name + "'");
            return CompletableFuture.completedFuture(base);
        }
        CompletableFuture<Map<String, Object>> f = action == null
                ? power.status(name).thenApply(on -> Map.<String, Object>of("power", on ? "on" : "off"))
                : power.run(p, name, actionName, action, wait);
        return f.handle((r, e) -> {
            if (e == null) {
                base.put("ok", true);
                base.putAll(r);
            } else {
                ApiProblem problem = problems.toProblem(e);
                base.put("ok", false);
                base.put("status", problem.status());
                base.put("error", problem.getMessage());
                Object cc = problem.members().get("completion_code");
                if (cc != null) {
                    base.put("completion_code", cc);
                }
            }
            return base;
        });
    }

    private List<String> select(Principal p, JsonNode selector) {
        if (selector == null || selector.isNull()) {
            throw ApiProblem.badField("selector", "'selector' is required: a host range like \"node[01-06]\" or {\"labels\": {...}}");
        }
        if (selector.isTextual()) {
            try {
                return HostRange.expand(selector.asText());
            } catch (IllegalArgumentException e) {
                throw ApiProblem.badField("selector", "bad host range: " + e.getMessage());
            }
        }
        if (selector.isObject()) {
            for (Iterator<String> it = selector.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!f.equals("labels")) {
                    throw ApiProblem.badField("selector." + f, "unknown selector field '" + f + "' (only labels)");
                }
            }
            JsonNode labels = selector.get("labels");
            if (labels == null || !labels.isObject() || labels.isEmpty()) {
                throw ApiProblem.badField("selector.labels", "'labels' must be a non-empty object of label: value");
            }
            Map<String, String> want = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : labels.properties()) {
                if (!e.getValue().isTextual()) {
                    throw ApiProblem.badField("selector.labels." + e.getKey(), "label values are strings");
                }
                want.put(e.getKey(), e.getValue().asText());
            }
            return bmcs.visible(p).stream()
                    .filter(b -> want.entrySet().stream().allMatch(w -> w.getValue().equals(b.labels().get(w.getKey()))))
                    .map(GatewayConfig.Bmc::name).toList();
        }
        throw ApiProblem.badField("selector", "'selector' must be a host range string or {\"labels\": {...}}");
    }
}
