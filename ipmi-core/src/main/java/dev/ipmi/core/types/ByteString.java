package dev.ipmi.core.types;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An immutable sequence of bytes with value semantics: equality and hash over the content and a hex
 * {@code toString}. Records that carry bytes use it as a component so their generated
 * {@code equals}, {@code hashCode} and {@code toString} are correct without hand-written overrides
 * (a {@code byte[]} component compares by identity and prints as {@code [B@1b6d3586}).
 *
 * <p>Modelled on Okio's {@code ByteString}. Every way in copies the caller's array and every way
 * out ({@link #toByteArray()}) hands out a copy, so no one can change the content after
 * construction.
 *
 * <p>Do not use it for secrets: its {@code toString} prints the content. Keys and passwords stay in
 * arrays that their owner wipes, and records holding them redact their {@code toString}.
 */
public final class ByteString implements Comparable<ByteString> {
    /** The empty byte string. */
    public static final ByteString EMPTY = new ByteString(new byte[0]);

    private static final HexFormat HEX = HexFormat.of();
    private static final HexFormat SPACED = HexFormat.ofDelimiter(" ");

    private final byte[] bytes;
    private int hash;

    private ByteString(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A byte string holding a copy of {@code bytes}. */
    public static ByteString of(byte... bytes) {
        Objects.requireNonNull(bytes, "bytes");
        return bytes.length == 0 ? EMPTY : new ByteString(bytes.clone());
    }

    /** A byte string holding a copy of {@code length} bytes of {@code bytes} from {@code offset}. */
    public static ByteString copyOf(byte[] bytes, int offset, int length) {
        Objects.requireNonNull(bytes, "bytes");
        Objects.checkFromIndexSize(offset, length, bytes.length);
        return length == 0 ? EMPTY : new ByteString(Arrays.copyOfRange(bytes, offset, offset + length));
    }

    /** A byte string holding a copy of {@code bytes}; same as {@link #of(byte...)}. */
    public static ByteString copyOf(byte[] bytes) {
        return of(bytes);
    }

    /** Parses hex digits, upper or lower case, with no separators ({@code "0aff20"}). */
    public static ByteString fromHex(String hex) {
        Objects.requireNonNull(hex, "hex");
        return new ByteString(HEX.parseHex(hex));
    }

    /** A byte string of the low eight bits of each value, for literals without casts. */
    public static ByteString ofUnsigned(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0 || values[i] > 0xFF) {
                throw new IllegalArgumentException("byte value " + i + " is 0..255: " + values[i]);
            }
            b[i] = (byte) values[i];
        }
        return new ByteString(b);
    }

    /** Number of bytes. */
    public int size() {
        return bytes.length;
    }

    public boolean isEmpty() {
        return bytes.length == 0;
    }

    /** The byte at {@code index}, signed as Java bytes are. */
    public byte get(int index) {
        return bytes[Objects.checkIndex(index, bytes.length)];
    }

    /** The byte at {@code index} as 0..255. */
    public int u8(int index) {
        return get(index) & 0xFF;
    }

    /** A copy of the content. */
    public byte[] toByteArray() {
        return bytes.clone();
    }

    /** Copies the content into {@code target} at {@code offset}. */
    public void copyTo(byte[] target, int offset) {
        System.arraycopy(bytes, 0, target, offset, bytes.length);
    }

    /** The bytes from {@code begin} (inclusive) to {@code end} (exclusive). */
    public ByteString substring(int begin, int end) {
        Objects.checkFromToIndex(begin, end, bytes.length);
        if (begin == 0 && end == bytes.length) {
            return this;
        }
        return end == begin ? EMPTY : new ByteString(Arrays.copyOfRange(bytes, begin, end));
    }

    /** Whether the content starts with {@code prefix}. */
    public boolean startsWith(ByteString prefix) {
        return prefix.bytes.length <= bytes.length
                && Arrays.equals(bytes, 0, prefix.bytes.length, prefix.bytes, 0, prefix.bytes.length);
    }

    /** Lower-case hex without separators ({@code "0aff20"}). */
    public String hex() {
        return HEX.formatHex(bytes);
    }

    /** Lower-case hex with a space between bytes ({@code "0a ff 20"}), as the diagnostics print bytes. */
    public String spacedHex() {
        return SPACED.formatHex(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ByteString other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0 && bytes.length > 0) {
            h = Arrays.hashCode(bytes);
            hash = h;
        }
        return h;
    }

    /** Unsigned lexicographic order. */
    @Override
    public int compareTo(ByteString other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
    }

    /** {@code [hex=0aff20]}, or {@code [size=0]} for the empty string; at most 64 bytes are shown. */
    @Override
    public String toString() {
        if (bytes.length == 0) {
            return "[size=0]";
        }
        if (bytes.length <= 64) {
            return "[hex=" + hex() + "]";
        }
        return "[size=" + bytes.length + " hex=" + HEX.formatHex(bytes, 0, 64) + "…]";
    }
}
