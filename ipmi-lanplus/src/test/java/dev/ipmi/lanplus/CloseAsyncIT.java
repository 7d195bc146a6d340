package dev.ipmi.lanplus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.core.client.IpmiClient;
import dev.ipmi.core.options.CipherSuiteCache;
import dev.ipmi.core.types.AuthType;
import dev.ipmi.core.types.CipherSuite;
import dev.ipmi.testing.IpmiSim;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code closeAsync()} against ipmi_sim: the BMC's count of active sessions (Get Session Info,
 * IPMI v2.0 §22.20, asked by an observer session) goes up by one while a second session is open
 * and back down once that session's {@code closeAsync()} future completed: the slot is released.
 */
class CloseAsyncIT {
    static IpmiSim sim;

    @BeforeAll
    static void start() {
        IpmiSim.requireTools();
        sim = IpmiSim.builder().sol(false).start();
    }

    @AfterAll
    static void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    /** Get Session Info for the session the request came in on; byte 3 [5:0] counts the active sessions. */
    private static int activeSessions(IpmiClient observer) {
        byte[] data = observer.raw(0x06, 0x3D, (byte) 0x00);
        return data[2] & 0x3F;
    }

    private static IpmiClient lanPlus() {
        return IpmiClient.lanplus(sim.host()).port(sim.port())
                .credentials(IpmiSim.ADMIN, IpmiSim.ADMIN_PASSWORD.toCharArray())
                .cipherSuite(CipherSuite.SUITE_3).cipherSuiteCache(new CipherSuiteCache()).connect();
    }

    @Test
    void rmcpPlusCloseAsyncReleasesTheSessionSlot() throws Exception {
        try (IpmiClient observer = lanPlus()) {
            int before = activeSessions(observer);
            IpmiClient second = lanPlus();
            assertThat(activeSessions(observer)).isEqualTo(before + 1);
            second.closeAsync().get(30, TimeUnit.SECONDS);
            assertThat(activeSessions(observer)).isEqualTo(before);
        }
    }

    @Test
    void ipmi15CloseAsyncReleasesTheSessionSlot() throws Exception {
        try (IpmiClient observer = lanPlus()) {
            int before = activeSessions(observer);
            IpmiClient second = IpmiClient.lan(sim.host()).port(sim.port())
                    .credentials(IpmiSim.ADMIN, IpmiSim.ADMIN_PASSWORD.toCharArray()).authType(AuthType.MD5).connect();
            assertThat(activeSessions(observer)).isEqualTo(before + 1);
            second.closeAsync().get(30, TimeUnit.SECONDS);
            assertThat(activeSessions(observer)).isEqualTo(before);
        }
    }
}
