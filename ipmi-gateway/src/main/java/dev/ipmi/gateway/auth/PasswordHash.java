package dev.ipmi.gateway.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.spec.KeySpec;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes for {@code users[].password_hash}: PBKDF2-HMAC-SHA256 from the JDK, written as
 * {@code pbkdf2-sha256$<iterations>$<salt, base64>$<32-byte hash, base64>} (the layout Passlib and
 * Django use, with standard base64). {@code hash-password} prints one.
 */
public final class PasswordHash {
    public static final String PREFIX = "pbkdf2-sha256";
    /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
    public static final int DEFAULT_ITERATIONS = 600_000;
    private static final int MIN_ITERATIONS = 10_000;
    private static final int MAX_ITERATIONS = 10_000_000;

    private final int iterations;
    private final byte[] salt;
    private final byte[] hash;

    private PasswordHash(int iterations, byte[] salt, byte[] hash) {
        this.iterations = iterations;
        this.salt = salt;
        this.hash = hash;
    }

    /** Parses the stored form; the message of the exception says what is wrong without echoing the value. */
    public static PasswordHash parse(String text) {
        String[] parts = text.split("\\$", -1);
        if (parts.length != 4 || !parts[0].equals(PREFIX)) {
            throw new IllegalArgumentException("expected " + PREFIX + "$<iterations>$<salt>$<hash> (made by hash-password)");
        }
        int iterations;
        try {
            iterations = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("iteration count is not a number");
        }
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iteration count must be " + MIN_ITERATIONS + ".." + MAX_ITERATIONS);
        }
        try {
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] hash = Base64.getDecoder().decode(parts[3]);
            // hash-password makes 16-byte salts; shorter ones from other tools are accepted down to 4 bytes
            if (salt.length < 4 || hash.length != 32) {
                throw new IllegalArgumentException("salt must be at least 4 bytes and the hash 32 bytes");
            }
            return new PasswordHash(iterations, salt, hash);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("salt or hash is not valid base64 of the right length");
        }
    }

    /** Hashes a password with a fresh 16-byte salt. */
    public static String create(char[] password, int iterations) {
        byte[] salt = Secrets.randomBytes(16);
        byte[] hash = derive(password, salt, iterations);
        return PREFIX + "$" + iterations + "$" + Base64.getEncoder().encodeToString(salt) + "$"
                + Base64.getEncoder().encodeToString(hash);
    }

    public int iterations() {
        return iterations;
    }

    public boolean matches(char[] password) {
        return MessageDigest.isEqual(derive(password, salt, iterations), hash);
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        KeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks PBKDF2WithHmacSHA256", e);
        } finally {
            ((PBEKeySpec) spec).clearPassword();
        }
    }

    @Override
    public String toString() {
        return PREFIX + "$" + iterations + "$***";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PasswordHash p && p.iterations == iterations && Arrays.equals(p.salt, salt)
                && Arrays.equals(p.hash, hash);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hash);
    }
}
