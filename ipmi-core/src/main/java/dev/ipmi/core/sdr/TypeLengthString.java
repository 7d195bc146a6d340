package dev.ipmi.core.sdr;

import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A string behind a type/length byte, as used by SDR ID strings (IPMI v2.0 §43.15) and FRU fields
 * (Platform Management FRU Information Storage Definition v1.0 §13). Bits [7:6] select the
 * encoding; the low bits give the length.
 *
 * <p>The two users disagree on what the length counts. FRU counts bytes (bits [5:0]). SDRs use bits
 * [4:0] and OpenIPMI's {@code sdrcomp} counts <em>characters</em> for 6-bit packed ASCII (a
 * 7-character name in 6 bytes says 7), so the SDR decoder reads at most the bytes that many
 * characters need and never more than the record holds.
 *
 * @param encoding the encoding from bits [7:6]
 * @param raw      the encoded bytes as stored
 * @param text     the decoded text (hex digits for binary FRU fields)
 */
public record TypeLengthString(Encoding encoding, byte[] raw, String text) {

    /** Type code bits [7:6]. */
    public enum Encoding {
        /** 00b: SDR "Unicode" (two bytes a character, LS byte first); FRU "binary or unspecified". */
        UNICODE_OR_BINARY,
        /** 01b: BCD plus (0–9, space, dash, period; ipmitool shows D/E/F as ':' ',' '_'). */
        BCD_PLUS,
        /** 10b: 6-bit packed ASCII (characters 20h–5Fh, four in three bytes). */
        SIX_BIT_ASCII,
        /** 11b: 8-bit ASCII + Latin-1 (FRU: 2-byte Unicode when the area language is not English). */
        LATIN1;

        public int code() {
            return ordinal();
        }
    }

    /** FRU "end of fields" marker C1h. */
    public static final int END_OF_FIELDS = 0xC1;
    private static final String BCD_PLUS = "0123456789 -.:,_";

    public TypeLengthString {
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(text, "text");
        raw = raw.clone();
    }

    public static final TypeLengthString EMPTY = new TypeLengthString(Encoding.LATIN1, new byte[0], "");

    @Override
    public byte[] raw() {
        return raw.clone();
    }

    public boolean isEmpty() {
        return raw.length == 0;
    }

    /** Decodes an SDR ID string: type/length byte then data, bounded by what is left of the record. */
    public static TypeLengthString decodeSdr(ByteReader in, String field) {
        int tl = in.u8(field + " type/length");
        Encoding enc = Encoding.values()[tl >>> 6];
        int n = tl & 0x1F;
        if (enc == Encoding.SIX_BIT_ASCII) {
            int bytes = Math.min((n * 6 + 7) / 8, in.remaining());
            byte[] b = in.bytes(bytes, field);
            String s = sixBit(b);
            return new TypeLengthString(enc, b, s.substring(0, Math.min(n, s.length())));
        }
        byte[] b = in.bytes(Math.min(n, in.remaining()), field);
        return new TypeLengthString(enc, b, decodeText(enc, b, true, true));
    }

    /**
     * Decodes one FRU field. Returns null at the end-of-fields marker C1h (which is consumed).
     *
     * @param english whether the area's language code is English (0 or 25); otherwise 8-bit fields
     *                hold 2-byte Unicode
     */
    public static TypeLengthString decodeFru(ByteReader in, String field, boolean english) {
        int tl = in.u8(field + " type/length");
        if (tl == END_OF_FIELDS) {
            return null;
        }
        Encoding enc = Encoding.values()[tl >>> 6];
        byte[] b = in.bytes(tl & 0x3F, field);
        return new TypeLengthString(enc, b, decodeText(enc, b, english, false));
    }

    private static String decodeText(Encoding enc, byte[] b, boolean english, boolean sdr) {
        return switch (enc) {
            case UNICODE_OR_BINARY -> sdr ? utf16(b) : hex(b);
            case BCD_PLUS -> bcdPlus(b);
            case SIX_BIT_ASCII -> sixBit(b);
            case LATIN1 -> english ? new String(b, StandardCharsets.ISO_8859_1) : utf16(b);
        };
    }

    private static String hex(byte[] b) {
        StringBuilder s = new StringBuilder(b.length * 2);
        for (byte x : b) {
            s.append(String.format("%02x", x & 0xFF));
        }
        return s.toString();
    }

