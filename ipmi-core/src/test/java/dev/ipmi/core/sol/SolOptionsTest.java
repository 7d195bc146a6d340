package dev.ipmi.core.sol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class SolOptionsTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        SolOptions d = SolOptions.defaults();
        assertThat(d.instance()).isEqualTo(1);
        assertThat(d.alreadyActive()).isEqualTo(SolOptions.AlreadyActivePolicy.FAIL);
        assertThat(d.retries()).isEmpty();
        assertThat(d.retryInterval()).isEmpty();
        assertThat(d.keepalive()).isEqualTo(Duration.ofSeconds(15));
        assertThat(d.startupProbe()).isTrue();
        assertThat(d.inboundBuffer()).isEqualTo(SolOptions.DEFAULT_INBOUND_BUFFER);
        assertThat(SolOptions.builder().build()).isEqualTo(d).hasSameHashCodeAs(d);
    }

    @Test
    void builderSetsEverySettingAndToBuilderKeepsThem() {
        SolOptions o = SolOptions.builder().instance(3).takeOver().retry(9, Duration.ofMillis(80))
                .keepalive(Duration.ZERO).startupProbe(false).inboundBuffer(4096).build();
        assertThat(o.instance()).isEqualTo(3);
        assertThat(o.alreadyActive()).isEqualTo(SolOptions.AlreadyActivePolicy.TAKE_OVER);
        assertThat(o.retries()).isEqualTo(OptionalInt.of(9));
        assertThat(o.retryInterval()).isEqualTo(Optional.of(Duration.ofMillis(80)));
        assertThat(o.keepalive()).isZero();
        assertThat(o.startupProbe()).isFalse();
        assertThat(o.inboundBuffer()).isEqualTo(4096);
        assertThat(o.toBuilder().build()).isEqualTo(o);
        assertThat(o.toBuilder().instance(4).build().instance()).isEqualTo(4);
        assertThat(o).isNotEqualTo(SolOptions.defaults());
    }

    @Test
    void settersNameTheFieldTheyRefuse() {
        assertThatThrownBy(() -> SolOptions.builder().retries(101)).hasMessageContaining("retries");
        assertThatThrownBy(() -> SolOptions.builder().retryInterval(Duration.ofSeconds(61)))
                .hasMessageContaining("retry interval");
        assertThatThrownBy(() -> SolOptions.builder().keepalive(Duration.ofSeconds(-1)))
                .hasMessageContaining("keepalive");
        assertThatThrownBy(() -> SolOptions.builder().keepalive(null)).hasMessageContaining("keepalive");
        assertThatThrownBy(() -> SolOptions.builder().alreadyActive(null)).hasMessageContaining("alreadyActive");
    }
}
