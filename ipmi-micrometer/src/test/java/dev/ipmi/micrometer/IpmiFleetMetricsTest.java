package dev.ipmi.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.core.IpmiTimeoutException;
import dev.ipmi.core.commands.app.GetDeviceId;
import dev.ipmi.core.event.IpmiEventListener;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class IpmiFleetMetricsTest {
    @Test
    void eventsBecomeMetersTaggedWithTheBmc() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        IpmiFleetMetrics metrics = new IpmiFleetMetrics(registry);
        IpmiEventListener l = metrics.forBmc("10.0.0.5");
        InetSocketAddress a = new InetSocketAddress("127.0.0.1", 623);
        l.sessionOpened(a, 1, "RMCP+ suite 3");
        l.requestAnswered(a, GetDeviceId.ID, 3, 0x00, 1, Duration.ofMillis(4));
        l.requestAnswered(a, GetDeviceId.ID, 4, 0x00, 2, Duration.ofMillis(6));
        l.requestRetransmitted(a, GetDeviceId.ID, 4, 2);
        l.requestFailed(a, GetDeviceId.ID, new IpmiTimeoutException("Get Device ID", 5, Duration.ofSeconds(12)));
        metrics.sessionDiscarded("10.0.0.5", new IllegalStateException("gone"));
        l.sessionClosed(a, 1, null);

        assertThat(registry.get("ipmi.request").tag("bmc", "10.0.0.5").tag("cc", "00").timer().count()).isEqualTo(2);
        assertThat(registry.get("ipmi.request.retransmissions").tag("bmc", "10.0.0.5").counter().count()).isEqualTo(1);
        assertThat(registry.get("ipmi.request.timeouts").tag("bmc", "10.0.0.5").counter().count()).isEqualTo(1);
        assertThat(registry.get("ipmi.session.logins").tag("bmc", "10.0.0.5").counter().count()).isEqualTo(1);
        assertThat(registry.get("ipmi.session.discarded").tag("bmc", "10.0.0.5").counter().count()).isEqualTo(1);
        assertThat(registry.get("ipmi.sessions.open").tag("bmc", "10.0.0.5").gauge().value()).isZero();
        assertThat(metrics.forBmc("10.0.0.5")).isSameAs(l);
    }
}
