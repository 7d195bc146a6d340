package dev.ipmi.core.commands.app;

/** Channel session support — IPMI v2.0 §22.24, table 22-28, byte 5 bits 7:6 (all four values defined). */
public enum SessionSupport {
    SESSION_LESS("session-less"),
    SINGLE_SESSION("single-session"),
    MULTI_SESSION("multi-session"),
    SESSION_BASED("session-based");

    private final String displayName;

    SessionSupport(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    public static SessionSupport valueOf(int code) {
        return values()[code & 0x03];
    }

    public int code() {
        return ordinal();
    }
}
