package dev.ipmi.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipmi.core.spi.ConnectionSpec;
import dev.ipmi.core.types.AuthType;
import org.junit.jupiter.api.Test;

/** The facade builder refuses the unauthenticated modes unless the caller opts in, before any provider is asked. */
class SecureDefaultsTest {

    @Test
    void defaultsAreTheSecureOnes() {
        ConnectionSpec spec = IpmiClient.lanplus("127.0.0.1").credentials("admin", "pw-123456".toCharArray()).spec();
        assertThat(spec.allowCipherZero()).isFalse();
        assertThat(spec.allowInsecureAuth()).isFalse();
        assertThat(spec.cipherSuite()).isEqualTo(ConnectionSpec.CIPHER_SUITE_AUTO);
        assertThat(spec.authType()).isNull();
    }

    @Test
    void cipherSuiteZeroNeedsTheOptIn() {
        assertThatThrownBy(() -> IpmiClient.lanplus("127.0.0.1").cipherSuite(0).connectAsync())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("allowCipherZero(true)");
    }

    @Test
    void authTypesNoneAndPasswordNeedTheOptIn() {
        for (AuthType t : new AuthType[] {AuthType.NONE, AuthType.PASSWORD}) {
            assertThatThrownBy(() -> IpmiClient.lan("127.0.0.1").credentials("admin", "pw-123456".toCharArray())
                    .authType(t).connectAsync())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("allowInsecureAuth(true)")
                    .hasMessageNotContaining("pw-123456");
        }
    }
}
