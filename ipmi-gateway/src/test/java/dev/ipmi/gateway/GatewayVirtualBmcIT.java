package dev.ipmi.gateway;

import static dev.ipmi.gateway.GatewayFixture.ADMIN_KEY;
import static dev.ipmi.gateway.GatewayFixture.NODE_KEY;
import static dev.ipmi.gateway.GatewayFixture.OPERATOR_KEY;
import static dev.ipmi.gateway.GatewayFixture.VIEWER_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ipmi.testing.Closeables;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The REST API over real HTTP against in-process virtual BMCs: every endpoint, every role, the bad
 * inputs of issue 13. {@code dead01} points at a UDP socket that never answers (the 504 case).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class GatewayVirtualBmcIT {
    private static VirtualBmcs bmcs;
    private static DatagramSocket blackHole;
    private static GatewayFixture gw;
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        bmcs = VirtualBmcs.start(3);
        blackHole = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        String list = bmc("node01", bmcs.port(0), "{rack: r1, role: compute}")
                + bmc("node02", bmcs.port(1), "{rack: r2, role: compute}")
                + bmc("db01", bmcs.port(2), "{rack: r1, role: db}")
                + bmc("dead01", blackHole.getLocalPort(), "{rack: r9}");
        gw = GatewayFixture.start(list, "limits: {bmc_timeout_ms: 100, bmc_retries: 1, max_body_bytes: 1024,"
                        + " login_failures: 3, login_lockout_seconds: 60, power_wait_seconds: 10}\n",
                Map.of("BMC_PASSWORD", VirtualBmcs.PASSWORD));
        http = gw.http();
    }

    static String bmc(String name, int port, String labels) {
        return "  - {name: " + name + ", host: 127.0.0.1, port: " + port + ", username: " + VirtualBmcs.USER
                + ", password_env: BMC_PASSWORD, cipher_suite: 17, labels: " + labels + "}\n";
    }

    @AfterAll
    static void stop() throws Exception {
        Closeables.closeAll(gw, bmcs, blackHole);
    }

    private static void assertProblem(Http.Resp r, int status, String field) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        JsonNode j = r.json();
        assertThat(j.get("status").asInt()).isEqualTo(status);
        assertThat(j.get("title").asText()).isNotEmpty();
        assertThat(j.get("detail").asText()).isNotEmpty();
        if (field != null) {
            assertThat(j.path("field").asText()).as(r.toString()).isEqualTo(field);
        }
    }

    @Test
    void healthNeedsNoKeyAndReportsThePool() {
        Http.Resp r = http.get("/health", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("status").asText()).isEqualTo("ok");
        assertThat(r.json().get("pool").get("bmcs").asInt()).isEqualTo(4);
    }

    @Test
    void everyApiRouteNeedsACredential() {
        for (String path : List.of("/api/v1/bmcs", "/api/v1/bmcs/node01", "/api/v1/bmcs/node01/power",
                "/api/v1/bmcs/node01/boot", "/api/v1/bmcs/node01/sensors", "/api/v1/bmcs/node01/sel",
                "/api/v1/bmcs/node01/fru")) {
            Http.Resp r = http.get(path, null);
            assertProblem(r, 401, null);
            assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
            assertProblem(http.get(path, "wrong-key-wrong-key-wrong"), 401, null);
        }
        assertProblem(http.post("/api/v1/bmcs/node01/power", null, "{\"action\":\"on\"}"), 401, null);
        assertProblem(http.delete("/api/v1/bmcs/node01/sel", null), 401, null);
        assertProblem(http.post("/api/v1/power", null, "{\"selector\":\"node01\",\"action\":\"status\"}"), 401, null);
    }

    @Test
    void apiKeyWorksAsBearerAndAsXApiKey() {
        assertThat(http.get("/api/v1/bmcs", VIEWER_KEY).status()).isEqualTo(200);
        Http.Resp r = http.send("GET", "/api/v1/bmcs", null, null, Map.of("X-API-Key", VIEWER_KEY));
        assertThat(r.status()).isEqualTo(200);
    }

    @Test
    void listShowsOnlyTheBmcsInScope() {
        JsonNode all = http.get("/api/v1/bmcs", VIEWER_KEY).json();
        assertThat(names(all)).containsExactly("node01", "node02", "db01", "dead01");
        assertThat(all.get(0).get("labels").get("rack").asText()).isEqualTo("r1");
        JsonNode scoped = http.get("/api/v1/bmcs", NODE_KEY).json();
        assertThat(names(scoped)).containsExactly("node01", "node02");
    }

    @Test
    void listWithRefreshReadsPowerStates() {
        JsonNode list = http.get("/api/v1/bmcs?refresh=true", NODE_KEY).json();
        for (JsonNode b : list) {
            assertThat(b.get("reachable").asBoolean()).isTrue();
            assertThat(b.get("power").asText()).isIn("on", "off");
        }
    }

    private static List<String> names(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.get("name").asText()));
        return out;
    }

    @Test
    void detailReadsTheManagementController() {
        Http.Resp r = http.get("/api/v1/bmcs/node01", VIEWER_KEY);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("name").asText()).isEqualTo("node01");
        assertThat(r.json().get("ipmi_version").asText()).isEqualTo("2.0");
        assertThat(r.json().has("manufacturer_id")).isTrue();
        assertThat(r.json().get("reachable").asBoolean()).isTrue();
    }

    @Test
    void unknownBmcAndOutOfScopeBmcAreBoth404() {
        assertProblem(http.get("/api/v1/bmcs/nope", ADMIN_KEY), 404, "name");
        assertProblem(http.get("/api/v1/bmcs/nope/power", ADMIN_KEY), 404, "name");
        Http.Resp outOfScope = http.get("/api/v1/bmcs/db01/power", NODE_KEY);
        Http.Resp unknown = http.get("/api/v1/bmcs/db02/power", NODE_KEY);
        assertProblem(outOfScope, 404, "name");
        assertProblem(unknown, 404, "name");
        // not 403: the answer for an existing name outside the scope must not differ from an unknown one
        assertProblem(http.post("/api/v1/bmcs/db01/power", NODE_KEY, "{\"action\":\"off\"}"), 404, "name");
    }

    @Test
    void powerOnAndOffWithWaitChangeTheBmc() {
        Http.Resp on = http.post("/api/v1/bmcs/node02/power", OPERATOR_KEY, "{\"action\":\"on\",\"wait\":true}");
        assertThat(on.status()).as(on.toString()).isEqualTo(200);
        assertThat(on.json().get("power").asText()).isEqualTo("on");
        assertThat(bmcs.powerOn(1)).isTrue();
        assertThat(http.get("/api/v1/bmcs/node02/power", VIEWER_KEY).json().get("power").asText()).isEqualTo("on");
        Http.Resp off = http.post("/api/v1/bmcs/node02/power", OPERATOR_KEY, "{\"action\":\"off\",\"wait\":true}");
        assertThat(off.json().get("power").asText()).isEqualTo("off");
        assertThat(bmcs.powerOn(1)).isFalse();
        Http.Resp again = http.post("/api/v1/bmcs/node02/power", OPERATOR_KEY, "{\"action\":\"off\"}");
        assertThat(again.json().get("sent").asBoolean()).as("off when already off is a no-op").isFalse();
        assertThat(again.json().get("was").asText()).isEqualTo("off");
    }

    @Test
    void viewerCannotChangeAnything() {
        assertProblem(http.post("/api/v1/bmcs/node01/power", VIEWER_KEY, "{\"action\":\"off\"}"), 403, null);
        assertProblem(http.put("/api/v1/bmcs/node01/boot", VIEWER_KEY, "{\"device\":\"pxe\"}"), 403, null);
        assertProblem(http.delete("/api/v1/bmcs/node01/sel", VIEWER_KEY), 403, null);
        assertProblem(http.post("/api/v1/power", VIEWER_KEY, "{\"selector\":\"node01\",\"action\":\"off\"}"), 403, null);
    }

    @Test
    void operatorCannotClearTheSelButAdminCan() {
        assertProblem(http.delete("/api/v1/bmcs/node01/sel", OPERATOR_KEY), 403, null);
        Http.Resp r = http.delete("/api/v1/bmcs/node01/sel", ADMIN_KEY);
        assertThat(r.status()).as(r.toString()).isEqualTo(204);
    }

    @Test
    void badPowerBodiesNameTheField() {
        String p = "/api/v1/bmcs/node01/power";
        assertProblem(http.post(p, OPERATOR_KEY, "{\"action\":\"explode\"}"), 400, "action");
        assertProblem(http.post(p, OPERATOR_KEY, "{}"), 400, "action");
        assertProblem(http.post(p, OPERATOR_KEY, "{\"action\":1}"), 400, "action");
        assertProblem(http.post(p, OPERATOR_KEY, "{\"action\":\"on\",\"wait\":\"yes\"}"), 400, "wait");
        assertProblem(http.post(p, OPERATOR_KEY, "{\"action\":\"on\",\"force\":true}"), 400, "force");
        assertProblem(http.post(p, OPERATOR_KEY, "{\"action\":"), 400, "body");
        assertProblem(http.post(p, OPERATOR_KEY, "[1,2]"), 400, "body");
        assertProblem(http.send("POST", p, OPERATOR_KEY, "action=on", Map.of("Content-Type", "text/plain")), 415, "Content-Type");
    }

    @Test
    void oversizedBodiesAreRefused() {
        String big = "{\"action\":\"on\",\"pad\":\"" + "x".repeat(4000) + "\"}";
        Http.Resp r = http.post("/api/v1/bmcs/node01/power", OPERATOR_KEY, big);
        assertProblem(r, 413, "body");
    }

    @Test
    void bootDeviceRoundTrips() {
        Http.Resp put = http.put("/api/v1/bmcs/node01/boot", OPERATOR_KEY, "{\"device\":\"pxe\",\"persistent\":true,\"efi\":true}");
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        JsonNode get = http.get("/api/v1/bmcs/node01/boot", VIEWER_KEY).json();
        assertThat(get.get("device").asText()).isEqualTo("pxe");
        assertThat(get.get("persistent").asBoolean()).isTrue();
        assertThat(get.get("efi").asBoolean()).isTrue();
        assertProblem(http.put("/api/v1/bmcs/node01/boot", OPERATOR_KEY, "{\"device\":\"usb-stick\"}"), 400, "device");
        assertProblem(http.put("/api/v1/bmcs/node01/boot", OPERATOR_KEY, "{\"device\":\"pxe\",\"persistent\":1}"), 400, "persistent");
    }

    @Test
    void sensorsAreTyped() {
        Http.Resp r = http.get("/api/v1/bmcs/node01/sensors", VIEWER_KEY);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().size()).isGreaterThan(0);
        JsonNode first = r.json().get(0);
        assertThat(first.get("name").asText()).isNotEmpty();
        assertThat(first.get("reading").asText()).isIn("value", "states", "unavailable", "scanning_disabled", "not_present");
    }

    @Test
    void selReadsWholeAndIncrementally() {
        // power changes add SEL events on the virtual BMC
        http.post("/api/v1/bmcs/node01/power", OPERATOR_KEY, "{\"action\":\"on\",\"wait\":true}");
        http.post("/api/v1/bmcs/node01/power", OPERATOR_KEY, "{\"action\":\"off\",\"wait\":true}");
        JsonNode all = http.get("/api/v1/bmcs/node01/sel", VIEWER_KEY).json();
        JsonNode entries = all.get("entries");
        assertThat(entries.isArray()).isTrue();
        if (entries.size() >= 1) {
            int firstId = entries.get(0).get("id").asInt();
            JsonNode after = http.get("/api/v1/bmcs/node01/sel?since=" + firstId, VIEWER_KEY).json();
            assertThat(after.get("entries").size()).isEqualTo(entries.size() - 1);
            int lastId = all.get("last_record_id").asInt();
            assertThat(http.get("/api/v1/bmcs/node01/sel?since=" + lastId, VIEWER_KEY).json().get("entries").size()).isZero();
        }
        assertProblem(http.get("/api/v1/bmcs/node01/sel?since=abc", VIEWER_KEY), 400, "since");
        assertProblem(http.get("/api/v1/bmcs/node01/sel?since=-1", VIEWER_KEY), 400, "since");
    }

    @Test
    void fruIsReadable() {
        Http.Resp r = http.get("/api/v1/bmcs/node01/fru", VIEWER_KEY);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().isArray()).isTrue();
    }

    @Test
    void unreachableBmcIs504SayingWhatWasTried() {
        Http.Resp r = http.get("/api/v1/bmcs/dead01/power", VIEWER_KEY);
        assertProblem(r, 504, null);
        JsonNode tried = r.json().get("tried");
        assertThat(tried.get("address").asText()).isEqualTo("127.0.0.1:" + blackHole.getLocalPort());
        assertThat(tried.get("attempts").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(r.json().get("bmc").asText()).isEqualTo("dead01");
        assertThat(r.json().get("detail").asText()).contains("dead01").doesNotContain(VirtualBmcs.PASSWORD);
    }

    @Test
    void bulkPowerGivesOneResultPerBmcAndNeverFailsWhole() {
        Http.Resp r = http.post("/api/v1/power", VIEWER_KEY, "{\"selector\":\"node[01-03],dead01\",\"action\":\"status\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode results = r.json().get("results");
        assertThat(results.size()).isEqualTo(4);
        assertThat(results.get(0).get("bmc").asText()).isEqualTo("node01");
        assertThat(results.get(0).get("ok").asBoolean()).isTrue();
        assertThat(results.get(0).get("power").asText()).isIn("on", "off");
        assertThat(results.get(2).get("bmc").asText()).isEqualTo("node03");
        assertThat(results.get(2).get("status").asInt()).isEqualTo(404);
        assertThat(results.get(3).get("ok").asBoolean()).isFalse();
        assertThat(results.get(3).get("status").asInt()).isEqualTo(504);
    }

    @Test
    void bulkPowerByLabels() {
        Http.Resp r = http.post("/api/v1/power", OPERATOR_KEY,
                "{\"selector\":{\"labels\":{\"rack\":\"r1\"}},\"action\":\"on\",\"wait\":true}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode results = r.json().get("results");
        assertThat(results.size()).isEqualTo(2);
        assertThat(results.get(0).get("bmc").asText()).isEqualTo("node01");
        assertThat(results.get(1).get("bmc").asText()).isEqualTo("db01");
        assertThat(results.get(1).get("power").asText()).isEqualTo("on");
        assertThat(bmcs.powerOn(2)).isTrue();
    }

    @Test
    void bulkScopeHidesNamesOutsideIt() {
        JsonNode results = http.post("/api/v1/power", NODE_KEY, "{\"selector\":\"db01\",\"action\":\"status\"}")
                .json().get("results");
        assertThat(results.get(0).get("status").asInt()).isEqualTo(404);
        JsonNode byLabel = http.post("/api/v1/power", NODE_KEY, "{\"selector\":{\"labels\":{\"rack\":\"r1\"}},\"action\":\"status\"}")
                .json().get("results");
        assertThat(byLabel.size()).isEqualTo(1);
    }

    @Test
    void badBulkBodiesNameTheField() {
        assertProblem(http.post("/api/v1/power", OPERATOR_KEY, "{\"action\":\"status\"}"), 400, "selector");
        assertProblem(http.post("/api/v1/power", OPERATOR_KEY, "{\"selector\":\"node[01-\",\"action\":\"status\"}"), 400, "selector");
        assertProblem(http.post("/api/v1/power", OPERATOR_KEY, "{\"selector\":\"n[1-99999]\",\"action\":\"status\"}"), 400, "selector");
        assertProblem(http.post("/api/v1/power", OPERATOR_KEY, "{\"selector\":{\"labels\":{}},\"action\":\"status\"}"), 400, "selector.labels");
        assertProblem(http.post("/api/v1/power", OPERATOR_KEY, "{\"selector\":{\"rack\":\"r1\"},\"action\":\"status\"}"), 400, "selector.rack");
        assertProblem(http.post("/api/v1/power", OPERATOR_KEY, "{\"selector\":\"node01\",\"action\":\"melt\"}"), 400, "action");
    }

    @Test
    void loginGivesATokenThatWorksLikeAKey() {
        Http.Resp r = http.post("/api/v1/login", null, "{\"username\":\"alice\",\"password\":\"" + GatewayFixture.ALICE_PASSWORD + "\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        String token = r.json().get("token").asText();
        assertThat(token).hasSizeGreaterThanOrEqualTo(40);
        assertThat(r.json().get("expires").asText()).isNotEmpty();
        assertThat(http.get("/api/v1/bmcs", token).status()).isEqualTo(200);
        assertThat(http.post("/api/v1/bmcs/node01/power", token, "{\"action\":\"on\"}").status()).isEqualTo(200);
    }

    @Test
    void viewerUserTokenIsAViewer() {
        Http.Resp r = http.post("/api/v1/login", null, "{\"username\":\"victor\",\"password\":\"" + GatewayFixture.VICTOR_PASSWORD + "\"}");
        String token = r.json().get("token").asText();
        assertProblem(http.post("/api/v1/bmcs/node01/power", token, "{\"action\":\"off\"}"), 403, null);
    }

    @Test
    void failedLoginsAreRateLimited() {
        String body = "{\"username\":\"mallory\",\"password\":\"guess\"}";
        for (int i = 0; i < 3; i++) {
            assertProblem(http.post("/api/v1/login", null, body), 401, null);
        }
        Http.Resp r = http.post("/api/v1/login", null, body);
        assertProblem(r, 429, null);
        assertThat(r.headers().firstValue("Retry-After")).isPresent();
        assertProblem(http.post("/api/v1/login", null, "{\"username\":\"alice\"}"), 400, "password");
    }

    @Test
    void corsIsClosedByDefault() {
        Http.Resp r = http.send("GET", "/api/v1/bmcs", VIEWER_KEY, null, Map.of("Origin", "https://evil.example"));
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void openApiDescribesEveryRoute() {
        Http.Resp r = http.get("/openapi.json", null);
        assertThat(r.status()).isEqualTo(200);
        JsonNode paths = r.json().get("paths");
        for (String p : List.of("/health", "/api/v1/login", "/api/v1/bmcs", "/api/v1/bmcs/{name}",
                "/api/v1/bmcs/{name}/power", "/api/v1/bmcs/{name}/boot", "/api/v1/bmcs/{name}/sensors",
                "/api/v1/bmcs/{name}/sel", "/api/v1/bmcs/{name}/fru", "/api/v1/power", "/api/v1/bmcs/{name}/console")) {
            assertThat(paths.has(p)).as(p).isTrue();
        }
        for (String route : gw.server().routes()) {
            String[] parts = route.split(" ");
            String path = parts[1];
            String method = parts[0].equals("WS") ? "get" : parts[0].toLowerCase();
            assertThat(paths.path(path).has(method)).as("openapi.json has " + route).isTrue();
        }
    }

    @Test
    void unknownRouteIsAProblem() {
        assertProblem(http.get("/api/v1/nothing-here", VIEWER_KEY), 404, null);
    }
}
