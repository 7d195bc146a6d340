package dev.ipmi.core.types;

/**
 * RAKP authentication algorithms — IPMI v2.0 §13.28, table 13-17. Only the ones this library
 * implements; an unknown number from a BMC is handled as an int where it is read.
 */
public enum AuthenticationAlgorithm {
    RAKP_NONE(0x00, 0, 0, "none"),
    RAKP_HMAC_SHA1(0x01, 20, 12, "hmac_sha1"),
    RAKP_HMAC_MD5(0x02, 16, 16, "hmac_md5"),
    RAKP_HMAC_SHA256(0x03, 32, 16, "hmac_sha256");

    private final int code;
    private final int macLength;
    private final int icvLength;
    private final String displayName;

    AuthenticationAlgorithm(int code, int macLength, int icvLength, String displayName) {
        this.code = code;
        this.macLength = macLength;
        this.icvLength = icvLength;
        this.displayName = displayName;
    }

    public int code() {
        return code;
    }

    /** Length of the RAKP2/RAKP3 key-exchange auth codes and of SIK, K1, K2 (full HMAC output). */
    public int macLength() {
        return macLength;
    }

    /** Length of the RAKP4 integrity check value (the HMAC truncated, IPMI v2.0 §13.31). */
    public int icvLength() {
        return icvLength;
    }

    /** ipmitool's spelling, e.g. {@code hmac_sha1}. */
    public String displayName() {
        return displayName;
    }

    /** The algorithm with this number, or null when this library does not know it. */
    public static AuthenticationAlgorithm fromCode(int code) {
        for (AuthenticationAlgorithm a : values()) {
            if (a.code == code) {
                return a;
            }
        }
        return null;
    }
}
