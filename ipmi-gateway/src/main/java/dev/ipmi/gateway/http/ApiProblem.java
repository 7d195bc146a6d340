package dev.ipmi.gateway.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error answer (RFC 9457 {@code application/problem+json}): status, title, detail, and members
 * such as {@code field} (the request field at fault) or {@code completion_code}. Thrown by handlers
 * and turned into a response in one place ({@link Problems}).
 */
public final class ApiProblem extends RuntimeException {
    private final int status;
    private final String title;
    private final Map<String, Object> members = new LinkedHashMap<>();

    public ApiProblem(int status, String title, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
    }

    public static ApiProblem badField(String field, String detail) {
        return new ApiProblem(400, "Bad request", detail).with("field", field);
    }

    public static ApiProblem unauthorized(String detail) {
        return new ApiProblem(401, "Unauthorized", detail);
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(403, "Forbidden", detail);
    }

    public static ApiProblem noSuchBmc(String name) {
        return new ApiProblem(404, "Not found", "no BMC named '" + name + "'").with("field", "name");
    }

    public ApiProblem with(String member, Object value) {
        members.put(member, value);
        return this;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> members() {
        return members;
    }
}
