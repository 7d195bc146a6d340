package dev.ipmi.bmc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.core.client.IpmiClient;
import dev.ipmi.core.client.RetryPolicy;
import dev.ipmi.core.types.CipherSuite;
import dev.ipmi.core.types.PrivilegeLevel;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A virtual BMC with a service time answers no earlier than it (a lower bound only: never flaky under load). */
class VirtualBmcServiceTimeIT {
    @Test
    void repliesWaitForTheServiceTime() {
        try (VirtualBmcServer server = VirtualBmcServer.start()) {
            VirtualBmc bmc = VirtualBmc.builder().user("admin", "password", PrivilegeLevel.ADMINISTRATOR)
                    .cipherSuites(CipherSuite.SUITE_3).serviceTime(Duration.ofMillis(150), Duration.ofMillis(20))
                    .build();
            int port = server.add(bmc).getPort();
            assertThat(bmc.serviceTime()).isEqualTo(Duration.ofMillis(150));
            try (IpmiClient c = IpmiClient.lanplus("127.0.0.1").port(port).cipherSuite(CipherSuite.SUITE_3)
                    .credentials("admin", "password".toCharArray()).retry(RetryPolicy.of(Duration.ofSeconds(2), 2))
                    .connect()) {
                long t0 = System.nanoTime();
                assertThat(c.mc().deviceId()).isNotNull();
                assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
            }
        }
    }
}
