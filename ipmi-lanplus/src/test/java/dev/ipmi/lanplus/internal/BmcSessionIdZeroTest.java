package dev.ipmi.lanplus.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.core.IpmiSessionException;
import dev.ipmi.core.event.IpmiEventListener;
import dev.ipmi.core.client.RetryPolicy;
import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.lan.testing.MachineHarness;
import dev.ipmi.core.types.CipherSuite;
import dev.ipmi.core.options.CipherSuiteCache;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Session ID 0 marks packets outside a session, which the codec frames without integrity or
 * encryption: a BMC that assigns it must not get a session whose requests (Set User Password
 * included) would then travel in clear.
 */
class BmcSessionIdZeroTest {

    @Test
    void anOpenSessionResponseWithBmcSessionIdZeroEndsTheLogin() {
        FakeBmc bmc = new FakeBmc();
        bmc.bmcSidCounter = -1;
        LanPlusMachine m = new LanPlusMachine(new LanPlusConfig(new InetSocketAddress("127.0.0.1", 623),
                "admin".getBytes(StandardCharsets.US_ASCII), "password".getBytes(StandardCharsets.US_ASCII), null,
                PrivilegeLevel.ADMINISTRATOR, CipherSuite.SUITE_3, true, RetryPolicy.DEFAULT, IpmiEventListener.NONE,
                new CipherSuiteCache(), Duration.ofSeconds(30), true, Set.of()), new Random(3));
        MachineHarness h = new MachineHarness(m).start();
        for (int guard = 0; guard < 20 && h.sentCount() > 0; guard++) {
            for (byte[] out : h.takeAllSent()) {
                byte[] reply = bmc.handle(out);
                if (reply != null && !h.ended()) {
                    h.deliver(reply);
                }
            }
        }
        assertThat(m.opened()).isCompletedExceptionally();
        assertThat(m.opened().handle((v, e) -> e).join()).isInstanceOf(IpmiSessionException.class)
                .hasMessageContaining("session ID 0");
        assertThat(bmc.rakp1s).isZero();
    }
}
