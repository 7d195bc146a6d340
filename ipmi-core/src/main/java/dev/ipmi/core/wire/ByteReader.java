package dev.ipmi.core.wire;

import dev.ipmi.core.MalformedMessageException;
import dev.ipmi.core.types.ByteString;
import java.util.Arrays;

/**
 * Bounds-checked little-endian reader over untrusted bytes. Every read names its field, so a short
 * or corrupt message fails with a {@link MalformedMessageException} that says what was being read,
 * where, and shows the bytes. Nothing else escapes.
 */
public final class ByteReader {
    private final byte[] buf;
    private final int start;
    private final int end;
    private int pos;

    private ByteReader(byte[] buf, int start, int end) {
        this.buf = buf;
        this.start = start;
        this.end = end;
        this.pos = start;
    }

    public static ByteReader of(byte[] bytes) {
        return new ByteReader(bytes, 0, bytes.length);
    }

    public static ByteReader of(byte[] bytes, int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > bytes.length) {
            throw new IllegalArgumentException("slice " + offset + "+" + length + " outside " + bytes.length);
        }
        return new ByteReader(bytes, offset, offset + length);
    }

    /** Offset of the next byte, relative to the start of this reader. */
    public int position() {
        return pos - start;
    }

    public int remaining() {
        return end - pos;
    }

    public boolean hasRemaining() {
        return pos < end;
    }

    private void need(int n, String field) {
        if (end - pos < n) {
            throw malformed(field, "needs " + n + " byte" + (n == 1 ? "" : "s") + ", " + (end - pos) + " left");
        }
    }

    /** An error about the field just read or about to be read, with the whole buffer attached. */
    public MalformedMessageException malformed(String field, String problem) {
        return new MalformedMessageException(field, position(), Arrays.copyOfRange(buf, start, end), problem);
    }

    public int u8(String field) {
        need(1, field);
        return buf[pos++] & 0xFF;
    }

    public int s8(String field) {
        need(1, field);
        return buf[pos++];
    }

    public int u16(String field) {
        need(2, field);
        int v = (buf[pos] & 0xFF) | (buf[pos + 1] & 0xFF) << 8;
        pos += 2;
        return v;
    }

    public int u16be(String field) {
        need(2, field);
        int v = (buf[pos] & 0xFF) << 8 | (buf[pos + 1] & 0xFF);
        pos += 2;
        return v;
    }

    public int u24(String field) {
        need(3, field);
        int v = (buf[pos] & 0xFF) | (buf[pos + 1] & 0xFF) << 8 | (buf[pos + 2] & 0xFF) << 16;
        pos += 3;
        return v;
    }

    public long u32(String field) {
        need(4, field);
        long v = (buf[pos] & 0xFFL) | (buf[pos + 1] & 0xFFL) << 8 | (buf[pos + 2] & 0xFFL) << 16
                | (buf[pos + 3] & 0xFFL) << 24;
        pos += 4;
        return v;
    }

    /** 32-bit little-endian value as a Java int (for IDs and sequence numbers compared bitwise). */
    public int i32(String field) {
        return (int) u32(field);
    }

    public long u32be(String field) {
        need(4, field);
        long v = (buf[pos] & 0xFFL) << 24 | (buf[pos + 1] & 0xFFL) << 16 | (buf[pos + 2] & 0xFFL) << 8
                | (buf[pos + 3] & 0xFFL);
        pos += 4;
        return v;
    }

    public byte[] bytes(int n, String field) {
        if (n < 0) {
            throw malformed(field, "negative length " + n);
        }
        need(n, field);
        byte[] out = Arrays.copyOfRange(buf, pos, pos + n);
        pos += n;
        return out;
    }

    /** {@code n} bytes as an immutable {@link ByteString}. */
    public ByteString byteString(int n, String field) {
        return ByteString.of(bytes(n, field));
    }

    /** Everything left (possibly empty) as an immutable {@link ByteString}. */
    public ByteString restAsByteString() {
        return ByteString.of(rest());
    }

    /** Everything left (possibly empty). */
    public byte[] rest() {
        byte[] out = Arrays.copyOfRange(buf, pos, end);
        pos = end;
        return out;
    }

    /** Optional trailing byte: the value, or -1 when the message ended. */
    public int u8OrAbsent(String field) {
        return hasRemaining() ? u8(field) : -1;
    }

    public void skip(int n, String field) {
        need(n, field);
        pos += n;
    }

    /** A reader over the next {@code n} bytes, consumed from this one. */
    public ByteReader slice(int n, String field) {
        need(n, field);
        ByteReader r = new ByteReader(buf, pos, pos + n);
        pos += n;
        return r;
    }

    public void expectEnd(String what) {
        if (hasRemaining()) {
            throw malformed(what, remaining() + " unexpected trailing byte(s)");
        }
    }
}
