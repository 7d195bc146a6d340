package dev.ipmi.core.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/** The one place where password characters become bytes: nothing but the returned array keeps them. */
public final class Secrets {
    private Secrets() {}

    /** UTF-8 bytes of {@code chars}; the encoder's scratch buffer is wiped. */
    public static byte[] utf8(char[] chars) {
        Objects.requireNonNull(chars, "password");
        ByteBuffer bb = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] out = new byte[bb.remaining()];
        bb.get(out);
        if (bb.hasArray()) {
            Arrays.fill(bb.array(), (byte) 0);
        }
        return out;
    }

    /**
     * Like {@link #utf8(char[])}, refusing (and wiping) more than {@code maxBytes} bytes with a
     * message that names the limit, never the value.
     */
    public static byte[] utf8(char[] chars, int maxBytes, String what) {
        byte[] b = utf8(chars);
        if (b.length > maxBytes) {
            Arrays.fill(b, (byte) 0);
            throw new IllegalArgumentException(what + " are at most " + maxBytes + " bytes");
        }
        return b;
    }
}
