package dev.ipmi.core.types;

/** RMCP+ integrity algorithms — IPMI v2.0 §13.28.4, table 13-18 (the ones this library implements). */
public enum IntegrityAlgorithm {
    NONE(0x00, 0, "none"),
    HMAC_SHA1_96(0x01, 12, "hmac_sha1_96"),
    HMAC_MD5_128(0x02, 16, "hmac_md5_128"),
    MD5_128(0x03, 16, "md5_128"),
    HMAC_SHA256_128(0x04, 16, "hmac_sha256_128");

    private final int code;
    private final int authCodeLength;
    private final String displayName;

    IntegrityAlgorithm(int code, int authCodeLength, String displayName) {
        this.code = code;
        this.authCodeLength = authCodeLength;
        this.displayName = displayName;
    }

    public int code() {
        return code;
    }

    /** Bytes of AuthCode at the end of every authenticated packet. */
    public int authCodeLength() {
        return authCodeLength;
    }

    public String displayName() {
        return displayName;
    }

    public static IntegrityAlgorithm fromCode(int code) {
        for (IntegrityAlgorithm a : values()) {
            if (a.code == code) {
                return a;
            }
        }
        return null;
    }
}
