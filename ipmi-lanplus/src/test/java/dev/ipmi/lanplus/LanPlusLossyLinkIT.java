package dev.ipmi.lanplus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.core.client.RetryPolicy;
import dev.ipmi.core.commands.app.GetDeviceId;
import dev.ipmi.core.options.LanPlusOptions;
import dev.ipmi.core.types.CipherSuite;
import dev.ipmi.testing.IpmiSim;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ipmi_sim behind a relay that loses chosen datagrams: the pyghmi loss rules (a lost Open Session
 * response sends a new Open Session; a lost RAKP2 or RAKP4 restarts the whole login) and in-session
 * retransmission must work with a real BMC.
 */
class LanPlusLossyLinkIT {
    static IpmiSim sim;
    LossyRelay relay;

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

    @BeforeEach
    void relay() throws Exception {
        relay = new LossyRelay(new InetSocketAddress(sim.host(), sim.port()));
    }

    @AfterEach
    void closeRelay() throws Exception {
        relay.close();
    }

    LanPlusOptions options() throws Exception {
        return LanPlusOptions.builder("127.0.0.1").port(relay.port()).credentials(IpmiSim.ADMIN, IpmiSim.ADMIN_PASSWORD.toCharArray()).cipherSuite(CipherSuite.SUITE_3)
                .retry(RetryPolicy.of(Duration.ofMillis(200), 3)).build();
    }

    /** 0x11 Open Session Response, 0x13 RAKP2, 0x15 RAKP4. */
    @ParameterizedTest(name = "lost payload type {0}")
    @ValueSource(ints = {0x11, 0x13, 0x15})
    void lostLoginReplyRestartsTheLoginWithANewOpenSession(int payloadType) throws Exception {
        relay.dropToClient = LossyRelay.firstOfType(payloadType);
        try (LanPlusSession s = LanPlusSession.open(options())) {
            assertThat(s.send(new GetDeviceId.Request()).join().deviceId()).isEqualTo(0x20);
            assertThat(relay.dropped.get()).isEqualTo(1);
            assertThat(relay.openSessionRequests.get()).isEqualTo(2);
        }
    }

    /**
     * Sequential requests with every third session datagram lost in each direction: a request can
     * lose at most two transmissions in a row this way, so the retry budget of 4 always suffices and
     * the test is deterministic. Every retransmission carries a new session sequence number and
     * AuthCode and ipmi_sim must accept it.
     */
    @Test
    void requestsSurviveALinkLosingEveryThirdSessionDatagram() throws Exception {
        try (LanPlusSession s = LanPlusSession.open(options())) {
            relay.dropToBmc = LossyRelay.everyNthInSession(3);
            relay.dropToClient = LossyRelay.everyNthInSession(3);
            for (int i = 0; i < 30; i++) {
                assertThat(s.send(new GetDeviceId.Request()).get(10, TimeUnit.SECONDS).deviceId()).isEqualTo(0x20);
            }
            assertThat(relay.dropped.get()).isGreaterThan(15);
            assertThat(s.loginCount()).isEqualTo(1);
            assertThat(s.badIntegrityCount()).isZero();
        }
    }
}
