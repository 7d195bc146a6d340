package dev.ipmi.gateway.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ipmi.gateway.auth.Authenticator;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** {@code POST /api/v1/login}: user name and password for a short-lived token. */
final class LoginHandler {
    private final Authenticator auth;
    private final ObjectMapper json;

    LoginHandler(Authenticator auth, ObjectMapper json) {
        this.auth = auth;
        this.json = json;
    }

    void post(Context ctx) {
        ObjectNode body = Requests.body(ctx, json, Set.of("username", "password"));
        String user = Requests.requiredText(body, "username");
        char[] password = Requests.requiredText(body, "password").toCharArray();
        String client = ctx.ip();
        Authenticator.Login result = auth.login(user, password, client);
        java.util.Arrays.fill(password, '\0');
        if (result instanceof Authenticator.Login.Ok ok) {
            Audit.login(user, client, "ok");
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("token", ok.token().token());
            m.put("expires", ok.token().expires().toString());
            m.put("role", ok.principal().role().id());
            ctx.json(m);
        } else if (result instanceof Authenticator.Login.Throttled t) {
            Audit.login(user, client, "throttled");
            long seconds = Math.max(1, (t.retryAfter().toMillis() + 999) / 1000);
            throw new ApiProblem(429, "Too many requests", "too many failed logins; try again in " + seconds + " s")
                    .with("retry_after_seconds", seconds);
        } else {
            Audit.login(user, client, "denied");
            throw ApiProblem.unauthorized("wrong user name or password");
        }
    }
}
