package dev.ipmi.core.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipmi.core.client.IpmiClient;
import dev.ipmi.core.client.RetryPolicy;
import dev.ipmi.core.internal.OptionSecrets;
import dev.ipmi.core.sdr.SdrCache;
import dev.ipmi.core.spi.TransportEngine;
import dev.ipmi.core.types.CipherSuite;
import dev.ipmi.core.types.PrivilegeLevel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;

/** The settings both builders share: same names, same checks, same defaults, secrets kept in. */
class SessionOptionsTest {

    private static List<SessionOptions.Builder<?, ?>> both() {
        return List.of(LanPlusOptions.builder("bmc"), LanOptions.builder("bmc"));
    }

    @Test
    void sharedDefaults() {
        for (SessionOptions.Builder<?, ?> b : both()) {
            SessionOptions o = b.build();
            assertThat(o.host()).isEqualTo("bmc");
            assertThat(o.port()).isEqualTo(623);
            assertThat(o.userName()).isEmpty();
            assertThat(OptionSecrets.password(o)).isEmpty();
            assertThat(o.privilege()).isEqualTo(PrivilegeLevel.ADMINISTRATOR);
            assertThat(o.retry()).isEqualTo(RetryPolicy.DEFAULT);
            assertThat(o.window()).isEqualTo(8);
            assertThat(o.keepalive()).isEqualTo(Duration.ofSeconds(30));
            assertThat(o.engine()).isEmpty();
            assertThat(o.callbackExecutor()).isEmpty();
            assertThat(o.scheduler()).isEmpty();
            assertThat(o.sdrCache()).isEmpty();
            assertThat(o.hostKey()).isEqualTo("bmc:623");
        }
        assertThat(LanPlusOptions.builder("bmc").build().transport()).isEqualTo("lanplus");
        assertThat(LanOptions.builder("bmc").build().transport()).isEqualTo("lan");
    }

    @Test
    void everySharedSettingIsKept() {
        TransportEngine engine = new TransportEngine() {};
        Executor callbacks = Runnable::run;
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
        SdrCache cache = SdrCache.inMemory();
        RetryPolicy retry = RetryPolicy.of(Duration.ofMillis(300), 2);
        try {
            for (SessionOptions.Builder<?, ?> b : both()) {
                SessionOptions o = b.port(1623).credentials("op", "pw".toCharArray()).privilege(PrivilegeLevel.OPERATOR)
                        .retry(retry).window(3).keepalive(Duration.ZERO).engine(engine).callbackExecutor(callbacks)
                        .scheduler(timers).sdrCache(cache).build();
                assertThat(o.port()).isEqualTo(1623);
                assertThat(o.userName()).isEqualTo("op");
                assertThat(new String(OptionSecrets.password(o), StandardCharsets.UTF_8)).isEqualTo("pw");
                assertThat(o.privilege()).isEqualTo(PrivilegeLevel.OPERATOR);
                assertThat(o.retry()).isSameAs(retry);
                assertThat(o.window()).isEqualTo(3);
                assertThat(o.keepalive()).isZero();
                assertThat(o.engine()).containsSame(engine);
                assertThat(o.callbackExecutor()).containsSame(callbacks);
                assertThat(o.scheduler()).containsSame(timers);
                assertThat(o.sdrCache()).containsSame(cache);
            }
        } finally {
            timers.shutdownNow();
        }
    }

    @Test
    void sharedChecksNameTheSetting() {
        for (SessionOptions.Builder<?, ?> b : both()) {
            assertThatThrownBy(() -> b.port(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port");
            assertThatThrownBy(() -> b.window(33)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("window");
            assertThatThrownBy(() -> b.keepalive(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("keepalive");
            assertThatThrownBy(() -> b.privilege(PrivilegeLevel.HIGHEST)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("privilege");
            assertThatThrownBy(() -> b.scheduler(null)).isInstanceOf(NullPointerException.class)
                    .hasMessageContaining("scheduler");
        }
        assertThatThrownBy(() -> LanPlusOptions.builder(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("host");
    }

    @Test
    void passwordLimitsFollowTheSessionKind() {
        char[] twenty = "12345678901234567890".toCharArray();
        assertThat(OptionSecrets.password(LanPlusOptions.builder("h").credentials("u", twenty).build())).hasSize(20);
        assertThatThrownBy(() -> LanOptions.builder("h").credentials("u", twenty))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("16 bytes")
                .hasMessageNotContaining("1234567890");
    }

    @Test
    void theCallersArraysAreCopiedAndABuilderBuildsIndependentOptions() {
        char[] pw = "s3cret".toCharArray();
        byte[] kg = "k3y".getBytes(StandardCharsets.US_ASCII);
        LanPlusOptions.Builder b = IpmiClient.lanplus("h").credentials("admin", pw).kg(kg);
        Arrays.fill(pw, 'x');
        Arrays.fill(kg, (byte) 0);
        LanPlusOptions first = b.build();
        LanPlusOptions second = b.build();
        first.wipe();
        assertThat(OptionSecrets.password(first)).containsOnly(0);
        assertThat(new String(OptionSecrets.password(second), StandardCharsets.UTF_8)).isEqualTo("s3cret");
        assertThat(new String(OptionSecrets.kg(second), StandardCharsets.US_ASCII)).isEqualTo("k3y");
        assertThat(second.hasKg()).isTrue();
        assertThat(second.toString()).doesNotContain("s3cret").doesNotContain("k3y").contains("<redacted>");
        assertThat(b.toString()).doesNotContain("s3cret").doesNotContain("k3y");
    }

    @Test
    void rmcpPlusSettingsAreKept() {
        CipherSuiteCache cache = new CipherSuiteCache();
        LanPlusOptions o = LanPlusOptions.builder("h").cipherSuite(CipherSuite.SUITE_17).nameOnlyLookup(false)
                .cipherSuiteCache(cache).relogin(false).quirks(Quirk.HMAC_MD5_128_KEYED_WITH_PASSWORD).build();
        assertThat(o.cipherSuite()).isEqualTo(CipherSuite.SUITE_17);
        assertThat(o.nameOnlyLookup()).isFalse();
        assertThat(o.cipherSuiteCache()).isSameAs(cache);
        assertThat(o.relogin()).isFalse();
        assertThat(o.quirks()).containsExactly(Quirk.HMAC_MD5_128_KEYED_WITH_PASSWORD);
        assertThat(o.toString()).contains("HMAC_MD5_128_KEYED_WITH_PASSWORD");
    }
}
