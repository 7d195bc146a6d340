package dev.ipmi.core.commands.app;

import dev.ipmi.core.wire.ByteReader;
import java.nio.charset.StandardCharsets;

/** The 16-byte NUL-padded user name field of Get/Set User Name (IPMI v2.0 §22.28, §22.29). */
final class UserNames {
    static final int LENGTH = 16;

    private UserNames() {}

    static void check(String name) {
        if (name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("user name must not contain NUL");
        }
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) > 0xFF) {
                throw new IllegalArgumentException("user name must be Latin-1 text");
            }
        }
        if (name.length() > LENGTH) {
            throw new IllegalArgumentException("user name is at most 16 bytes: '" + name + "'");
        }
    }

    static byte[] bytes(String name) {
        return name.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Reads 16 bytes; the name ends at the first NUL. */
    static String read(ByteReader in, String field) {
        byte[] b = in.bytes(LENGTH, field);
        int n = 0;
        while (n < b.length && b[n] != 0) {
            n++;
        }
        return new String(b, 0, n, StandardCharsets.ISO_8859_1);
    }
}
