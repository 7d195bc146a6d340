package dev.ipmi.core.commands.app;

/** User ID enable status — IPMI v2.0 §22.27, table 22-32, byte 3 bits 7:6 (all four values). */
public enum UserEnableStatus {
    UNSPECIFIED("unknown"),
    ENABLED("enabled"),
    DISABLED("disabled"),
    RESERVED("reserved");

    private final String displayName;

    UserEnableStatus(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    public static UserEnableStatus valueOf(int code) {
        return values()[code & 0x03];
    }

    public int code() {
        return ordinal();
    }
}
