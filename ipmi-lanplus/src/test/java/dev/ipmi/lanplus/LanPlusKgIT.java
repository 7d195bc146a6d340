package dev.ipmi.lanplus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipmi.core.IpmiAuthenticationException;
import dev.ipmi.core.commands.app.GetDeviceId;
import dev.ipmi.core.options.CipherSuiteCache;
import dev.ipmi.core.options.LanPlusOptions;
import dev.ipmi.core.types.CipherSuite;
import dev.ipmi.testing.IpmiSim;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Two-key login: ipmi_sim with a BMC key K_G ("secret"), checked against ipmitool -k on the same instance. */
class LanPlusKgIT {
    static IpmiSim sim;

    @BeforeAll
    static void start() {
        IpmiSim.requireTools();
        sim = IpmiSim.builder().kg("secret").sol(false).start();
    }

    @AfterAll
    static void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    static LanPlusOptions.Builder admin(String kg) {
        return LanPlusOptions.builder(sim.host()).port(sim.port()).credentials(IpmiSim.ADMIN, IpmiSim.ADMIN_PASSWORD.toCharArray()).cipherSuiteCache(new CipherSuiteCache())
                .kg(kg == null ? null : kg.getBytes(StandardCharsets.US_ASCII));
    }

    @ParameterizedTest(name = "cipher suite {0}")
    @ValueSource(ints = {-1, 3, 11})
    void rightKgLogsInAndMatchesIpmitool(int suite) throws Exception {
        String mc = sim.ipmitool("mc", "info");
        try (LanPlusSession s = LanPlusSession.open(admin("secret")
                .cipherSuite(suite < 0 ? CipherSuite.AUTO : CipherSuite.of(suite)).build())) {
            GetDeviceId.Response r = s.send(new GetDeviceId.Request()).join();
            assertThat(mc).containsPattern("Product ID\\s+: " + r.productId() + "\\b");
        }
    }

    @Test
    void wrongKgFailsFastNamingTheKey() {
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> LanPlusSession.open(admin("wrong").cipherSuite(CipherSuite.SUITE_3).build()))
                .isInstanceOf(IpmiAuthenticationException.class)
                .hasMessageContaining("RAKP4").hasMessageContaining("K_g");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void missingKgFailsFastAndSaysTheBmcHasOne() {
        assertThatThrownBy(() -> LanPlusSession.open(admin(null).cipherSuite(CipherSuite.SUITE_3).build()))
                .isInstanceOf(IpmiAuthenticationException.class)
                .hasMessageContaining("K_g");
    }
}
