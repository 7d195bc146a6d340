package dev.ipmi.lanplus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipmi.core.CipherSuiteUnavailableException;
import dev.ipmi.core.client.RetryPolicy;
import dev.ipmi.core.commands.app.GetChannelCipherSuites.CipherSuiteRecord;
import dev.ipmi.core.internal.OptionSecrets;
import dev.ipmi.core.options.CipherSuiteCache;
import dev.ipmi.core.options.LanPlusOptions;
import dev.ipmi.core.types.AuthenticationAlgorithm;
import dev.ipmi.core.types.CipherSuite;
import dev.ipmi.core.types.ConfidentialityAlgorithm;
import dev.ipmi.core.types.IntegrityAlgorithm;
import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.lanplus.internal.CipherSuitePolicy;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PublicTypesTest {

    @Test
    void suitesMatchTheSpecTable() {
        assertThat(CipherSuite.of(3).authentication()).isEqualTo(AuthenticationAlgorithm.RAKP_HMAC_SHA1);
        assertThat(CipherSuite.of(3).integrity()).isEqualTo(IntegrityAlgorithm.HMAC_SHA1_96);
        assertThat(CipherSuite.of(3).confidentiality()).isEqualTo(ConfidentialityAlgorithm.AES_CBC_128);
        assertThat(CipherSuite.of(11).integrity()).isEqualTo(IntegrityAlgorithm.MD5_128);
        assertThat(CipherSuite.of(17).integrity()).isEqualTo(IntegrityAlgorithm.HMAC_SHA256_128);
        assertThat(CipherSuite.of(2, 3, 1)).isEqualTo(CipherSuite.SUITE_12);
        assertThat(CipherSuite.of(1, 1, 2)).isNull();
        assertThat(CipherSuite.supported()).extracting(CipherSuite::id)
                .containsExactly(0, 1, 2, 3, 6, 7, 8, 11, 12, 15, 16, 17);
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 5, 9, 10, 13, 14, 18, 19})
    void xrc4SuitesAreRefusedWithTheReason(int id) {
        assertThatThrownBy(() -> CipherSuite.of(id)).isInstanceOf(CipherSuiteUnavailableException.class)
                .hasMessageContaining("xRC4").hasMessageContaining("17 or 3");
    }

    @Test
    void unknownSuiteIsRefused() {
        assertThatThrownBy(() -> CipherSuite.of(42)).isInstanceOf(CipherSuiteUnavailableException.class)
                .hasMessageContaining("not supported");
    }

    @Test
    void autoHasNoAlgorithms() {
        assertThat(CipherSuite.AUTO.isAuto()).isTrue();
        assertThatThrownBy(CipherSuite.AUTO::integrity).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void preferenceStartsWith17Then3AndNeverContainsZero() {
        assertThat(CipherSuite.PREFERENCE).extracting(CipherSuite::id).startsWith(17, 3).doesNotContain(0);
    }

    private static CipherSuiteRecord std(int id, int a, int i, int c) {
        return new CipherSuiteRecord(id, OptionalInt.empty(), List.of(a), List.of(i), List.of(c));
    }

    @Test
    void policyOrdersAdvertisedSuitesByStrengthAndSkipsOemAndMismatches() {
        List<CipherSuiteRecord> advertised = List.of(std(0, 0, 0, 0), std(1, 1, 0, 0), std(3, 1, 1, 1),
                std(4, 1, 1, 2), std(8, 2, 2, 1), std(12, 1, 1, 1),
                new CipherSuiteRecord(17, OptionalInt.of(0x1234), List.of(3), List.of(4), List.of(1)));
        assertThat(CipherSuitePolicy.candidates(advertised)).extracting(CipherSuite::id).containsExactly(3, 8, 1);
        assertThat(CipherSuitePolicy.candidates(List.of())).isEmpty();
        assertThat(CipherSuitePolicy.FALLBACK).extracting(CipherSuite::id).containsExactly(17, 3);
    }

    @Test
    void statusCodesCarryUserFacingCauses() {
        assertThat(RmcpPlusStatus.valueOf(0x0F).likelyCause()).contains("wrong password or wrong BMC key");
        assertThat(RmcpPlusStatus.valueOf(0x0D).likelyCause()).contains("unknown user");
        assertThat(RmcpPlusStatus.valueOf(0x11).likelyCause()).contains("cipher suite");
        RmcpPlusStatus vendor = RmcpPlusStatus.valueOf(0x99);
        assertThat(vendor.isKnown()).isFalse();
        assertThat(vendor.code()).isEqualTo(0x99);
        assertThat(vendor.toString()).contains("99h");
    }

    @Test
    void optionDefaults() {
        LanPlusOptions o = LanPlusOptions.builder("127.0.0.1").build();
        assertThat(o.address().getPort()).isEqualTo(623);
        assertThat(o.privilege()).isEqualTo(PrivilegeLevel.ADMINISTRATOR);
        assertThat(o.cipherSuite()).isEqualTo(CipherSuite.AUTO);
        assertThat(o.allowCipherZero()).isFalse();
        assertThat(o.nameOnlyLookup()).isTrue();
        assertThat(o.retry()).isEqualTo(RetryPolicy.DEFAULT);
        assertThat(o.hasKg()).isFalse();
        assertThat(o.keepalive()).isEqualTo(Duration.ofSeconds(30));
        assertThat(o.relogin()).isTrue();
        assertThat(o.cipherSuiteCache()).isSameAs(CipherSuiteCache.shared());
        assertThat(o.window()).isEqualTo(8);
    }

    @Test
    void windowIsBoundedLikeLanOptions() {
        assertThat(LanPlusOptions.builder("127.0.0.1").window(1).build().window()).isEqualTo(1);
        assertThat(LanPlusOptions.builder("127.0.0.1").window(32).build().window()).isEqualTo(32);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LanPlusOptions.builder("127.0.0.1").window(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("window must be 1..32: 0");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LanPlusOptions.builder("127.0.0.1").window(33))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void secretsNeverShowAndAreCopiedAndWiped() {
        char[] pw = "hunter2-secret".toCharArray();
        byte[] kg = "kgsecret".getBytes();
        LanPlusOptions o = LanPlusOptions.builder("127.0.0.1").credentials("admin", pw).kg(kg).build();
        java.util.Arrays.fill(pw, 'x');
        java.util.Arrays.fill(kg, (byte) 0);
        assertThat(o.toString()).doesNotContain("hunter2").doesNotContain("kgsecret").contains("redacted");
        assertThat(new String(OptionSecrets.password(o))).isEqualTo("hunter2-secret");
        assertThat(new String(OptionSecrets.kg(o))).isEqualTo("kgsecret");
        o.wipe();
        assertThat(OptionSecrets.password(o)).containsOnly(0);
        assertThat(OptionSecrets.kg(o)).containsOnly(0);
    }

    @Test
    void badCallerInputIsIllegalArgument() {
        assertThatThrownBy(() -> LanPlusOptions.builder("h").cipherSuite(CipherSuite.SUITE_0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("allowCipherZero");
        assertThat(LanPlusOptions.builder("h").cipherSuite(CipherSuite.SUITE_0).allowCipherZero(true).build()
                .cipherSuite()).isEqualTo(CipherSuite.SUITE_0);
        assertThatThrownBy(() -> LanPlusOptions.builder("h").credentials("", "123456789012345678901".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("12345678901");
        assertThatThrownBy(() -> LanPlusOptions.builder("h").credentials("seventeen-chars-x", new char[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LanPlusOptions.builder("h").privilege(PrivilegeLevel.HIGHEST))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LanPlusOptions.builder("h").port(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
