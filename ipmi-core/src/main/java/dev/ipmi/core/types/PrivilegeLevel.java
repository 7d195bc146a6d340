package dev.ipmi.core.types;

/**
 * Channel/user privilege levels — IPMI v2.0 §6.8, table 6-4 (4-bit codes). Open: {@link #valueOf}
 * never fails.
 */
public final class PrivilegeLevel extends OpenEnum implements Comparable<PrivilegeLevel> {
    /** RMCP+ Open Session only: "highest level matching the proposed algorithms". */
    public static final PrivilegeLevel HIGHEST = new PrivilegeLevel(0x0, "HIGHEST", true);
    public static final PrivilegeLevel CALLBACK = new PrivilegeLevel(0x1, "CALLBACK", true);
    public static final PrivilegeLevel USER = new PrivilegeLevel(0x2, "USER", true);
    public static final PrivilegeLevel OPERATOR = new PrivilegeLevel(0x3, "OPERATOR", true);
    public static final PrivilegeLevel ADMINISTRATOR = new PrivilegeLevel(0x4, "ADMINISTRATOR", true);
    public static final PrivilegeLevel OEM = new PrivilegeLevel(0x5, "OEM", true);
    public static final PrivilegeLevel NO_ACCESS = new PrivilegeLevel(0xF, "NO ACCESS", true);

    private static final PrivilegeLevel[] KNOWN = {HIGHEST, CALLBACK, USER, OPERATOR, ADMINISTRATOR, OEM};

    private PrivilegeLevel(int code, String name, boolean known) {
        super(code, name, known);
    }

    public static PrivilegeLevel valueOf(int code) {
        int c = code & 0x0F;
        if (c < KNOWN.length) {
            return KNOWN[c];
        }
        if (c == 0xF) {
            return NO_ACCESS;
        }
        return new PrivilegeLevel(c, unknownName(c), false);
    }

    /** Accepts ipmitool's spellings: USER, OPERATOR, ADMINISTRATOR/ADMIN, CALLBACK, OEM (any case). */
    public static PrivilegeLevel parse(String text) {
        return switch (text.trim().toUpperCase(java.util.Locale.ROOT)) {
            case "CALLBACK" -> CALLBACK;
            case "USER" -> USER;
            case "OPERATOR" -> OPERATOR;
            case "ADMINISTRATOR", "ADMIN" -> ADMINISTRATOR;
            case "OEM" -> OEM;
            case "NO_ACCESS", "NO ACCESS" -> NO_ACCESS;
            default -> throw new IllegalArgumentException(
                    "unknown privilege level '" + text + "' (expected CALLBACK, USER, OPERATOR, ADMINISTRATOR or OEM)");
        };
    }

    @Override
    public int compareTo(PrivilegeLevel o) {
        return Integer.compare(code(), o.code());
    }
}
