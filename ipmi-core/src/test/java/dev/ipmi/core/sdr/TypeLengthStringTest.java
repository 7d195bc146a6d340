package dev.ipmi.core.sdr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.core.MalformedMessageException;
import dev.ipmi.core.sdr.TypeLengthString.Encoding;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;
import dev.ipmi.testing.Vectors;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class TypeLengthStringTest {
    private static final Map<String, byte[]> SPEC = Vectors.load("sdr/type-length-spec.hex");

    private static TypeLengthString fru(String section) {
        return TypeLengthString.decodeFru(ByteReader.of(SPEC.get(section)), "field", true);
    }

    @Test
    void sixBitPackedExampleFromTheFruSpec() {
        TypeLengthString s = fru("six-bit-ipmi");
        assertThat(s.encoding()).isEqualTo(Encoding.SIX_BIT_ASCII);
        assertThat(s.text()).isEqualTo("IPMI");
        assertThat(TypeLengthString.decodeSdr(ByteReader.of(new byte[] {(byte) 0x84, 0x29, (byte) 0xDC, (byte) 0xA6}),
                "id").text()).isEqualTo("IPMI");
    }

    @Test
    void bcdPlusLatin1UnicodeAndBinary() {
        assertThat(fru("bcd-plus").text()).isEqualTo("1234 5-.");
        assertThat(fru("latin1").text()).isEqualTo("Café");
        assertThat(TypeLengthString.decodeSdr(ByteReader.of(SPEC.get("sdr-unicode")), "id").text()).isEqualTo("Fan");
        assertThat(fru("fru-binary").text()).isEqualTo("dead01");
        assertThat(fru("end-of-fields")).isNull();
    }

    @Test
    void nonEnglishFruTextIsTwoByteUnicode() {
        byte[] b = {(byte) 0xC4, 0x41, 0x00, 0x42, 0x00};
        assertThat(TypeLengthString.decodeFru(ByteReader.of(b), "f", false).text()).isEqualTo("AB");
    }

    @Test
    void sdrSixBitLengthCountsCharactersAsSdrcompWritesIt() {
        // sdrcomp's "LAB BMC": 87h (6-bit, 7 characters) followed by 6 bytes
        byte[] b = {(byte) 0x87, 0x6C, 0x28, 0x02, 0x62, 0x3B, 0x02};
        assertThat(TypeLengthString.decodeSdr(ByteReader.of(b), "id").text()).isEqualTo("LAB BMC");
    }

    @Provide
    Arbitrary<String> sixBitText() {
        return Arbitraries.strings().withCharRange(' ', '_').ofMinLength(0).ofMaxLength(20)
                .filter(s -> !s.endsWith(" "));
    }

    @Property(tries = 300)
    void sixBitRoundTripsInSdrAndFru(@ForAll("sixBitText") String text) {
        ByteWriter w = new ByteWriter();
        TypeLengthString.encodeSdr(text, Encoding.SIX_BIT_ASCII).encode(w, true);
        assertThat(TypeLengthString.decodeSdr(ByteReader.of(w.toByteArray()), "id").text()).isEqualTo(text);
        ByteWriter f = new ByteWriter();
        TypeLengthString.encodeFru(text, Encoding.SIX_BIT_ASCII).encode(f, false);
        if (f.toByteArray()[0] != (byte) 0xC1) {
            assertThat(TypeLengthString.decodeFru(ByteReader.of(f.toByteArray()), "f", true).text()).isEqualTo(text);
        }
    }

    @Provide
    Arbitrary<String> bcdText() {
        return Arbitraries.strings().withChars("0123456789 -.:,_").ofMaxLength(30).filter(s -> s.length() % 2 == 0);
    }

    @Property(tries = 200)
    void bcdPlusRoundTrips(@ForAll("bcdText") String text) {
        ByteWriter w = new ByteWriter();
        TypeLengthString.encodeFru(text, Encoding.BCD_PLUS).encode(w, false);
        assertThat(TypeLengthString.decodeFru(ByteReader.of(w.toByteArray()), "f", true).text()).isEqualTo(text);
    }

    @Provide
    Arbitrary<String> latin1() {
        return Arbitraries.strings().withCharRange((char) 0x20, (char) 0xFF).ofMinLength(2).ofMaxLength(31);
    }

    @Property(tries = 200)
    void latin1AndUnicodeRoundTrip(@ForAll("latin1") String text) {
        ByteWriter w = new ByteWriter();
        TypeLengthString.encodeSdr(text, Encoding.LATIN1).encode(w, true);
        assertThat(TypeLengthString.decodeSdr(ByteReader.of(w.toByteArray()), "id").text()).isEqualTo(text);
        String shortText = text.substring(0, Math.min(text.length(), 15));
        ByteWriter u = new ByteWriter();
        TypeLengthString.encodeSdr(shortText, Encoding.UNICODE_OR_BINARY).encode(u, true);
        assertThat(TypeLengthString.decodeSdr(ByteReader.of(u.toByteArray()), "id").text()).isEqualTo(shortText);
    }

    @Property(tries = 500)
    void arbitraryBytesDecodeOrFailTyped(@ForAll byte[] bytes, @ForAll boolean english) {
        try {
            TypeLengthString.decodeSdr(ByteReader.of(bytes), "id");
        } catch (MalformedMessageException expected) {
            // typed failure is fine
        }
        try {
            TypeLengthString.decodeFru(ByteReader.of(bytes), "f", english);
        } catch (MalformedMessageException expected) {
            // typed failure is fine
        }
    }
}
