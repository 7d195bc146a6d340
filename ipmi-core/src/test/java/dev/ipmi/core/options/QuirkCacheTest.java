package dev.ipmi.core.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class QuirkCacheTest {
    private static final InetSocketAddress A = new InetSocketAddress("127.0.0.1", 623);
    private static final InetSocketAddress B = new InetSocketAddress("127.0.0.1", 624);

    @Test
    void remembersPerAddressAndForgetsOneQuirkOrAll() {
        QuirkCache c = new QuirkCache();
        c.add(A, Quirk.INTEL_2_0);
        c.add(A, Quirk.HMAC_MD5_128_KEYED_WITH_PASSWORD);
        c.add(B, Quirk.ID_ZERO);
        assertThat(c.get(A)).containsExactlyInAnyOrder(Quirk.INTEL_2_0, Quirk.HMAC_MD5_128_KEYED_WITH_PASSWORD);
        c.remove(A, Quirk.INTEL_2_0);
        assertThat(c.get(A)).containsExactly(Quirk.HMAC_MD5_128_KEYED_WITH_PASSWORD);
        c.remove(A, Quirk.HMAC_MD5_128_KEYED_WITH_PASSWORD);
        assertThat(c.get(A)).isEmpty();
        c.remove(A, Quirk.ID_ZERO);
        assertThat(c.get(B)).containsExactly(Quirk.ID_ZERO);
        c.forget(B);
        assertThat(c.get(B)).isEmpty();
    }

    @Test
    void aCopyIsReturnedAndOptInQuirksAreNeverRemembered() {
        QuirkCache c = new QuirkCache();
        c.add(A, Quirk.ID_ZERO);
        c.get(A).add(Quirk.ENDIAN_SEQ);
        assertThat(c.get(A)).containsExactly(Quirk.ID_ZERO);
        assertThatThrownBy(() -> c.add(A, Quirk.NO_CHECKSUM_CHECK)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NO_CHECKSUM_CHECK");
    }
}
