package dev.ipmi.gateway.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ipmi.gateway.auth.Principal;
import io.javalin.http.Context;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

/** Reading requests: the caller, and JSON bodies checked field by field so errors name the field. */
final class Requests {
    static final String PRINCIPAL = "ipmi.gateway.principal";

    private Requests() {}

    static Principal principal(Context ctx) {
        Principal p = ctx.attribute(PRINCIPAL);
        if (p == null) {
            throw new IllegalStateException("route registered without authentication");
        }
        return p;
    }

    /** The body as a JSON object with only {@code allowed} members. */
    static ObjectNode body(Context ctx, ObjectMapper json, Set<String> allowed) {
        String ct = ctx.contentType();
        if (ct != null && !ct.toLowerCase().startsWith("application/json")) {
            throw new ApiProblem(415, "Unsupported media type", "send the body as application/json")
                    .with("field", "Content-Type");
        }
        String text = ctx.body();
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JsonProcessingException e) {
            throw ApiProblem.badField("body", "not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw ApiProblem.badField("body", "expected a JSON object");
        }
        ObjectNode o = (ObjectNode) node;
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw ApiProblem.badField(f, "unknown field '" + f + "' (allowed: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
        return o;
    }

    static Optional<String> text(ObjectNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (!n.isTextual()) {
            throw ApiProblem.badField(field, "'" + field + "' must be a string");
        }
        return Optional.of(n.asText());
    }

    static String requiredText(ObjectNode body, String field) {
        return text(body, field).orElseThrow(() -> ApiProblem.badField(field, "'" + field + "' is required"));
    }

    static Optional<Boolean> bool(ObjectNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (!n.isBoolean()) {
            throw ApiProblem.badField(field, "'" + field + "' must be true or false");
        }
        return Optional.of(n.asBoolean());
    }
}
