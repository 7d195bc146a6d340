package dev.ipmi.core.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class ByteStringTest {

    @Test
    void copiesInAndOut() {
        byte[] source = {1, 2, 3};
        ByteString b = ByteString.of(source);
        source[0] = 9;
        assertThat(b.get(0)).isEqualTo((byte) 1);
        byte[] out = b.toByteArray();
        out[1] = 9;
        assertThat(b.get(1)).isEqualTo((byte) 2);
    }

    @Test
    void hexAndToString() {
        ByteString b = ByteString.ofUnsigned(0x0A, 0xFF, 0x20);
        assertThat(b.hex()).isEqualTo("0aff20");
        assertThat(b.spacedHex()).isEqualTo("0a ff 20");
        assertThat(b).hasToString("[hex=0aff20]");
        assertThat(ByteString.EMPTY).hasToString("[size=0]");
        assertThat(ByteString.of(new byte[100]).toString()).startsWith("[size=100 hex=").endsWith("…]");
        assertThat(b.u8(1)).isEqualTo(0xFF);
        assertThat(b.get(1)).isEqualTo((byte) -1);
    }

    @Test
    void rejectsBadIndexesAndValues() {
        ByteString b = ByteString.of((byte) 1);
        assertThatThrownBy(() -> b.get(1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> b.substring(0, 2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> ByteString.copyOf(new byte[2], 1, 2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> ByteString.ofUnsigned(256)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("256");
        assertThatThrownBy(() -> ByteString.of((byte[]) null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void substringAndPrefix() {
        ByteString b = ByteString.fromHex("00112233");
        assertThat(b.substring(1, 3)).isEqualTo(ByteString.fromHex("1122"));
        assertThat(b.substring(2, 2)).isSameAs(ByteString.EMPTY);
        assertThat(b.startsWith(ByteString.fromHex("0011"))).isTrue();
        assertThat(b.startsWith(ByteString.fromHex("11"))).isFalse();
        assertThat(ByteString.copyOf(b.toByteArray(), 1, 2)).isEqualTo(ByteString.fromHex("1122"));
    }

    @Test
    void readerAndWriter() {
        ByteReader in = ByteReader.of(new byte[] {1, 2, 3, 4});
        assertThat(in.byteString(2, "head")).isEqualTo(ByteString.of((byte) 1, (byte) 2));
        assertThat(in.restAsByteString()).isEqualTo(ByteString.of((byte) 3, (byte) 4));
        assertThat(in.restAsByteString()).isEqualTo(ByteString.EMPTY);
        assertThat(new ByteWriter(1).u8(7).bytes(ByteString.fromHex("0809")).toByteArray())
                .containsExactly(7, 8, 9);
    }

    @Property
    void equalityFollowsContent(@ForAll byte[] a, @ForAll byte[] b) {
        ByteString x = ByteString.of(a);
        ByteString y = ByteString.of(b);
        assertThat(x.equals(y)).isEqualTo(Arrays.equals(a, b));
        assertThat(x).isEqualTo(ByteString.of(a.clone())).hasSameHashCodeAs(ByteString.of(a.clone()));
        assertThat(Integer.signum(x.compareTo(y))).isEqualTo(Integer.signum(Arrays.compareUnsigned(a, b)));
    }

    @Property
    void hexRoundTrips(@ForAll byte[] a) {
        ByteString x = ByteString.of(a);
        assertThat(ByteString.fromHex(x.hex())).isEqualTo(x);
        assertThat(x.size()).isEqualTo(a.length);
        assertThat(x.toByteArray()).isEqualTo(a);
    }
}
