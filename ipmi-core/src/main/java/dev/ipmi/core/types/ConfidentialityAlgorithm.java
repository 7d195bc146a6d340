package dev.ipmi.core.types;

/**
 * RMCP+ confidentiality algorithms — IPMI v2.0 §13.28.5, table 13-19. xRC4-128 (02h) and xRC4-40
 * (03h) are deliberately absent: RC4 is broken, and neither ipmitool nor FreeIPMI implements them.
 */
public enum ConfidentialityAlgorithm {
    NONE(0x00, "none"),
    AES_CBC_128(0x01, "aes_cbc_128");

    private final int code;
    private final String displayName;

    ConfidentialityAlgorithm(int code, String displayName) {
        this.code = code;
        this.displayName = displayName;
    }

    public int code() {
        return code;
    }

    public String displayName() {
        return displayName;
    }

    public static ConfidentialityAlgorithm fromCode(int code) {
        for (ConfidentialityAlgorithm a : values()) {
            if (a.code == code) {
                return a;
            }
        }
        return null;
    }
}
