package dev.ipmi.lanplus.internal;

import dev.ipmi.core.types.AuthenticationAlgorithm;
import dev.ipmi.lanplus.internal.Crypto.Hash;
import java.util.Arrays;

/**
 * The RAKP key-exchange computations — IPMI v2.0 §13.31, §13.32 (facts §3.5). Holds copies of the
 * secrets only as long as the handshake needs them; {@link #wipe()} zeroes them.
 *
 * <p>SIDs are the 4-byte little-endian wire forms; random numbers and the GUID are used exactly as
 * they appear on the wire; {@code role} is the whole RAKP1 role byte including the name-only bit.
 */
public final class RakpKeys implements AutoCloseable {
    private static final int KEY_FIELD = 20;

    private final AuthenticationAlgorithm algorithm;
    private final byte[] kuid;
    private final byte[] kg;
    /** K_UID prepared once: RAKP2, RAKP3 and (without K_G) the SIK are all keyed with it; null for RAKP-none. */
    private final Crypto.HmacKey kuidMac;

    /**
     * @param password the user's password (K_UID), at most 20 bytes; copied
     * @param kg       the BMC key K_G, at most 20 bytes, or null to use the password (one-key login); copied
     */
    public RakpKeys(AuthenticationAlgorithm algorithm, byte[] password, byte[] kg) {
        if (password.length > KEY_FIELD) {
            throw new IllegalArgumentException("RMCP+ passwords are at most 20 bytes, got " + password.length);
        }
        if (kg != null && kg.length > KEY_FIELD) {
            throw new IllegalArgumentException("the BMC key K_G is at most 20 bytes, got " + kg.length);
        }
        this.algorithm = algorithm;
        this.kuid = Arrays.copyOf(password, KEY_FIELD);
        this.kg = kg == null ? null : Arrays.copyOf(kg, KEY_FIELD);
        this.kuidMac = algorithm == AuthenticationAlgorithm.RAKP_NONE ? null : new Crypto.HmacKey(hash(), kuid);
    }

    public AuthenticationAlgorithm algorithm() {
        return algorithm;
    }

    private Hash hash() {
        return Hash.of(algorithm);
    }

    private static byte[] le32(int v) {
        return new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)};
    }

    private static byte[] nameField(byte[] userName) {
        byte[] out = new byte[1 + userName.length];
        out[0] = (byte) userName.length;
        System.arraycopy(userName, 0, out, 1, userName.length);
        return out;
    }

    /** The key-exchange auth code the BMC sends in RAKP2. Empty for RAKP-none. */
    public byte[] rakp2AuthCode(int consoleSid, int bmcSid, byte[] rm, byte[] rc, byte[] guid, int role,
                                byte[] userName) {
        if (algorithm == AuthenticationAlgorithm.RAKP_NONE) {
            return new byte[0];
        }
        return kuidMac.mac(le32(consoleSid), le32(bmcSid), rm, rc, guid, new byte[] {(byte) role},
                nameField(userName));
    }

    /** The auth code the console sends in RAKP3. Empty for RAKP-none. */
    public byte[] rakp3AuthCode(byte[] rc, int consoleSid, int role, byte[] userName) {
        if (algorithm == AuthenticationAlgorithm.RAKP_NONE) {
            return new byte[0];
        }
        return kuidMac.mac(rc, le32(consoleSid), new byte[] {(byte) role}, nameField(userName));
    }

    /** The session integrity key, keyed with K_G when one was given, else with the password. */
    public byte[] sik(byte[] rm, byte[] rc, int role, byte[] userName) {
        if (algorithm == AuthenticationAlgorithm.RAKP_NONE) {
            return new byte[0];
        }
        byte[][] parts = {rm, rc, new byte[] {(byte) role}, nameField(userName)};
        return kg != null ? Crypto.hmac(hash(), kg, parts) : kuidMac.mac(parts);
    }

    /** K1 (integrity key) or K2 (confidentiality key): HMAC(SIK, twenty bytes of {@code constant}). */
    public static byte[] derive(AuthenticationAlgorithm algorithm, byte[] sik, int constant) {
        try (Crypto.HmacKey k = sikKey(algorithm, sik)) {
            return derive(algorithm, k, constant);
        }
    }

    /** The SIK prepared for the three MACs keyed with it (RAKP4 ICV, K1, K2); null for RAKP-none. */
    static Crypto.HmacKey sikKey(AuthenticationAlgorithm algorithm, byte[] sik) {
        return algorithm == AuthenticationAlgorithm.RAKP_NONE ? null : new Crypto.HmacKey(Hash.of(algorithm), sik);
    }

    /** {@link #derive(AuthenticationAlgorithm, byte[], int)} with the SIK from {@link #sikKey}. */
    static byte[] derive(AuthenticationAlgorithm algorithm, Crypto.HmacKey sik, int constant) {
        byte[] c = new byte[KEY_FIELD];
        Arrays.fill(c, (byte) constant);
        if (algorithm == AuthenticationAlgorithm.RAKP_NONE) {
            return c;
        }
        return sik.mac(c);
    }

    /** The integrity check value the BMC sends in RAKP4, truncated as the algorithm says. */
    public static byte[] rakp4Icv(AuthenticationAlgorithm algorithm, byte[] sik, byte[] rm, int bmcSid,
                                  byte[] guid) {
        try (Crypto.HmacKey k = sikKey(algorithm, sik)) {
            return rakp4Icv(algorithm, k, rm, bmcSid, guid);
        }
    }

    /** {@link #rakp4Icv(AuthenticationAlgorithm, byte[], byte[], int, byte[])} with the SIK from {@link #sikKey}. */
    static byte[] rakp4Icv(AuthenticationAlgorithm algorithm, Crypto.HmacKey sik, byte[] rm, int bmcSid, byte[] guid) {
        if (algorithm == AuthenticationAlgorithm.RAKP_NONE) {
            return new byte[0];
        }
        return Crypto.truncate(sik.mac(rm, le32(bmcSid), guid), algorithm.icvLength());
    }

    /** The password zero-padded to 20 bytes, as MD5-128 integrity needs it (checked against ipmi_sim). */
    byte[] paddedPassword() {
        return kuid.clone();
    }

    public void wipe() {
        Crypto.wipe(kuid);
        Crypto.wipe(kg);
        if (kuidMac != null) {
            kuidMac.close();
        }
    }

    @Override
    public void close() {
        wipe();
    }

    @Override
    public String toString() {
        return "RakpKeys[" + algorithm + ", secrets redacted]";
    }
}
