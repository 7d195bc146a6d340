package dev.ipmi.core.types;

/**
 * IPMI 1.5 session authentication types — IPMI v2.0 §13.6, table 13-8; 06h marks the RMCP+
 * session format. Open: {@link #valueOf} never fails.
 */
public final class AuthType extends OpenEnum {
    public static final AuthType NONE = new AuthType(0x00, "NONE", true);
    public static final AuthType MD2 = new AuthType(0x01, "MD2", true);
    public static final AuthType MD5 = new AuthType(0x02, "MD5", true);
    public static final AuthType PASSWORD = new AuthType(0x04, "PASSWORD", true);
    public static final AuthType OEM = new AuthType(0x05, "OEM", true);
    public static final AuthType RMCP_PLUS = new AuthType(0x06, "RMCP+", true);

    private AuthType(int code, String name, boolean known) {
        super(code, name, known);
    }

    public static AuthType valueOf(int code) {
        return switch (code & 0xFF) {
            case 0x00 -> NONE;
            case 0x01 -> MD2;
            case 0x02 -> MD5;
            case 0x04 -> PASSWORD;
            case 0x05 -> OEM;
            case 0x06 -> RMCP_PLUS;
            default -> new AuthType(code & 0xFF, unknownName(code & 0xFF), false);
        };
    }

    /** ipmitool's {@code -A} spellings: NONE, MD2, MD5, PASSWORD, OEM (any case). */
    public static AuthType parse(String text) {
        return switch (text.trim().toUpperCase(java.util.Locale.ROOT)) {
            case "NONE" -> NONE;
            case "MD2" -> MD2;
            case "MD5" -> MD5;
            case "PASSWORD", "STRAIGHT", "STRAIGHT_PASSWORD" -> PASSWORD;
            case "OEM" -> OEM;
            default -> throw new IllegalArgumentException(
                    "unknown authentication type '" + text + "' (expected NONE, MD2, MD5, PASSWORD or OEM)");
        };
    }

    /** Bit of this type in the auth-type support masks (Get Channel Authentication Capabilities, LAN param 1/2). */
    public int mask() {
        return code() < 8 ? 1 << code() : 0;
    }
}
