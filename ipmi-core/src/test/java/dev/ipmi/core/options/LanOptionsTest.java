package dev.ipmi.core.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipmi.core.internal.OptionSecrets;
import dev.ipmi.core.types.AuthType;
import org.junit.jupiter.api.Test;

class LanOptionsTest {
    @Test
    void weakAuthTypesNeedAnExplicitOptIn() {
        assertThatThrownBy(() -> LanOptions.builder("h").authType(AuthType.PASSWORD).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("allowInsecureAuth(true)");
        assertThatThrownBy(() -> LanOptions.builder("h").authType(AuthType.NONE).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(LanOptions.builder("h").authType(AuthType.NONE).allowInsecureAuth(true).build()
                .authType()).contains(AuthType.NONE);
    }

    @Test
    void defaultsAreDocumented() {
        LanOptions o = LanOptions.builder("bmc").build();
        assertThat(o.port()).isEqualTo(623);
        assertThat(o.authType()).isEmpty();
        assertThat(o.privilege().displayName()).isEqualTo("ADMINISTRATOR");
        assertThat(o.window()).isEqualTo(8);
        assertThat(o.keepalive()).hasSeconds(30);
        assertThat(o.retry().retries()).isEqualTo(4);
    }

    @Test
    void passwordNeverInToStringAndWipeable() {
        char[] pw = "s3cr3t-pass".toCharArray();
        LanOptions o = LanOptions.builder("bmc").credentials("admin", pw).build();
        assertThat(o.toString()).doesNotContain("s3cr3t").contains("admin");
        assertThat(new String(OptionSecrets.password(o), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("s3cr3t-pass");
        o.wipe();
        assertThat(OptionSecrets.password(o)).containsOnly(0);
    }

    @Test
    void ipmi15LimitsAreCheckedUpFront() {
        assertThatThrownBy(() -> LanOptions.builder("h").credentials("", "12345678901234567".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("16 bytes");
        assertThatThrownBy(() -> LanOptions.builder("h").credentials("abcdefghijklmnopq", new char[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LanOptions.builder("h").port(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
