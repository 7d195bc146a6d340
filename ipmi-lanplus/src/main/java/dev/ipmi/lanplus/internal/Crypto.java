package dev.ipmi.lanplus.internal;

import dev.ipmi.core.types.AuthenticationAlgorithm;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.SecureRandomSpi;
import java.util.Arrays;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.MD5Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/** The primitives RMCP+ needs, on the BouncyCastle lightweight API (no JCA provider registration). */
public final class Crypto {
    public static final int AES_BLOCK = 16;
    private static final SecureRandom RANDOM = KernelRandom.orDefault();

    private Crypto() {}

    public enum Hash {
        SHA1, MD5, SHA256;

        Digest newDigest() {
            return switch (this) {
                case SHA1 -> new SHA1Digest();
                case MD5 -> new MD5Digest();
                case SHA256 -> new SHA256Digest();
            };
        }

        public static Hash of(AuthenticationAlgorithm a) {
            return switch (a) {
                case RAKP_HMAC_SHA1 -> SHA1;
                case RAKP_HMAC_MD5 -> MD5;
                case RAKP_HMAC_SHA256 -> SHA256;
                case RAKP_NONE -> throw new IllegalArgumentException("RAKP-none has no hash");
            };
        }
    }

    /** HMAC over the concatenation of {@code parts}. */
    public static byte[] hmac(Hash hash, byte[] key, byte[]... parts) {
        HMac mac = new HMac(hash.newDigest());
        mac.init(new KeyParameter(key));
        for (byte[] p : parts) {
            mac.update(p, 0, p.length);
        }
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return out;
    }

    /** HMAC over {@code data[off, off+len)}. */
    public static byte[] hmac(Hash hash, byte[] key, byte[] data, int off, int len) {
        HMac mac = new HMac(hash.newDigest());
        mac.init(new KeyParameter(key));
        mac.update(data, off, len);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return out;
    }

    public static byte[] digest(Hash hash, byte[]... parts) {
        Digest d = hash.newDigest();
        for (byte[] p : parts) {
            d.update(p, 0, p.length);
        }
        byte[] out = new byte[d.getDigestSize()];
        d.doFinal(out, 0);
        return out;
    }

    /** AES-128 in CBC mode without padding; {@code data} must be a multiple of 16 bytes. */
    public static byte[] aesCbc(boolean encrypt, byte[] key16, byte[] iv, byte[] data, int off, int len) {
        if (len % AES_BLOCK != 0) {
            throw new IllegalArgumentException("AES-CBC data must be a multiple of 16 bytes, got " + len);
        }
        CBCBlockCipher cbc = (CBCBlockCipher) CBCBlockCipher.newInstance(AESEngine.newInstance());
        cbc.init(encrypt, new ParametersWithIV(new KeyParameter(key16, 0, 16), iv));
        byte[] out = new byte[len];
        for (int i = 0; i < len; i += AES_BLOCK) {
            cbc.processBlock(data, off + i, out, i);
        }
        return out;
    }

    private static final java.util.concurrent.atomic.AtomicBoolean WARMED = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * Loads and exercises the primitives once, on another thread, so that in a fresh JVM the class
     * loading and first-use costs overlap the pre-session round trips instead of delaying RAKP.
     */
    public static void warmUpInBackground() {
        if (!WARMED.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(() -> {
            byte[] k = new byte[20];
            for (Hash h : Hash.values()) {
                hmac(h, k, k);
            }
            digest(Hash.MD5, k);
            aesCbc(true, new byte[16], new byte[16], new byte[16], 0, 16);
            random(16);
        }, "ipmi-crypto-warmup");
        t.setDaemon(true);
        t.start();
    }

    /**
     * The one SecureRandom of the library: the first use of a SecureRandom seeds it (on Linux that
     * can take a noticeable time), so all randomness comes from this instance and is paid once.
     * Where the kernel offers {@code /dev/urandom} it is read directly ({@link KernelRandom}).
     */
    public static SecureRandom secureRandom() {
        return RANDOM;
    }

    public static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    /** Constant-time comparison of a received MAC with the expected one. */
    public static boolean macEquals(byte[] expected, byte[] received) {
        return MessageDigest.isEqual(expected, received);
    }

    /** Constant-time comparison of {@code expected} with {@code received[off, off+expected.length)}. */
    public static boolean macEquals(byte[] expected, byte[] received, int off, int len) {
        if (len != expected.length || off < 0 || off + len > received.length) {
            return false;
        }
        return MessageDigest.isEqual(expected, Arrays.copyOfRange(received, off, off + len));
    }

    public static byte[] truncate(byte[] b, int n) {
        if (b.length == n) {
            return b;
        }
        byte[] out = new byte[n];
        System.arraycopy(b, 0, out, 0, n);
        return out;
    }

    public static void wipe(byte[] b) {
        if (b != null) {
            java.util.Arrays.fill(b, (byte) 0);
        }
    }

    /**
     * The kernel's random source read directly. The JDK's default on Linux ({@code NativePRNG})
     * reads the same device and XORs it with a SHA1PRNG stream, but setting that up (the provider
     * list, the SUN provider, SHA-1, VarHandles) costs a fresh JVM about 30 ms of CPU, a tenth of
     * a one-shot {@code ipmi power status}. The device gives the same guarantees on its own, and
     * {@code setSeed} may only add to a SecureRandom's entropy, so ignoring it is allowed. Where
     * the device cannot be opened (Windows) the JDK's default SecureRandom is used.
     */
    static final class KernelRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;
        static final String DEVICE = "/dev/urandom";

        private KernelRandom(InputStream in) {
            super(new Spi(in), null);
        }

        static SecureRandom orDefault() {
            try {
                return new KernelRandom(new FileInputStream(DEVICE));
            } catch (IOException | SecurityException e) {
                return new SecureRandom();
            }
        }

        @Override
        public String getAlgorithm() {
            return "kernel " + DEVICE;
        }

        private static final class Spi extends SecureRandomSpi {
            private static final long serialVersionUID = 1L;
            private final transient InputStream in;

            Spi(InputStream in) {
                this.in = in;
            }

            @Override
            protected void engineSetSeed(byte[] seed) {
                // the kernel pool is seeded by the kernel; a caller's seed cannot make it weaker or stronger here
            }

            @Override
            protected void engineNextBytes(byte[] bytes) {
                try {
                    int off = 0;
                    // bounded: each read returns at least one byte or fails
                    while (off < bytes.length) {
                        int n = in.read(bytes, off, bytes.length - off);
                        if (n <= 0) {
                            throw new IOException("end of " + DEVICE);
                        }
                        off += n;
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + DEVICE, e);
                }
            }

            @Override
            protected byte[] engineGenerateSeed(int numBytes) {
                byte[] b = new byte[numBytes];
                engineNextBytes(b);
                return b;
            }
        }
    }
}
