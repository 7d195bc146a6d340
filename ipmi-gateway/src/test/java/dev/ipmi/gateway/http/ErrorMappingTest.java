package dev.ipmi.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ipmi.core.CompletionCodeException;
import dev.ipmi.core.IpmiAuthenticationException;
import dev.ipmi.core.IpmiTimeoutException;
import dev.ipmi.core.client.AsyncIpmiClient;
import dev.ipmi.core.commands.chassis.GetChassisStatus;
import dev.ipmi.core.sol.SolOptions;
import dev.ipmi.core.sol.SolSession;
import dev.ipmi.core.sol.SolStatusListener;
import dev.ipmi.core.types.CompletionCode;
import dev.ipmi.gateway.auth.Secrets;
import dev.ipmi.gateway.bmc.BmcAccess;
import dev.ipmi.gateway.bmc.BmcException;
import dev.ipmi.gateway.bmc.BmcState;
import dev.ipmi.gateway.config.ConfigLoader;
import dev.ipmi.gateway.config.GatewayConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The one mapping from library failures to problem+json, through real HTTP on loopback with a
 * {@link BmcAccess} that fails on purpose: completion codes, timeouts (also the power-wait one),
 * refused logins and unexpected exceptions. No secret reaches an answer.
 */
class ErrorMappingTest {
    private static final String KEY = "error-mapping-key-0123456789";
    private static final String BMC_PASSWORD = "bmc-password-never-shown";
    private static final ObjectMapper JSON = new ObjectMapper();
    private GatewayServer server;

    /** Every call fails with the given cause, wrapped as the real pool wraps it. */
    private static final class FailingAccess implements BmcAccess {
        private final Throwable cause;

        FailingAccess(Throwable cause) {
            this.cause = cause;
        }

        @Override
        public <T> CompletableFuture<T> call(String bmc, Function<AsyncIpmiClient, CompletableFuture<T>> action) {
            return CompletableFuture.failedFuture(new BmcException(bmc, "10.9.8.7:623", cause));
        }

        @Override
        public CompletableFuture<SolSession> openSol(String bmc, SolOptions options, SolStatusListener listener) {
            return CompletableFuture.failedFuture(new BmcException(bmc, "10.9.8.7:623", cause));
        }

        @Override
        public BmcState state(String bmc) {
            return new BmcState(false, Optional.of(false), Optional.empty(), Optional.of("failing on purpose"));
        }

        @Override
        public void close() {}
    }

    private JsonNode request(Throwable cause, String method, String path, String body, int expectStatus) throws Exception {
        GatewayConfig config = new ConfigLoader(Map.of("PW", BMC_PASSWORD)::get, Path.of(".")).parse(
                "listen: 127.0.0.1:0\nlimits: {power_wait_seconds: 7}\n"
                        + "bmcs:\n  - {name: n1, host: 10.9.8.7, password_env: PW}\n"
                        + "api_keys:\n  - {name: k, sha256: " + Secrets.sha256Hex(KEY) + ", role: operator}\n");
        server = GatewayServer.start(config, new FailingAccess(cause), List.of());
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Authorization", "Bearer " + KEY).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        HttpResponse<String> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(expectStatus);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith(Problems.CONTENT_TYPE));
        assertThat(r.body()).doesNotContain(BMC_PASSWORD).doesNotContain(KEY);
        return JSON.readTree(r.body());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void completionCodeIs502WithTheCode() throws Exception {
        JsonNode p = request(new CompletionCodeException(GetChassisStatus.ID, CompletionCode.NODE_BUSY),
                "GET", "/api/v1/bmcs/n1/power", null, 502);
        assertThat(p.get("completion_code").asText()).isEqualTo("0xC0");
        assertThat(p.get("completion_message").asText()).isEqualTo("Node busy");
        assertThat(p.get("command").asText()).contains("Get Chassis Status");
        assertThat(p.get("bmc").asText()).isEqualTo("n1");
    }

    @Test
    void timeoutIs504SayingWhatWasTried() throws Exception {
        JsonNode p = request(new IpmiTimeoutException("Get Chassis Status", 4, Duration.ofMillis(6200)),
                "GET", "/api/v1/bmcs/n1/power", null, 504);
        assertThat(p.get("tried").get("address").asText()).isEqualTo("10.9.8.7:623");
        assertThat(p.get("tried").get("attempts").asInt()).isEqualTo(4);
        assertThat(p.get("tried").get("elapsed_ms").asLong()).isEqualTo(6200);
    }

    @Test
    void powerStateNotReachedIs504NamingTheWait() throws Exception {
        JsonNode p = request(new IpmiTimeoutException("chassis power on", 7, Duration.ofSeconds(7)),
                "POST", "/api/v1/bmcs/n1/power", "{\"action\":\"on\",\"wait\":true}", 504);
        assertThat(p.get("title").asText()).isEqualTo("Power state not reached");
        assertThat(p.get("detail").asText()).contains("within 7 s");
        assertThat(p.get("tried").get("wait_seconds").asInt()).isEqualTo(7);
    }

    @Test
    void refusedLoginIs502() throws Exception {
        JsonNode p = request(new IpmiAuthenticationException("RAKP 2", 0x0D, "unauthorized name"),
                "GET", "/api/v1/bmcs/n1", null, 502);
        assertThat(p.get("title").asText()).isEqualTo("BMC login failed");
    }

    @Test
    void unexpectedFailureIsAProblemWithoutInternals() throws Exception {
        JsonNode p = request(new IllegalStateException("internal detail " + BMC_PASSWORD),
                "GET", "/api/v1/bmcs/n1/sensors", null, 502);
        assertThat(p.get("detail").asText()).contains("unexpected IllegalStateException").doesNotContain("internal detail");
    }

    @Test
    void bulkKeepsEachBmcsOwnStatus() throws Exception {
        JsonNode p = JSON.readTree(bulk());
        JsonNode r = p.get("results").get(0);
        assertThat(r.get("ok").asBoolean()).isFalse();
        assertThat(r.get("status").asInt()).isEqualTo(502);
        assertThat(r.get("completion_code").asText()).isEqualTo("0xC9");
    }

    private String bulk() throws Exception {
        GatewayConfig config = new ConfigLoader(Map.of("PW", BMC_PASSWORD)::get, Path.of(".")).parse(
                "listen: 127.0.0.1:0\nbmcs:\n  - {name: n1, host: 10.9.8.7, password_env: PW}\n"
                        + "api_keys:\n  - {name: k, sha256: " + Secrets.sha256Hex(KEY) + ", role: operator}\n");
        server = GatewayServer.start(config,
                new FailingAccess(new CompletionCodeException(GetChassisStatus.ID, CompletionCode.PARAMETER_OUT_OF_RANGE)), List.of());
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/api/v1/power"))
                .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"selector\":\"n1\",\"action\":\"status\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }
}
