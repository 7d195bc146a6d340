package dev.ipmi.bmc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.core.client.IpmiClient;
import dev.ipmi.core.client.RetryPolicy;
import dev.ipmi.core.fleet.BmcDirectory;
import dev.ipmi.core.fleet.BmcHealth;
import dev.ipmi.core.fleet.IpmiFleet;
import dev.ipmi.core.types.CipherSuite;
import dev.ipmi.core.types.PrivilegeLevel;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The fleet against a BMC with one session slot (ipmi_sim does not enforce a limit; the virtual BMC
 * answers Open Session with status 01h, "insufficient resources", when it is full).
 */
class FleetSessionSlotsIT {
    @Test
    void aBmcOutOfSessionSlotsIsWaitedForNotFailed() throws Exception {
        try (VirtualBmcServer server = VirtualBmcServer.start()) {
            int port = server.add(VirtualBmc.builder().user("admin", "password", PrivilegeLevel.ADMINISTRATOR)
                    .cipherSuites(CipherSuite.SUITE_3).sessionLimit(1).build()).getPort();
            String name = "127.0.0.1:" + port;
            IpmiClient holder = IpmiClient.lanplus("127.0.0.1").port(port).cipherSuite(CipherSuite.SUITE_3)
                    .credentials("admin", "password".toCharArray()).connect();
            try (IpmiFleet fleet = IpmiFleet.builder(BmcDirectory.lanplus(b -> b.credentials("admin",
                            "password".toCharArray()).cipherSuite(CipherSuite.SUITE_3)
                            .retry(RetryPolicy.of(Duration.ofMillis(100), 3))))
                    .slotWait(Duration.ofSeconds(20)).build()) {
                var call = fleet.call(name, c -> c.mc().deviceId());
                Thread.sleep(500);
                assertThat(call).as("waiting for a free slot").isNotDone();
                holder.close();
                assertThat(call.join()).isNotNull();
                BmcHealth h = fleet.health(name).orElseThrow();
                assertThat(h.logins()).isEqualTo(1);
                assertThat(h.loginFailures()).isZero();
            } finally {
                holder.close();
            }
        }
    }
}
