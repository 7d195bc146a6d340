package dev.ipmi.core.wire;

import dev.ipmi.core.types.ByteString;
import java.util.Arrays;

/** Growable little-endian writer. Values out of a field's range are caller bugs and fail loudly. */
public final class ByteWriter {
    private byte[] buf;
    private int len;

    public ByteWriter() {
        this(32);
    }

    public ByteWriter(int capacity) {
        buf = new byte[Math.max(capacity, 8)];
    }

    private void ensure(int extra) {
        if (len + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
        }
    }

    private static void check(long value, long max, String what) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(what + " out of range 0.." + max + ": " + value);
        }
    }

    public ByteWriter u8(int v) {
        check(v, 0xFF, "u8");
        ensure(1);
        buf[len++] = (byte) v;
        return this;
    }

    /** Writes the low 8 bits of {@code v} without range checking (for signed or pre-masked values). */
    public ByteWriter raw8(int v) {
        ensure(1);
        buf[len++] = (byte) v;
        return this;
    }

    public ByteWriter u16(int v) {
        check(v, 0xFFFF, "u16");
        ensure(2);
        buf[len++] = (byte) v;
        buf[len++] = (byte) (v >>> 8);
        return this;
    }

    public ByteWriter u16be(int v) {
        check(v, 0xFFFF, "u16");
        ensure(2);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
        return this;
    }

    public ByteWriter u24(int v) {
        check(v, 0xFFFFFF, "u24");
        ensure(3);
        buf[len++] = (byte) v;
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) (v >>> 16);
        return this;
    }

    public ByteWriter u32(long v) {
        check(v, 0xFFFFFFFFL, "u32");
        return i32((int) v);
    }

    /** 32 bits little-endian from an int taken bitwise (IDs, sequence numbers). */
    public ByteWriter i32(int v) {
        ensure(4);
        buf[len++] = (byte) v;
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) (v >>> 16);
        buf[len++] = (byte) (v >>> 24);
        return this;
    }

    public ByteWriter u32be(long v) {
        check(v, 0xFFFFFFFFL, "u32");
        ensure(4);
        buf[len++] = (byte) (v >>> 24);
        buf[len++] = (byte) (v >>> 16);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
        return this;
    }

    public ByteWriter bytes(ByteString b) {
        ensure(b.size());
        b.copyTo(buf, len);
        len += b.size();
        return this;
    }

    public ByteWriter bytes(byte[] b) {
        return bytes(b, 0, b.length);
    }

    public ByteWriter bytes(byte[] b, int off, int n) {
        ensure(n);
        System.arraycopy(b, off, buf, len, n);
        len += n;
        return this;
    }

    /** {@code b} zero-padded (or rejected if longer) to exactly {@code n} bytes. */
    public ByteWriter padded(byte[] b, int n) {
        if (b.length > n) {
            throw new IllegalArgumentException("value of " + b.length + " bytes exceeds field of " + n);
        }
        bytes(b);
        return zeros(n - b.length);
    }

    public ByteWriter zeros(int n) {
        ensure(n);
        Arrays.fill(buf, len, len + n, (byte) 0);
        len += n;
        return this;
    }

    public int size() {
        return len;
    }

    /** Overwrites one byte already written. */
    public void set(int index, int v) {
        if (index < 0 || index >= len) {
            throw new IndexOutOfBoundsException(index);
        }
        buf[index] = (byte) v;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }
}
