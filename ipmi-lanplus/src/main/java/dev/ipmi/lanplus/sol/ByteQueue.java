package dev.ipmi.lanplus.sol;

import java.util.Arrays;

/** Growable FIFO of bytes; the unacknowledged console output lives here until the BMC accepts it. */
final class ByteQueue {
    private byte[] buf = new byte[256];
    private int head;
    private int size;

    int size() {
        return size;
    }

    void append(byte[] b, int off, int len) {
        if (size + len > buf.length) {
            byte[] n = new byte[Math.max(buf.length * 2, size + len)];
            copyOut(n, 0, size);
            buf = n;
            head = 0;
        }
        int tail = (head + size) % buf.length;
        int first = Math.min(len, buf.length - tail);
        System.arraycopy(b, off, buf, tail, first);
        System.arraycopy(b, off + first, buf, 0, len - first);
        size += len;
    }

    /** The first {@code n} bytes, not removed. */
    byte[] peek(int n) {
        byte[] out = new byte[Math.min(n, size)];
        copyOut(out, 0, out.length);
        return out;
    }

    void drop(int n) {
        int k = Math.min(n, size);
        head = (head + k) % buf.length;
        size -= k;
        if (size == 0) {
            head = 0;
        }
    }

    void clear() {
        Arrays.fill(buf, (byte) 0);
        head = 0;
        size = 0;
    }

    private void copyOut(byte[] dst, int off, int n) {
        int first = Math.min(n, buf.length - head);
        System.arraycopy(buf, head, dst, off, first);
        System.arraycopy(buf, 0, dst, off + first, n - first);
    }
}
