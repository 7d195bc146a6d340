package dev.ipmi.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipmi.core.options.LanOptions;
import dev.ipmi.core.options.LanPlusOptions;
import dev.ipmi.core.types.AuthType;
import dev.ipmi.core.types.CipherSuite;
import org.junit.jupiter.api.Test;

/** The facade builder refuses the unauthenticated modes unless the caller opts in, before any provider is asked. */
class SecureDefaultsTest {

    @Test
    void defaultsAreTheSecureOnes() {
        LanPlusOptions lanPlus = IpmiClient.lanplus("127.0.0.1").credentials("admin", "pw-123456".toCharArray()).build();
        LanOptions lan = IpmiClient.lan("127.0.0.1").credentials("admin", "pw-123456".toCharArray()).build();
        assertThat(lanPlus.allowCipherZero()).isFalse();
        assertThat(lan.allowInsecureAuth()).isFalse();
        assertThat(lanPlus.cipherSuite()).isEqualTo(CipherSuite.AUTO);
        assertThat(lan.authType()).isEmpty();
    }

    @Test
    void cipherSuiteZeroNeedsTheOptIn() {
        assertThatThrownBy(() -> IpmiClient.lanplus("127.0.0.1").cipherSuite(CipherSuite.SUITE_0).connectAsync())
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
