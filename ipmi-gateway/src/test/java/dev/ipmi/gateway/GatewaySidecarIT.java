package dev.ipmi.gateway;

import static dev.ipmi.gateway.GatewayFixture.OPERATOR_KEY;
import static dev.ipmi.gateway.GatewayFixture.VIEWER_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ipmi.gateway.auth.PasswordHash;
import dev.ipmi.gateway.auth.Secrets;
import dev.ipmi.testing.Closeables;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The sidecar form over real HTTP against virtual BMCs: {@code /power/status} and every
 * {@code POST /power/<action>}, each checked against the BMC's own power state; the command
 * allow-list on the sidecar routes, on {@code /api/v1} and on bulk power; which BMC the sidecar
 * serves (the only one, {@code sidecar.bmc}, or none with the reason).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class GatewaySidecarIT {
    /** Operator whose allow-list is status, on and the graceful off (Home Assistant's switch). */
    static final String HA_KEY = "home-assistant-key-0123456789";
    /** Operator scoped to node02, which is not the sidecar BMC of {@link #named}. */
    static final String NODE02_KEY = "node02-only-key-0123456789";
    static final String CAROL_PASSWORD = "carol-pw-1";

    private static VirtualBmcs bmcs;
    private static DatagramSocket blackHole;
    /** BMC 0 alone: the sidecar serves it without any sidecar key. */
    private static GatewayFixture single;
    /** BMCs 1 and 2, no sidecar.bmc. */
    private static GatewayFixture ambiguous;
    /** BMCs 1 and 2 with sidecar.bmc naming BMC 2. */
    private static GatewayFixture named;
    /** One BMC that never answers. */
    private static GatewayFixture dead;

    @BeforeAll
    static void start() throws Exception {
        bmcs = VirtualBmcs.start(3);
        blackHole = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        Map<String, String> env = Map.of("BMC_PASSWORD", VirtualBmcs.PASSWORD);
        String limits = "limits: {bmc_timeout_ms: 100, bmc_retries: 1, power_wait_seconds: 10}\n";
        String haKey = "  - {name: home-assistant, sha256: " + Secrets.sha256Hex(HA_KEY)
                + ", role: operator, commands: [power.status, power.on, power.soft]}\n";
        String carol = "  - {name: carol, role: operator, commands: [power.status], password_hash: \""
                + PasswordHash.create(CAROL_PASSWORD.toCharArray(), 10_000) + "\"}\n";
        single = GatewayFixture.start(GatewayVirtualBmcIT.bmc("node01", bmcs.port(0), "{}"), limits, haKey, carol, env);
        String two = GatewayVirtualBmcIT.bmc("node02", bmcs.port(1), "{}") + GatewayVirtualBmcIT.bmc("node03", bmcs.port(2), "{}");
        ambiguous = GatewayFixture.start(two, limits, env);
        named = GatewayFixture.start(two, limits + "sidecar: {bmc: node03}\n", "  - {name: node02-only, sha256: "
                + Secrets.sha256Hex(NODE02_KEY) + ", role: operator, bmcs: [node02]}\n", "", env);
        dead = GatewayFixture.start(GatewayVirtualBmcIT.bmc("dead01", blackHole.getLocalPort(), "{}"), limits, env);
    }

    @AfterAll
    static void stop() throws Exception {
        Closeables.closeAll(single, ambiguous, named, dead, bmcs, blackHole);
    }

    private static void assertProblem(Http.Resp r, int status) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("status").asInt()).isEqualTo(status);
        assertThat(r.json().get("detail").asText()).isNotEmpty();
    }

    private static String status(Http http, String key) {
        Http.Resp r = http.get("/power/status", key);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().size()).isEqualTo(1);
        return r.json().get("power").asText();
    }

    private static JsonNode post(Http http, String path, String key) {
        Http.Resp r = http.send("POST", path, key, null, Map.of());
        assertThat(r.status()).as(path + " -> " + r).isEqualTo(200);
        return r.json();
    }

    @Test
    void everySidecarActionChangesTheBmc() throws Exception {
        Http http = single.http();
        post(http, "/power/force-off?wait=true", OPERATOR_KEY);
        assertThat(bmcs.powerOn(0)).isFalse();
        assertThat(status(http, VIEWER_KEY)).isEqualTo("off");

        JsonNode on = post(http, "/power/on?wait=true", OPERATOR_KEY);
        assertThat(on.get("power").asText()).isEqualTo("on");
        assertThat(on.get("command").asText()).isEqualTo("power.on");
        assertThat(bmcs.powerOn(0)).isTrue();
        assertThat(status(http, VIEWER_KEY)).isEqualTo("on");

        // off is the graceful shutdown (Chassis Control 05h); the virtual BMC's host obeys it at once
        JsonNode off = post(http, "/power/off?wait=true", OPERATOR_KEY);
        assertThat(off.get("action").asText()).isEqualTo("soft");
        assertThat(off.get("command").asText()).isEqualTo("power.soft");
        assertThat(off.get("power").asText()).isEqualTo("off");
        assertThat(bmcs.powerOn(0)).isFalse();
        assertThat(status(http, VIEWER_KEY)).isEqualTo("off");

        post(http, "/power/on?wait=true", OPERATOR_KEY);
        JsonNode force = post(http, "/power/force-off?wait=true", OPERATOR_KEY);
        assertThat(force.get("action").asText()).isEqualTo("off");
        assertThat(force.get("command").asText()).isEqualTo("power.off");
        assertThat(bmcs.powerOn(0)).isFalse();

        post(http, "/power/on?wait=true", OPERATOR_KEY);
        JsonNode soft = post(http, "/power/soft?wait=true", OPERATOR_KEY);
        assertThat(soft.get("command").asText()).isEqualTo("power.soft");
        assertThat(bmcs.powerOn(0)).isFalse();

        post(http, "/power/on?wait=true", OPERATOR_KEY);
        JsonNode reset = post(http, "/power/reset", OPERATOR_KEY);
        assertThat(reset.get("command").asText()).isEqualTo("power.reset");
        assertThat(reset.get("sent").asBoolean()).isTrue();
        assertThat(bmcs.powerOn(0)).isTrue();
        JsonNode diag = post(http, "/power/diag", OPERATOR_KEY);
        assertThat(diag.get("command").asText()).isEqualTo("power.diag");
        assertThat(bmcs.powerOn(0)).isTrue();

        // a cycle goes off, then the virtual BMC's host comes back on 200 ms later
        JsonNode cycle = post(http, "/power/cycle", OPERATOR_KEY);
        assertThat(cycle.get("command").asText()).isEqualTo("power.cycle");
        assertThat(cycle.get("was").asText()).isEqualTo("on");
        boolean back = false;
        for (int i = 0; i < 100 && !back; i++) {
            back = bmcs.powerOn(0);
            if (!back) {
                Thread.sleep(50);
            }
        }
        assertThat(back).as("on again after the cycle").isTrue();
        assertThat(status(http, VIEWER_KEY)).isEqualTo("on");
    }

    @Test
    void viewerMayReadButNotAct() {
        Http http = single.http();
        boolean before = bmcs.powerOn(0);
        for (String a : new String[] {"on", "off", "force-off", "cycle", "reset", "soft", "diag"}) {
            Http.Resp r = http.send("POST", "/power/" + a, VIEWER_KEY, null, Map.of());
            assertProblem(r, 403);
            assertThat(r.json().get("required_role").asText()).isEqualTo("operator");
        }
        assertThat(bmcs.powerOn(0)).isEqualTo(before);
        assertThat(status(http, VIEWER_KEY)).isIn("on", "off");
    }

    @Test
    void badOrMissingKeyIs401() {
        Http http = single.http();
        assertProblem(http.get("/power/status", null), 401);
        assertProblem(http.get("/power/status", "not-a-key-not-a-key-not-a-key"), 401);
        assertProblem(http.send("POST", "/power/on", null, null, Map.of()), 401);
        assertProblem(http.send("POST", "/power/off", "not-a-key-not-a-key-not-a-key", null, Map.of()), 401);
        Http.Resp xApiKey = http.send("GET", "/power/status", null, null, Map.of("X-API-Key", VIEWER_KEY));
        assertThat(xApiKey.status()).as(xApiKey.toString()).isEqualTo(200);
    }

    @Test
    void badWaitNamesTheField() {
        Http.Resp r = single.http().send("POST", "/power/on?wait=maybe", OPERATOR_KEY, null, Map.of());
        assertProblem(r, 400);
        assertThat(r.json().get("field").asText()).isEqualTo("wait");
    }

    @Test
    void allowListAllowsItsCommandsAndRefusesTheRestEverywhere() {
        Http http = single.http();
        assertThat(status(http, HA_KEY)).isIn("on", "off");
        post(http, "/power/on?wait=true", HA_KEY);
        assertThat(bmcs.powerOn(0)).isTrue();
        post(http, "/power/off?wait=true", HA_KEY);
        assertThat(bmcs.powerOn(0)).isFalse();
        post(http, "/power/on?wait=true", HA_KEY);

        for (String[] refused : new String[][] {{"force-off", "power.off"}, {"cycle", "power.cycle"},
                {"reset", "power.reset"}, {"diag", "power.diag"}}) {
            Http.Resp r = http.send("POST", "/power/" + refused[0], HA_KEY, null, Map.of());
            assertProblem(r, 403);
            assertThat(r.json().get("command").asText()).isEqualTo(refused[1]);
            assertThat(r.json().get("detail").asText()).contains(refused[1]).contains("key:home-assistant");
        }
        assertThat(bmcs.powerOn(0)).as("no refused command reached the BMC").isTrue();

        // the same allow-list on the /api/v1 routes
        Http.Resp v1 = http.post("/api/v1/bmcs/node01/power", HA_KEY, "{\"action\":\"off\"}");
        assertProblem(v1, 403);
        assertThat(v1.json().get("command").asText()).isEqualTo("power.off");
        Http.Resp v1soft = http.post("/api/v1/bmcs/node01/power", HA_KEY, "{\"action\":\"soft\",\"wait\":true}");
        assertThat(v1soft.status()).as(v1soft.toString()).isEqualTo(200);
        assertThat(bmcs.powerOn(0)).isFalse();
        assertThat(http.get("/api/v1/bmcs/node01/power", HA_KEY).status()).isEqualTo(200);
        Http.Resp list = http.get("/api/v1/bmcs", HA_KEY);
        assertProblem(list, 403);
        assertThat(list.json().get("command").asText()).isEqualTo("bmc.list");
        assertProblem(http.get("/api/v1/bmcs/node01/sensors", HA_KEY), 403);

        // and on bulk power: status is listed, cycle is not
        Http.Resp bulkStatus = http.post("/api/v1/power", HA_KEY, "{\"selector\":\"node01\",\"action\":\"status\"}");
        assertThat(bulkStatus.status()).as(bulkStatus.toString()).isEqualTo(200);
        assertThat(bulkStatus.json().get("results").get(0).get("ok").asBoolean()).isTrue();
        Http.Resp bulkCycle = http.post("/api/v1/power", HA_KEY, "{\"selector\":\"node01\",\"action\":\"cycle\"}");
        assertProblem(bulkCycle, 403);
        assertThat(bulkCycle.json().get("command").asText()).isEqualTo("power.cycle");
        assertThat(bmcs.powerOn(0)).isFalse();
    }

    @Test
    void userAllowListAppliesToItsToken() {
        Http http = single.http();
        Http.Resp login = http.post("/api/v1/login", null, "{\"username\":\"carol\",\"password\":\"" + CAROL_PASSWORD + "\"}");
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        String token = login.json().get("token").asText();
        assertThat(status(http, token)).isIn("on", "off");
        Http.Resp on = http.send("POST", "/power/on", token, null, Map.of());
        assertProblem(on, 403);
        assertThat(on.json().get("command").asText()).isEqualTo("power.on");
        assertThat(on.json().get("detail").asText()).contains("user:carol");
    }

    @Test
    void severalBmcsWithoutSidecarBmcAre404WithTheReason() {
        Http http = ambiguous.http();
        for (Http.Resp r : new Http.Resp[] {http.get("/power/status", VIEWER_KEY),
                http.send("POST", "/power/on", OPERATOR_KEY, null, Map.of())}) {
            assertProblem(r, 404);
            assertThat(r.json().get("field").asText()).isEqualTo("sidecar.bmc");
            assertThat(r.json().get("detail").asText()).contains("2 are configured").contains("sidecar.bmc");
        }
        assertThat(bmcs.powerOn(1)).isFalse();
        assertThat(bmcs.powerOn(2)).isFalse();
    }

    @Test
    void sidecarBmcNamesWhichOneIsServed() {
        Http http = named.http();
        post(http, "/power/on?wait=true", OPERATOR_KEY);
        assertThat(bmcs.powerOn(2)).isTrue();
        assertThat(bmcs.powerOn(1)).as("the other BMC is untouched").isFalse();
        assertThat(status(http, VIEWER_KEY)).isEqualTo("on");
        post(http, "/power/force-off?wait=true", OPERATOR_KEY);
        assertThat(bmcs.powerOn(2)).isFalse();
        assertThat(status(http, VIEWER_KEY)).isEqualTo("off");
    }

    @Test
    void sidecarBmcOutsideTheKeysScopeIs404() {
        Http.Resp r = named.http().get("/power/status", NODE02_KEY);
        assertProblem(r, 404);
        assertThat(r.json().get("field").asText()).isEqualTo("name");
        assertProblem(named.http().send("POST", "/power/on", NODE02_KEY, null, Map.of()), 404);
        assertThat(bmcs.powerOn(2)).isFalse();
    }

    @Test
    void bmcTimeoutIs504WithWhatWasTried() {
        Http.Resp r = dead.http().get("/power/status", VIEWER_KEY);
        assertProblem(r, 504);
        assertThat(r.json().has("tried")).as(r.toString()).isTrue();
    }

    @Test
    void openApiDescribesTheSidecarRoutes() {
        JsonNode paths = single.http().get("/openapi.json", null).json().get("paths");
        assertThat(paths.has("/power/status")).isTrue();
        for (String a : new String[] {"on", "off", "force-off", "soft", "cycle", "reset", "diag"}) {
            assertThat(paths.has("/power/" + a)).as("/power/" + a).isTrue();
        }
    }
}
