package dev.ipmi.core.types;

import dev.ipmi.core.CipherSuiteUnavailableException;
import java.util.List;

/**
 * An RMCP+ cipher suite — IPMI v2.0 §22.15.2, table 22-20: one authentication, one integrity and one
 * confidentiality algorithm. The library implements suites 0–3, 6–8, 11, 12 and 15–17 (the same set
 * as FreeIPMI). {@link #AUTO} asks the BMC what it supports and picks the strongest suite both
 * sides have (see {@link #PREFERENCE}).
 *
 * <p>Suite 0 (no authentication, no integrity, no encryption) is refused unless the caller opts in
 * explicitly. The xRC4 suites (4, 5, 9, 10, 13, 14, 18, 19) are refused: RC4 is broken and no
 * mainstream client implements it.
 */
public final class CipherSuite {
    /** Negotiate: the strongest suite the BMC advertises and this library implements. */
    public static final CipherSuite AUTO = new CipherSuite(-1, null, null, null);

    public static final CipherSuite SUITE_0 = suite(0, AuthenticationAlgorithm.RAKP_NONE, IntegrityAlgorithm.NONE,
            ConfidentialityAlgorithm.NONE);
    public static final CipherSuite SUITE_1 = suite(1, AuthenticationAlgorithm.RAKP_HMAC_SHA1,
            IntegrityAlgorithm.NONE, ConfidentialityAlgorithm.NONE);
    public static final CipherSuite SUITE_2 = suite(2, AuthenticationAlgorithm.RAKP_HMAC_SHA1,
            IntegrityAlgorithm.HMAC_SHA1_96, ConfidentialityAlgorithm.NONE);
    public static final CipherSuite SUITE_3 = suite(3, AuthenticationAlgorithm.RAKP_HMAC_SHA1,
            IntegrityAlgorithm.HMAC_SHA1_96, ConfidentialityAlgorithm.AES_CBC_128);
    public static final CipherSuite SUITE_6 = suite(6, AuthenticationAlgorithm.RAKP_HMAC_MD5,
            IntegrityAlgorithm.NONE, ConfidentialityAlgorithm.NONE);
    public static final CipherSuite SUITE_7 = suite(7, AuthenticationAlgorithm.RAKP_HMAC_MD5,
            IntegrityAlgorithm.HMAC_MD5_128, ConfidentialityAlgorithm.NONE);
    public static final CipherSuite SUITE_8 = suite(8, AuthenticationAlgorithm.RAKP_HMAC_MD5,
            IntegrityAlgorithm.HMAC_MD5_128, ConfidentialityAlgorithm.AES_CBC_128);
    public static final CipherSuite SUITE_11 = suite(11, AuthenticationAlgorithm.RAKP_HMAC_MD5,
            IntegrityAlgorithm.MD5_128, ConfidentialityAlgorithm.NONE);
    public static final CipherSuite SUITE_12 = suite(12, AuthenticationAlgorithm.RAKP_HMAC_MD5,
            IntegrityAlgorithm.MD5_128, ConfidentialityAlgorithm.AES_CBC_128);
    public static final CipherSuite SUITE_15 = suite(15, AuthenticationAlgorithm.RAKP_HMAC_SHA256,
            IntegrityAlgorithm.NONE, ConfidentialityAlgorithm.NONE);
    public static final CipherSuite SUITE_16 = suite(16, AuthenticationAlgorithm.RAKP_HMAC_SHA256,
            IntegrityAlgorithm.HMAC_SHA256_128, ConfidentialityAlgorithm.NONE);
    public static final CipherSuite SUITE_17 = suite(17, AuthenticationAlgorithm.RAKP_HMAC_SHA256,
            IntegrityAlgorithm.HMAC_SHA256_128, ConfidentialityAlgorithm.AES_CBC_128);

    /**
     * Negotiation order, strongest first: encryption before integrity-only before
     * authentication-only; within each, SHA-256 before SHA-1 before HMAC-MD5 before plain MD5.
     * Suite 0 is not listed: it is only ever used when asked for by number with the opt-in.
     */
    public static final List<CipherSuite> PREFERENCE = List.of(SUITE_17, SUITE_3, SUITE_8, SUITE_12, SUITE_16,
            SUITE_2, SUITE_7, SUITE_11, SUITE_15, SUITE_1, SUITE_6);

    private static final List<CipherSuite> ALL = List.of(SUITE_0, SUITE_1, SUITE_2, SUITE_3, SUITE_6, SUITE_7,
            SUITE_8, SUITE_11, SUITE_12, SUITE_15, SUITE_16, SUITE_17);

    private final int id;
    private final AuthenticationAlgorithm authentication;
    private final IntegrityAlgorithm integrity;
    private final ConfidentialityAlgorithm confidentiality;

    private CipherSuite(int id, AuthenticationAlgorithm a, IntegrityAlgorithm i, ConfidentialityAlgorithm c) {
        this.id = id;
        this.authentication = a;
        this.integrity = i;
        this.confidentiality = c;
    }

    private static CipherSuite suite(int id, AuthenticationAlgorithm a, IntegrityAlgorithm i,
                                     ConfidentialityAlgorithm c) {
        return new CipherSuite(id, a, i, c);
    }

    /**
     * The suite with this ID.
     *
     * @throws CipherSuiteUnavailableException for the xRC4 suites and IDs this library does not
     *                                         implement, with the reason
     */
    public static CipherSuite of(int id) {
        for (CipherSuite s : ALL) {
            if (s.id == id) {
                return s;
            }
        }
        String reason = switch (id) {
            case 4, 5, 9, 10, 13, 14, 18, 19 -> "cipher suite " + id
                    + " uses xRC4 encryption, which is broken and not supported; use 17 or 3 (AES-CBC-128)";
            default -> "cipher suite " + id + " is not supported (supported: 0-3, 6-8, 11, 12, 15-17)";
        };
        throw new CipherSuiteUnavailableException(reason);
    }

    /** The suite with exactly these algorithms, or null. */
    public static CipherSuite of(int auth, int integrity, int confidentiality) {
        for (CipherSuite s : ALL) {
            if (s.authentication.code() == auth && s.integrity.code() == integrity
                    && s.confidentiality.code() == confidentiality) {
                return s;
            }
        }
        return null;
    }

    public static List<CipherSuite> supported() {
        return ALL;
    }

    public boolean isAuto() {
        return id < 0;
    }

    /** The suite ID, or -1 for {@link #AUTO}. */
    public int id() {
        return id;
    }

    public AuthenticationAlgorithm authentication() {
        requireConcrete();
        return authentication;
    }

    public IntegrityAlgorithm integrity() {
        requireConcrete();
        return integrity;
    }

    public ConfidentialityAlgorithm confidentiality() {
        requireConcrete();
        return confidentiality;
    }

    private void requireConcrete() {
        if (isAuto()) {
            throw new IllegalStateException("AUTO has no algorithms until negotiated");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CipherSuite s && s.id == id;
    }

    @Override
    public int hashCode() {
        return id;
    }

    @Override
    public String toString() {
        return isAuto() ? "CipherSuite[AUTO]" : "CipherSuite[" + id + ": " + authentication.displayName() + ", "
                + integrity.displayName() + ", " + confidentiality.displayName() + "]";
    }
}
