package dev.ipmi.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Real HTTP to the gateway with the JDK client; answers parsed as JSON where they are JSON. */
final class Http {
    static final ObjectMapper JSON = new ObjectMapper();
    private final URI base;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Http(URI base) {
        this.base = base;
    }

    URI base() {
        return base;
    }

    HttpClient client() {
        return client;
    }

    record Resp(int status, String body, java.net.http.HttpHeaders headers) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    Resp get(String path, String key) {
        return send("GET", path, key, null, Map.of());
    }

    Resp post(String path, String key, String json) {
        return send("POST", path, key, json, Map.of("Content-Type", "application/json"));
    }

    Resp put(String path, String key, String json) {
        return send("PUT", path, key, json, Map.of("Content-Type", "application/json"));
    }

    Resp delete(String path, String key) {
        return send("DELETE", path, key, null, Map.of());
    }

    Resp send(String method, String path, String key, String body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        headers.forEach(b::header);
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Resp(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
