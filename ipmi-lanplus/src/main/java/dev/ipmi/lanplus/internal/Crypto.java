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
import org.bouncycastle.crypto.digests.EncodableDigest;
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

        /** A digest resumed from {@link EncodableDigest#getEncodedState()} of the same algorithm. */
        Digest resume(byte[] encodedState) {
            return switch (this) {
                case SHA1 -> new SHA1Digest(encodedState);
                case MD5 -> new MD5Digest(encodedState);
                case SHA256 -> new SHA256Digest(encodedState);
            };
        }

        int digestSize() {
            return switch (this) {
                case SHA1 -> 20;
                case MD5 -> 16;
                case SHA256 -> 32;
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

    /**
     * An HMAC key prepared once (RFC 2104 §2): the hash's chaining value after the block
     * {@code key XOR ipad} and after the block {@code key XOR opad}, so that each MAC costs only the
     * compressions of the message and one of the outer hash, instead of keying a new {@link HMac}
     * (two more compressions and three digests) per packet.
     *
     * <p>Small on purpose, since one is held per open session (fleets keep thousands): only the two
     * chaining values, 40 bytes for SHA-1, 32 for MD5, 64 for SHA-256. Each MAC resumes two
     * short-lived BouncyCastle digests from them through the digest's encoded state (the rest of
     * which is the same for every key after one block); BouncyCastle cannot load a state into an
     * existing digest, and two live digests per session would hold about 860 bytes. Immutable until
     * {@link #close}, so one instance may be used from any thread. The chaining values are as secret
     * as the key: never printed, wiped by {@link #close}.
     */
    public static final class HmacKey implements AutoCloseable {
        private static final int BLOCK = 64;
        /** Where BouncyCastle's encoded digest state holds the chaining value: after xBuf, xBufOff, byteCount. */
        private static final int CHAINING_AT = 16;
        private final Hash hash;
        /** The chaining value after the ipad block, then the one after the opad block. */
        private final byte[] chaining;

        public HmacKey(Hash hash, byte[] key) {
            this.hash = hash;
            int size = hash.digestSize();
            byte[] k = key.length > BLOCK ? digest(hash, key) : key;
            byte[] pad = new byte[BLOCK];
            this.chaining = new byte[2 * size];
            try {
                afterOneBlock(hash, k, pad, (byte) 0x36, chaining, 0);
                afterOneBlock(hash, k, pad, (byte) 0x5C, chaining, size);
            } finally {
                wipe(pad);
                if (k != key) {
                    wipe(k);
                }
            }
        }

        /** Hashes the pad block and copies out the chaining value, checking the encoded state's layout. */
        private static void afterOneBlock(Hash hash, byte[] key, byte[] pad, byte xor, byte[] into, int at) {
            Arrays.fill(pad, xor);
            for (int i = 0; i < key.length; i++) {
                pad[i] ^= key[i];
            }
            Digest d = hash.newDigest();
            d.update(pad, 0, BLOCK);
            byte[] state = ((EncodableDigest) d).getEncodedState();
            try {
                int size = hash.digestSize();
                byte[] template = OneBlockState.of(hash);
                boolean sameLayout = state.length == template.length
                        && Arrays.equals(state, 0, CHAINING_AT, template, 0, CHAINING_AT)
                        && Arrays.equals(state, CHAINING_AT + size, state.length, template, CHAINING_AT + size,
                        template.length);
                if (!sameLayout) {
                    throw new IllegalStateException("BouncyCastle's encoded " + hash + " state has another layout");
                }
                System.arraycopy(state, CHAINING_AT, into, at, size);
            } finally {
                wipe(state);
                d.reset();
            }
        }

        /** A digest continuing from the ipad ({@code at} 0) or opad ({@code at} digest size) block. */
        private Digest resume(int at) {
            byte[] state = OneBlockState.of(hash).clone();
            System.arraycopy(chaining, at, state, CHAINING_AT, hash.digestSize());
            try {
                return hash.resume(state);
            } finally {
                wipe(state);
            }
        }

        public Hash hash() {
            return hash;
        }

        /** HMAC over {@code data[off, off+len)}, the whole digest. */
        public byte[] mac(byte[] data, int off, int len) {
            byte[] out = new byte[hash.digestSize()];
            mac(data, off, len, out, 0, out.length);
            return out;
        }

        /**
         * Writes the first {@code outLen} bytes of the HMAC over {@code data[off, off+len)} to
         * {@code out[outOff, outOff+outLen)} (the truncated MACs of RMCP+ integrity).
         */
        public void mac(byte[] data, int off, int len, byte[] out, int outOff, int outLen) {
            if (outLen > hash.digestSize()) {
                throw new IllegalArgumentException("a " + hash + " HMAC is " + hash.digestSize() + " bytes, asked for "
                        + outLen);
            }
            Digest d = resume(0);
            d.update(data, off, len);
            finish(d, out, outOff, outLen);
        }

        /** HMAC over the concatenation of {@code parts}, the whole digest. */
        public byte[] mac(byte[]... parts) {
            Digest d = resume(0);
            for (byte[] p : parts) {
                d.update(p, 0, p.length);
            }
            byte[] out = new byte[hash.digestSize()];
            finish(d, out, 0, out.length);
            return out;
        }

        private void finish(Digest d, byte[] out, int outOff, int outLen) {
            int size = d.getDigestSize();
            byte[] h = new byte[size];
            d.doFinal(h, 0);
            Digest o = resume(size);
            o.update(h, 0, size);
            o.doFinal(h, 0);
            System.arraycopy(h, 0, out, outOff, outLen);
            wipe(h);
        }

        @Override
        public void close() {
            wipe(chaining);
        }

        @Override
        public String toString() {
            return "HmacKey[" + hash + ", redacted]";
        }
    }

    /**
     * BouncyCastle's encoded state of each digest after exactly one block, with the chaining value
     * zeroed: the same for every input block, so an {@link HmacKey} stores only the chaining values.
     */
    private static final class OneBlockState {
        private static final byte[][] BY_HASH = new byte[Hash.values().length][];

        static {
            for (Hash h : Hash.values()) {
                Digest d = h.newDigest();
                d.update(new byte[HmacKey.BLOCK], 0, HmacKey.BLOCK);
                byte[] state = ((EncodableDigest) d).getEncodedState();
                Arrays.fill(state, HmacKey.CHAINING_AT, HmacKey.CHAINING_AT + h.digestSize(), (byte) 0);
                BY_HASH[h.ordinal()] = state;
            }
        }

        static byte[] of(Hash hash) {
            return BY_HASH[hash.ordinal()];
        }
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

    /** AES-128-CBC without padding over {@code data[off, off+len)}, the result written over the input. */
    static void aesCbcInPlace(boolean encrypt, byte[] key16, byte[] iv, byte[] data, int off, int len) {
        if (len % AES_BLOCK != 0) {
            throw new IllegalArgumentException("AES-CBC data must be a multiple of 16 bytes, got " + len);
        }
        CBCBlockCipher cbc = (CBCBlockCipher) CBCBlockCipher.newInstance(AESEngine.newInstance());
        cbc.init(encrypt, new ParametersWithIV(new KeyParameter(key16, 0, 16), iv));
        for (int i = 0; i < len; i += AES_BLOCK) {
            cbc.processBlock(data, off + i, data, off + i);
        }
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
     *
     * <p>The device is read {@value Spi#BUFFER} bytes at a time: a login takes several small values
     * (session ID, Rm, the IVs of its encrypted packets; strace counted seven reads per host in a cold
     * fan-out) and every later encrypted packet an IV, and a read(2) for each cost more than the rest
     * of the packet's crypto. Each buffered byte is handed out once and zeroed
     * in the buffer as it is handed out, so what was given to one caller is not kept or given again.
     */
    static final class KernelRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;
        static final String DEVICE = "/dev/urandom";

        private final transient Spi spi;

        private KernelRandom(Spi spi) {
            super(spi, null);
            this.spi = spi;
        }

        private KernelRandom(InputStream in) {
            this(new Spi(in));
        }

        /** For tests: a kernel random over another stream. */
        static KernelRandom over(InputStream in) {
            return new KernelRandom(in);
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
            static final int BUFFER = 4096;
            private final transient InputStream in;
            private final transient byte[] buffer = new byte[BUFFER];
            /** Bytes before {@code next} were handed out (and zeroed); those from it on are unused. */
            private transient int next = BUFFER;

            Spi(InputStream in) {
                this.in = in;
            }

            @Override
            protected void engineSetSeed(byte[] seed) {
                // the kernel pool is seeded by the kernel; a caller's seed cannot make it weaker or stronger here
            }

            @Override
            protected synchronized void engineNextBytes(byte[] bytes) {
                int off = 0;
                // bounded: each pass hands out at least one byte or fails
                while (off < bytes.length) {
                    int want = bytes.length - off;
                    if (next == BUFFER && want >= BUFFER) {
                        readFully(bytes, off, want);
                        return;
                    }
                    if (next == BUFFER) {
                        readFully(buffer, 0, BUFFER);
                        next = 0;
                    }
                    int n = Math.min(want, BUFFER - next);
                    System.arraycopy(buffer, next, bytes, off, n);
                    Arrays.fill(buffer, next, next + n, (byte) 0);
                    next += n;
                    off += n;
                }
            }

            private void readFully(byte[] into, int off, int len) {
                try {
                    int end = off + len;
                    // bounded: each read returns at least one byte or fails
                    while (off < end) {
                        int n = in.read(into, off, end - off);
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
