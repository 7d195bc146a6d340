package dev.ipmi.gateway.http;

import dev.ipmi.gateway.auth.Authenticator;
import dev.ipmi.gateway.auth.Command;
import dev.ipmi.gateway.auth.Principal;
import dev.ipmi.gateway.auth.Role;
import io.javalin.http.Handler;
import java.util.Map;
import java.util.function.Function;

/**
 * Authentication and authorization in front of every protected route, in this order: a credential
 * (401), the BMC in the path visible to the caller (404, so names do not leak), the role (403), the
 * caller's command allow-list (403 naming the command). {@link #authorize} is the one place the
 * role and the allow-list are checked, also by handlers whose command depends on the body.
 */
public final class Guard {
    private final Authenticator auth;
    private final BmcDirectory bmcs;

    Guard(Authenticator auth, BmcDirectory bmcs) {
        this.auth = auth;
        this.bmcs = bmcs;
    }

    Handler wrap(Role role, Handler handler) {
        return ctx -> {
            Principal p = check(ctx::header, null, ctx.pathParamMap(), role);
            ctx.attribute(Requests.PRINCIPAL, p);
            handler.handle(ctx);
        };
    }

    Handler wrap(Command command, Handler handler) {
        return ctx -> {
            Principal p = check(ctx::header, null, ctx.pathParamMap(), command.role());
            authorize(p, command, ctx.pathParamMap().getOrDefault("name", "-"));
            ctx.attribute(Requests.PRINCIPAL, p);
            handler.handle(ctx);
        };
    }

    /**
     * 403 unless {@code p}'s role allows {@code command} and its allow-list contains it. A refusal
     * by the allow-list is audited (who, which command, which BMC) like a state change.
     */
    public static void authorize(Principal p, Command command, String bmc) {
        if (!p.role().allows(command.role())) {
            throw ApiProblem.forbidden("this needs the " + command.role().id() + " role; " + p.label() + " is " + p.role().id())
                    .with("required_role", command.role().id()).with("command", command.id());
        }
        if (!p.listed(command)) {
            Audit.record(p, command.id(), bmc, "refused: not in the allow-list");
            throw ApiProblem.forbidden("command '" + command.id() + "' is not in the allow-list of " + p.label())
                    .with("command", command.id());
        }
    }

    /**
     * The caller, checked for {@code role} and for the path's {@code {name}}. {@code queryToken} is
     * accepted for WebSocket upgrades only (browsers cannot set headers on them); pass null elsewhere.
     */
    Principal check(Function<String, String> header, String queryToken, Map<String, String> pathParams, Role role) {
        String credential = credential(header, queryToken);
        if (credential == null) {
            throw ApiProblem.unauthorized("send an API key (Authorization: Bearer <key> or X-API-Key) or a login token");
        }
        Principal p = auth.authenticate(credential)
                .orElseThrow(() -> ApiProblem.unauthorized("unknown API key or expired token"));
        String name = pathParams.get("name");
        if (name != null) {
            bmcs.require(p, name);
        }
        if (!p.role().allows(role)) {
            throw ApiProblem.forbidden("this needs the " + role.id() + " role; " + p.label() + " is " + p.role().id())
                    .with("required_role", role.id());
        }
        return p;
    }

    private static String credential(Function<String, String> header, String queryToken) {
        String a = header.apply("Authorization");
        if (a != null && a.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return a.substring(7).trim();
        }
        String k = header.apply("X-API-Key");
        if (k != null && !k.isBlank()) {
            return k.trim();
        }
        return queryToken;
    }
}
