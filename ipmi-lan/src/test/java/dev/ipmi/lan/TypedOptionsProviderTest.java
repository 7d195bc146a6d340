package dev.ipmi.lan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipmi.core.options.LanOptions;
import dev.ipmi.core.options.LanPlusOptions;
import dev.ipmi.core.spi.TransportEngine;
import dev.ipmi.lan.engine.UdpEngine;
import org.junit.jupiter.api.Test;

/** The provider takes the typed options as built; a mismatch is a caller error that names the field. */
class TypedOptionsProviderTest {

    @Test
    void optionsOfTheOtherTransportAreRefused() {
        assertThat(new LanTransportProvider().connect(LanPlusOptions.builder("127.0.0.1").build()))
                .failsWithin(java.time.Duration.ZERO)
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseInstanceOf(IllegalArgumentException.class)
                .withMessageContaining("LanOptions");
    }

    @Test
    void engineDefaultsToTheSharedOneAndMustBeAUdpEngine() {
        assertThat(UdpEngine.of(LanOptions.builder("127.0.0.1").build())).isSameAs(UdpEngine.shared());
        LanOptions foreign = LanOptions.builder("127.0.0.1").engine(new TransportEngine() {}).build();
        assertThatThrownBy(() -> UdpEngine.of(foreign)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("engine");
    }
}
