package dev.ipmi.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipmi.core.client.RequestTarget;
import org.junit.jupiter.api.Test;

/** {@code -t}/{@code -b}/{@code -T}/{@code -B} as ipmitool reads them. */
class BridgingOptionsTest {
    private static RequestTarget target(String... args) {
        return IpmiCli.parse(args).connection.target();
    }

    @Test
    void transitAndTargetMakeADoubleBridgedTarget() {
        RequestTarget t = target("-T", "0x40", "-B", "3", "-t", "0x42", "-b", "7", "raw", "6", "1");
        assertThat(t).isEqualTo(RequestTarget.doubleBridged(0x40, 3, 0x42, 7));
        assertThat(target("-T", "0x40", "-t", "0x42", "raw", "6", "1")).isEqualTo(RequestTarget.doubleBridged(0x40, 0, 0x42, 0));
    }

    @Test
    void singleBridgingAndNoBridgingAreUnchanged() {
        assertThat(target("-t", "0x42", "-b", "7", "raw", "6", "1")).isEqualTo(RequestTarget.bridged(0x42, 7));
        assertThat(target("raw", "6", "1")).isEqualTo(RequestTarget.BMC);
        assertThat(target("-t", "0x20", "raw", "6", "1")).isEqualTo(RequestTarget.BMC);
    }

    @Test
    void aTransitOfZeroOrTheBmcMeansSingleBridging() {
        assertThat(target("-T", "0", "-t", "0x42", "-b", "7", "raw", "6", "1")).isEqualTo(RequestTarget.bridged(0x42, 7));
        assertThat(target("-T", "0x20", "-t", "0x42", "-b", "7", "raw", "6", "1")).isEqualTo(RequestTarget.bridged(0x42, 7));
    }

    @Test
    void aTransitWithoutATargetIsRefused() {
        // ipmitool: "Transit address/channel 0x40/0 ignored. Target address must be specified!" and exit 1
        assertThatThrownBy(() -> target("-T", "0x40", "raw", "6", "1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-T");
        assertThatThrownBy(() -> target("-T", "0x40", "-B", "16", "-t", "0x42", "raw", "6", "1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("transit channel");
    }
}
