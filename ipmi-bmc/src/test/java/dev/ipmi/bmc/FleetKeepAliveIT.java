package dev.ipmi.bmc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.core.client.RetryPolicy;
import dev.ipmi.core.fleet.BmcDirectory;
import dev.ipmi.core.fleet.BmcHealth;
import dev.ipmi.core.fleet.IpmiFleet;
import dev.ipmi.core.types.CipherSuite;
import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.core.event.IpmiEventListener;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@code IpmiFleet.Builder.keepAlive} against a BMC that expires sessions idle for 1.5 s: with a
 * keepalive below that the pooled session survives a long pause; without one it does not.
 */
class FleetKeepAliveIT {
    private static final Duration BMC_IDLE_TIMEOUT = Duration.ofMillis(1500);
    private static final long PAUSE_MS = 4000;

    @Test
    void aKeepaliveBelowTheBmcIdleTimeoutKeepsThePooledSessionOpen() throws Exception {
        // sessions opened per BMC, by the fleet or by a client healing itself
        Map<String, AtomicInteger> opened = new ConcurrentHashMap<>();
        try (VirtualBmcServer server = VirtualBmcServer.start()) {
            String kept = "127.0.0.1:" + server.add(bmc()).getPort();
            String dropped = "127.0.0.1:" + server.add(bmc()).getPort();
            try (IpmiFleet fleet = IpmiFleet.builder(BmcDirectory.lanplus(b -> b.credentials("admin",
                            "password".toCharArray()).cipherSuite(CipherSuite.SUITE_3)
                            .retry(RetryPolicy.of(Duration.ofMillis(200), 3))))
                    .keepAlive(name -> name.equals(kept) ? Duration.ofMillis(300) : Duration.ZERO)
                    .listener(name -> new IpmiEventListener() {
                        @Override
                        public void sessionOpened(SocketAddress bmc, int sessionId, String description) {
                            opened.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
                        }
                    })
                    .probeTimeout(Duration.ofMillis(500)).build()) {
                assertThat(fleet.call(kept, c -> c.mc().deviceId()).join()).isNotNull();
                assertThat(fleet.call(dropped, c -> c.mc().deviceId()).join()).isNotNull();
                Thread.sleep(PAUSE_MS);

                assertThat(fleet.call(kept, c -> c.mc().deviceId()).join()).isNotNull();
                BmcHealth k = fleet.health(kept).orElseThrow();
                assertThat(opened.get(kept).get()).as("sessions opened to the BMC with a keepalive").isEqualTo(1);
                assertThat(k.sessionsLost()).isZero();
                assertThat(k.failedCalls()).isZero();

                // the control: the BMC expired the silent session, so the fleet has to log in again
                // (the first call after the pause may fail typed; a later one succeeds)
                boolean ok = false;
                for (int i = 0; i < 5 && !ok; i++) {
                    ok = fleet.call(dropped, c -> c.mc().deviceId()).handle((r, e) -> e == null).join();
                }
                assertThat(ok).as("the BMC without keepalive answers again after a new login").isTrue();
                assertThat(opened.get(dropped).get()).as("sessions opened to the BMC without keepalive")
                        .isGreaterThanOrEqualTo(2);
            }
        }
    }

    private static VirtualBmc bmc() {
        return VirtualBmc.builder().user("admin", "password", PrivilegeLevel.ADMINISTRATOR)
                .cipherSuites(CipherSuite.SUITE_3).idleTimeout(BMC_IDLE_TIMEOUT).build();
    }
}
