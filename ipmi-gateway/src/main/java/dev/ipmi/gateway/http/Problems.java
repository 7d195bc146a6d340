package dev.ipmi.gateway.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ipmi.core.CompletionCodeException;
import dev.ipmi.core.IpmiAuthenticationException;
import dev.ipmi.core.IpmiException;
import dev.ipmi.core.IpmiTimeoutException;
import dev.ipmi.gateway.bmc.BmcException;
import dev.ipmi.gateway.config.GatewayConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where exceptions become {@code application/problem+json} answers: a BMC's
 * completion code is surfaced (502 with {@code completion_code}), a BMC timeout is 504 saying what
 * was tried, anything unexpected is a 500 whose detail does not leak internals.
 */
public final class Problems {
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);
    public static final String CONTENT_TYPE = "application/problem+json";
    private final ObjectMapper json;
    private final GatewayConfig config;

    public Problems(ObjectMapper json, GatewayConfig config) {
        this.json = json;
        this.config = config;
    }

    public ApiProblem toProblem(Throwable t) {
        Throwable e = unwrap(t);
        if (e instanceof ApiProblem p) {
            return p;
        }
        if (e instanceof HttpResponseException h) {
            return new ApiProblem(h.getStatus(), title(h.getStatus()), h.getMessage());
        }
        if (e instanceof BmcException b) {
            return fromBmc(b);
        }
        if (e instanceof IllegalArgumentException) {
            return new ApiProblem(400, "Bad request", e.getMessage());
        }
        LOG.error("unexpected error", e);
        return new ApiProblem(500, "Internal error", "unexpected " + e.getClass().getSimpleName() + "; see the gateway log");
    }

    private ApiProblem fromBmc(BmcException b) {
        Throwable cause = b.getCause();
        String where = "BMC " + b.bmc() + " at " + b.address();
        if (cause instanceof IpmiTimeoutException t) {
            var limits = config.limits();
            return new ApiProblem(504, "BMC timeout", where + " did not answer: " + t.getMessage())
                    .with("bmc", b.bmc())
                    .with("tried", Map.of("address", b.address(), "attempts", t.attempts(),
                            "elapsed_ms", t.elapsed().toMillis(), "first_timeout_ms", limits.bmcTimeout().toMillis(),
                            "retries", limits.bmcRetries()));
        }
        if (cause instanceof CompletionCodeException c) {
            int code = c.code().code();
            return new ApiProblem(502, "BMC error", where + " answered " + c.command() + " with completion code "
                    + String.format("%02Xh", code) + " (" + c.code().description() + ")")
                    .with("bmc", b.bmc())
                    .with("completion_code", String.format("0x%02X", code))
                    .with("completion_message", c.code().description())
                    .with("command", String.valueOf(c.command()));
        }
        if (cause instanceof IpmiAuthenticationException) {
            return new ApiProblem(502, "BMC login failed", where + " refused the gateway's login: "
                    + cause.getMessage()).with("bmc", b.bmc());
        }
        if (cause instanceof IpmiException) {
            return new ApiProblem(502, "BMC error", where + ": " + cause.getMessage()).with("bmc", b.bmc());
        }
        if (cause instanceof UnsupportedOperationException) {
            return new ApiProblem(501, "Not supported", where + ": " + cause.getMessage()).with("bmc", b.bmc());
        }
        if (cause instanceof IllegalArgumentException) {
            return new ApiProblem(400, "Bad request", cause.getMessage()).with("bmc", b.bmc());
        }
        LOG.error("unexpected error talking to {}", where, cause);
        return new ApiProblem(502, "BMC error", where + ": unexpected " + cause.getClass().getSimpleName())
                .with("bmc", b.bmc());
    }

    public void write(Context ctx, Throwable t) {
        write(ctx, toProblem(t));
    }

    public void write(Context ctx, ApiProblem p) {
        Map<String, Object> body = body(p);
        ctx.status(p.status());
        if (p.status() == 401) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"ipmi-gateway\"");
        }
        Object retry = p.members().get("retry_after_seconds");
        if (retry != null) {
            ctx.header("Retry-After", String.valueOf(retry));
        }
        try {
            ctx.contentType(CONTENT_TYPE).result(json.writeValueAsString(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            ctx.contentType(CONTENT_TYPE).result("{\"status\":" + p.status() + "}");
        }
    }

    public static Map<String, Object> body(ApiProblem p) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", p.title());
        body.put("status", p.status());
        body.put("detail", p.getMessage());
        body.putAll(p.members());
        return body;
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 413 -> "Request body too large";
            case 415 -> "Unsupported media type";
            case 429 -> "Too many requests";
            default -> "HTTP " + status;
        };
    }

    static Throwable unwrap(Throwable e) {
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}