    private static String utf16(byte[] b) {
        return new String(b, 0, b.length & ~1, StandardCharsets.UTF_16LE);
    }

    private static String bcdPlus(byte[] b) {
        StringBuilder s = new StringBuilder(b.length * 2);
        for (byte x : b) {
            s.append(BCD_PLUS.charAt((x >>> 4) & 0x0F)).append(BCD_PLUS.charAt(x & 0x0F));
        }
        return s.toString();
    }

    /** Four 6-bit characters per three bytes, first character in the low bits of the first byte. */
    static String sixBit(byte[] b) {
        StringBuilder s = new StringBuilder(b.length * 4 / 3 + 1);
        int bits = 0;
        int acc = 0;
        for (byte x : b) {
            acc |= (x & 0xFF) << bits;
            bits += 8;
            while (bits >= 6) {
                s.append((char) ((acc & 0x3F) + 0x20));
                acc >>>= 6;
                bits -= 6;
            }
        }
        int end = s.length();
        // packing pads the last group with zero bits, which decode as spaces
        int fewest = b.length == 0 ? 0 : (b.length - 1) * 8 / 6 + 1;
        while (end > fewest && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(0, end);
    }

    /** Encodes text (SDR flavour: 6-bit length counts characters). For writers and round-trip tests. */
    public static TypeLengthString encodeSdr(String text, Encoding enc) {
        byte[] b = encodeBytes(text, enc);
        int n = enc == Encoding.SIX_BIT_ASCII ? text.length() : b.length;
        if (n > 0x1F) {
            throw new IllegalArgumentException("SDR ID string too long: " + n);
        }
        return new TypeLengthString(enc, b, text);
    }

    /** Encodes text for a FRU field (length counts bytes). */
    public static TypeLengthString encodeFru(String text, Encoding enc) {
        byte[] b = encodeBytes(text, enc);
        if (b.length > 0x3F || (enc == Encoding.LATIN1 && b.length == 1)) {
            throw new IllegalArgumentException("FRU field of " + b.length + " bytes cannot be encoded");
        }
        return new TypeLengthString(enc, b, text);
    }

    /** Writes the type/length byte and data; {@code sdr} selects the length rule. */
    public void encode(ByteWriter out, boolean sdr) {
        int n = sdr && encoding == Encoding.SIX_BIT_ASCII ? text.length() : raw.length;
        out.u8(encoding.code() << 6 | n);
        out.bytes(raw);
    }

    private static byte[] encodeBytes(String text, Encoding enc) {
        switch (enc) {
            case LATIN1 -> {
                for (char c : text.toCharArray()) {
                    if (c > 0xFF) {
                        throw new IllegalArgumentException("not Latin-1: " + text);
                    }
                }
                return text.getBytes(StandardCharsets.ISO_8859_1);
            }
            case UNICODE_OR_BINARY -> {
                return text.getBytes(StandardCharsets.UTF_16LE);
            }
            case BCD_PLUS -> {
                if (text.length() % 2 != 0) {
                    throw new IllegalArgumentException("BCD plus holds two characters a byte: " + text);
                }
                byte[] b = new byte[text.length() / 2];
                for (int i = 0; i < text.length(); i++) {
                    int d = BCD_PLUS.indexOf(text.charAt(i));
                    if (d < 0) {
                        throw new IllegalArgumentException("not a BCD plus character: " + text.charAt(i));
                    }
                    b[i / 2] |= (byte) (i % 2 == 0 ? d << 4 : d);
                }
                return b;
            }
            case SIX_BIT_ASCII -> {
                ByteWriter w = new ByteWriter();
                int acc = 0;
                int bits = 0;
                for (char c : text.toCharArray()) {
                    if (c < 0x20 || c > 0x5F) {
                        throw new IllegalArgumentException("not 6-bit ASCII: " + c);
                    }
                    acc |= (c - 0x20) << bits;
                    bits += 6;
                    while (bits >= 8) {
                        w.u8(acc & 0xFF);
                        acc >>>= 8;
                        bits -= 8;
                    }
                }
                if (bits > 0) {
                    w.u8(acc & 0xFF);
                }
                return w.toByteArray();
            }
            default -> throw new IllegalStateException(enc.name());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TypeLengthString t && t.encoding == encoding && Arrays.equals(t.raw, raw)
                && t.text.equals(text);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(raw) * 31 + text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
