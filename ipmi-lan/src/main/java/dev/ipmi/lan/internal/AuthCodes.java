package dev.ipmi.lan.internal;

import dev.ipmi.core.types.AuthType;
import java.security.MessageDigest;
import java.util.Arrays;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.MD2Digest;
import org.bouncycastle.crypto.digests.MD5Digest;

/**
 * IPMI 1.5 AuthCode (IPMI v2.0 §22.17.1, table 22-22, multi-session form used on LAN): for MD2 and
 * MD5 {@code H(password ‖ sessionId ‖ message ‖ sequence ‖ password)} with the password
 * zero-padded to 16 bytes and the integers little-endian; for straight password the padded
 * password itself; nothing for NONE. BouncyCastle supplies MD2, which the JDK no longer offers
 * everywhere.
 */
public final class AuthCodes {
    public static final int PASSWORD_LENGTH = 16;

    private AuthCodes() {}

    /** The password zero-padded to 16 bytes; longer passwords are refused (1.5 cannot carry them). */
    public static byte[] pad(byte[] password) {
        if (password.length > PASSWORD_LENGTH) {
            throw new IllegalArgumentException("IPMI 1.5 passwords are at most 16 bytes (got " + password.length + ")");
        }
        return Arrays.copyOf(password, PASSWORD_LENGTH);
    }

    /** The 16-byte AuthCode (empty for NONE). {@code pw16} must be {@link #pad padded}. */
    public static byte[] compute(AuthType type, byte[] pw16, int sessionId, byte[] message, int sequence) {
        if (type.equals(AuthType.NONE)) {
            return new byte[0];
        }
        if (type.equals(AuthType.PASSWORD)) {
            return pw16.clone();
        }
        Digest d;
        if (type.equals(AuthType.MD5)) {
            d = new MD5Digest();
        } else if (type.equals(AuthType.MD2)) {
            d = new MD2Digest();
        } else {
            throw new IllegalArgumentException("no AuthCode algorithm for auth type " + type);
        }
        d.update(pw16, 0, pw16.length);
        update32(d, sessionId);
        d.update(message, 0, message.length);
        update32(d, sequence);
        d.update(pw16, 0, pw16.length);
        byte[] out = new byte[d.getDigestSize()];
        d.doFinal(out, 0);
        return out;
    }

    private static void update32(Digest d, int v) {
        d.update((byte) v);
        d.update((byte) (v >>> 8));
        d.update((byte) (v >>> 16));
        d.update((byte) (v >>> 24));
    }

    /** Constant-time check of a received packet's AuthCode. */
    public static boolean verify(Ipmi15Packet p, byte[] pw16) {
        byte[] expected = compute(p.authType(), pw16, p.sessionId(), p.message(), p.sequence());
        return MessageDigest.isEqual(expected, p.authCode());
    }
}
