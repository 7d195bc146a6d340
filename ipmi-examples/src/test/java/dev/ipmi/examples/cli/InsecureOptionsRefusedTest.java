package dev.ipmi.examples.cli;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The CLI refuses the insecure modes unless the user opts in with a flag of its own: naming the
 * mode ({@code -A NONE}, {@code -C 0}) is not consent, since ipmitool scripts copied over would
 * otherwise silently run without authentication. Checked before any datagram is sent.
 */
class InsecureOptionsRefusedTest {

    private static ConnectionOptions options(String iface) {
        ConnectionOptions o = new ConnectionOptions();
        o.iface = iface;
        o.host = "127.0.0.1";
        o.port = 9;
        o.user = "admin";
        o.password = "S3ntinel-pw".toCharArray();
        return o;
    }

    @ParameterizedTest
    @ValueSource(strings = {"NONE", "none", "PASSWORD", "straight"})
    void lanAuthTypesWithoutAuthenticationNeedTheirFlag(String auth) {
        ConnectionOptions o = options("lan");
        o.authType = auth;
        assertThatThrownBy(o::open).isInstanceOf(CliException.class)
                .hasMessageContaining("--allow-insecure-auth").hasMessageNotContaining("S3ntinel-pw");
    }

    @Test
    void cipherSuiteZeroNeedsItsFlag() {
        ConnectionOptions o = options("lanplus");
        o.cipherSuite = 0;
        assertThatThrownBy(o::open).isInstanceOf(CliException.class).hasMessageContaining("--allow-cipher-zero");
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 5, 9, 10, 13, 14, 18, 19})
    void rc4SuitesAreRefused(int suite) {
        ConnectionOptions o = options("lanplus");
        o.cipherSuite = suite;
        assertThatThrownBy(o::open).hasMessageContaining("xRC4").hasMessageNotContaining("S3ntinel-pw");
    }
}
