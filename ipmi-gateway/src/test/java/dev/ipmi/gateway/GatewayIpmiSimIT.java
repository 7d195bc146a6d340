package dev.ipmi.gateway;

import static dev.ipmi.gateway.GatewayFixture.ADMIN_KEY;
import static dev.ipmi.gateway.GatewayFixture.OPERATOR_KEY;
import static dev.ipmi.gateway.GatewayFixture.VIEWER_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ipmi.core.types.CipherSuite;
import dev.ipmi.core.client.IpmiClient;
import dev.ipmi.core.sel.SelRecord;
import dev.ipmi.core.sel.SelTimestamp;
import dev.ipmi.testing.Closeables;
import dev.ipmi.testing.IpmiSim;
import dev.ipmi.testing.SolBackend;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The gateway against OpenIPMI's ipmi_sim (a BMC nobody here wrote), over RMCP+ suite 3: power,
 * boot, sensors, SEL, FRU, a completion code surfaced as such, and the console through ipmi_sim's
 * SOL to the lab's fake serial host.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class GatewayIpmiSimIT {
    private static IpmiSim sim;
    private static GatewayFixture gw;
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        IpmiSim.requireTools();
        sim = IpmiSim.start();
        assertThat(sim.sol().awaitConnected(20, TimeUnit.SECONDS)).as("ipmi_sim connected to the SOL backend").isTrue();
        gw = GatewayFixture.start("  - {name: sim01, host: " + sim.host() + ", port: " + sim.port() + ", username: "
                        + IpmiSim.ADMIN + ", password_env: SIM_PASSWORD, cipher_suite: 3, labels: {lab: sim}}\n", "",
                Map.of("SIM_PASSWORD", IpmiSim.ADMIN_PASSWORD));
        http = gw.http();
    }

    @AfterAll
    static void stop() throws Exception {
        Closeables.closeAll(gw, sim);
    }

    @Test
    void detailAndPower() throws Exception {
        Http.Resp d = http.get("/api/v1/bmcs/sim01", VIEWER_KEY);
        assertThat(d.status()).as(d.toString()).isEqualTo(200);
        assertThat(d.json().get("ipmi_version").asText()).isEqualTo("2.0");
        Http.Resp on = http.post("/api/v1/bmcs/sim01/power", OPERATOR_KEY, "{\"action\":\"on\",\"wait\":true}");
        assertThat(on.status()).as(on.toString()).isEqualTo(200);
        assertThat(on.json().get("power").asText()).isEqualTo("on");
        assertThat(sim.ipmitool("power", "status")).contains("Chassis Power is on");
        Http.Resp off = http.post("/api/v1/bmcs/sim01/power", OPERATOR_KEY, "{\"action\":\"off\",\"wait\":true}");
        assertThat(off.json().get("power").asText()).isEqualTo("off");
        assertThat(sim.ipmitool("power", "status")).contains("Chassis Power is off");
        assertThat(http.get("/api/v1/bmcs/sim01/power", VIEWER_KEY).json().get("power").asText()).isEqualTo("off");
    }

    @Test
    void sidecarPowerStatusMatchesIpmitool() throws Exception {
        // one BMC configured: the sidecar routes serve it without sidecar.bmc
        Http.Resp on = http.send("POST", "/power/on?wait=true", OPERATOR_KEY, null, Map.of());
        assertThat(on.status()).as(on.toString()).isEqualTo(200);
        assertThat(http.get("/power/status", VIEWER_KEY).json().get("power").asText()).isEqualTo("on");
        assertThat(sim.ipmitool("power", "status")).contains("Chassis Power is on");
        Http.Resp off = http.send("POST", "/power/force-off?wait=true", OPERATOR_KEY, null, Map.of());
        assertThat(off.status()).as(off.toString()).isEqualTo(200);
        assertThat(http.get("/power/status", VIEWER_KEY).json().get("power").asText()).isEqualTo("off");
        assertThat(sim.ipmitool("power", "status")).contains("Chassis Power is off");
    }

    @Test
    void completionCodeIsSurfacedNotA500() {
        // ipmi_sim answers Chassis Control "diagnostic interrupt" with CCh (docs/INTEROP.md)
        Http.Resp r = http.post("/api/v1/bmcs/sim01/power", OPERATOR_KEY, "{\"action\":\"diag\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(502);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("completion_code").asText()).isEqualTo("0xCC");
        assertThat(r.json().get("detail").asText()).contains("sim01");
        // the session survives a completion code: the next call works
        assertThat(http.get("/api/v1/bmcs/sim01/power", VIEWER_KEY).status()).isEqualTo(200);
    }

    @Test
    void bootDevice() {
        Http.Resp put = http.put("/api/v1/bmcs/sim01/boot", OPERATOR_KEY, "{\"device\":\"pxe\"}");
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        JsonNode get = http.get("/api/v1/bmcs/sim01/boot", VIEWER_KEY).json();
        assertThat(get.get("device").asText()).isEqualTo("pxe");
    }

    @Test
    void sensorsMatchTheLabConfiguration() throws Exception {
        Http.Resp r = http.get("/api/v1/bmcs/sim01/sensors", VIEWER_KEY);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        String ipmitool = sim.ipmitool("sdr", "list");
        for (JsonNode s : r.json()) {
            assertThat(ipmitool).as("ipmitool sdr list names %s", s.get("name").asText()).contains(s.get("name").asText());
        }
        assertThat(r.json().size()).isGreaterThan(0);
    }

    @Test
    void selWholeIncrementalAndCleared() throws Exception {
        assertThat(http.delete("/api/v1/bmcs/sim01/sel", ADMIN_KEY).status()).isEqualTo(204);
        JsonNode empty = http.get("/api/v1/bmcs/sim01/sel", VIEWER_KEY).json();
        int before = empty.get("entries").size();
        // two events added by a separate client session (as MonitoringFacadeIT adds them)
        try (IpmiClient other = IpmiClient.lanplus(sim.host()).port(sim.port())
                .credentials(IpmiSim.ADMIN, IpmiSim.ADMIN_PASSWORD.toCharArray()).cipherSuite(CipherSuite.SUITE_3).connect()) {
            for (int i = 0; i < 2; i++) {
                other.sel().add(new SelRecord.SystemEvent(0, new SelTimestamp(0), 0x41, 0x04, 0x01, 0x01, false,
                        0x01, 0x01, 0x57, 0x1A));
            }
        }
        JsonNode all = http.get("/api/v1/bmcs/sim01/sel", VIEWER_KEY).json();
        assertThat(all.get("entries").size()).isEqualTo(before + 2);
        int first = all.get("entries").get(before).get("id").asInt();
        JsonNode after = http.get("/api/v1/bmcs/sim01/sel?since=" + first, VIEWER_KEY).json();
        assertThat(after.get("entries").size()).isEqualTo(1);
        assertThat(after.has("reset")).isFalse();
        assertThat(http.delete("/api/v1/bmcs/sim01/sel", ADMIN_KEY).status()).isEqualTo(204);
        JsonNode reset = http.get("/api/v1/bmcs/sim01/sel?since=" + first, VIEWER_KEY).json();
        assertThat(reset.get("reset").asBoolean()).as("the since record is gone after a clear").isTrue();
    }

    @Test
    void fruFieldsMatchIpmitool() throws Exception {
        Http.Resp r = http.get("/api/v1/bmcs/sim01/fru", VIEWER_KEY);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        String ipmitool = sim.ipmitool("fru", "print", "0");
        JsonNode fields = r.json().get(0).get("fields");
        assertThat(fields.size()).isGreaterThan(0);
        fields.properties().forEach(e -> assertThat(ipmitool).contains(e.getValue().asText()));
    }

    @Test
    void consoleReachesTheSerialHostAndBreakArrives() throws Exception {
        SolBackend serial = sim.sol();
        serial.clearReceived();
        try (WsClient w = WsClient.open(http, "/api/v1/bmcs/sim01/console", OPERATOR_KEY)) {
            w.awaitText(t -> t.contains("\"open\""), "console open");
            w.send("hello sim\r");
            w.awaitOutput("you typed: hello sim");
            w.control("{\"type\":\"break\"}");
            // the BREAK rides on the next SOL packet; ipmi_sim renders it as telnet IAC BREAK (FFh F3h)
            w.send("b\r");
            WsClient.await(() -> serial.receivedText().contains("\u00ff\u00f3b\r"), "BREAK (FF F3) before 'b' at the serial host");
            serial.write("from the host\r\n".getBytes(StandardCharsets.US_ASCII));
            w.awaitOutput("from the host");
        }
        WsClient.await(() -> gw.server().consoles().openConsoles() == 0, "console closed");
        // Deactivate Payload was sent: the payload is free for the next client
        try (WsClient again = WsClient.open(http, "/api/v1/bmcs/sim01/console", OPERATOR_KEY)) {
            again.awaitText(t -> t.contains("\"open\""), "console open again");
            again.send("again\r");
            again.awaitOutput("you typed: again");
        }
    }
}
