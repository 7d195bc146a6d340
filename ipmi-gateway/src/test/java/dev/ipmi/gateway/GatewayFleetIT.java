package dev.ipmi.gateway;

import static dev.ipmi.gateway.GatewayFixture.VIEWER_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.testing.IpmiSim;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The gateway's session pool is the library's fleet: one session per BMC shared by every request,
 * and after a BMC restart (ipmi_sim stopped and started on the same port) the first request that
 * finds the BMC answering again is served, without restarting the gateway.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class GatewayFleetIT {

    private static int sessionsOpen(Http http) {
        return http.get("/health", null).json().get("pool").get("sessions_open").asInt();
    }

    @Test
    void aBmcRestartIsHealedByTheNextRequest() {
        IpmiSim.requireTools();
        IpmiSim sim = IpmiSim.builder().sol(false).start();
        int port = sim.port();
        try (GatewayFixture gw = GatewayFixture.start("  - {name: sim01, host: " + sim.host() + ", port: " + port
                        + ", username: " + IpmiSim.ADMIN + ", password_env: SIM_PASSWORD, cipher_suite: 3}\n",
                "limits: {bmc_timeout_ms: 100, bmc_retries: 3}\n", Map.of("SIM_PASSWORD", IpmiSim.ADMIN_PASSWORD))) {
            Http http = gw.http();
            assertThat(sessionsOpen(http)).as("no session before the first request").isZero();
            for (int i = 0; i < 5; i++) {
                Http.Resp r = http.get("/api/v1/bmcs/sim01/power", VIEWER_KEY);
                assertThat(r.status()).as(r.toString()).isEqualTo(200);
            }
            assertThat(sessionsOpen(http)).as("five requests, one session").isEqualTo(1);

            sim.close();
            Http.Resp down = http.get("/api/v1/bmcs/sim01/power", VIEWER_KEY);
            assertThat(down.status()).as(down.toString()).isIn(502, 504);

            sim = IpmiSim.builder().sol(false).port(port).start();
            Http.Resp back = http.get("/api/v1/bmcs/sim01/power", VIEWER_KEY);
            assertThat(back.status()).as("the first request after the restart: " + back).isEqualTo(200);
            assertThat(back.json().get("power").asText()).isIn("on", "off");
            assertThat(sessionsOpen(http)).as("the dead session replaced, not added to").isEqualTo(1);
            Http.Resp list = http.get("/api/v1/bmcs", VIEWER_KEY);
            assertThat(list.json().get(0).get("reachable").asBoolean()).isTrue();
        } finally {
            sim.close();
        }
    }
}
