package dev.ipmi.core.commands.chassis;

import dev.ipmi.core.types.OpenEnum;
import java.util.HashMap;
import java.util.Map;

/**
 * Power restore policy — IPMI v2.0 §28.2 table 28-3 (byte 2 bits 6:5) and §28.8 table 28-9. In
 * Set Power Restore Policy code 3 means "no change" (ipmitool's {@code policy list} sends it to
 * read the supported set).
 */
public final class PowerRestorePolicy extends OpenEnum {
    private static final Map<Integer, PowerRestorePolicy> KNOWN = new HashMap<>();

    public static final PowerRestorePolicy ALWAYS_OFF = define(0, "always-off");
    public static final PowerRestorePolicy PREVIOUS = define(1, "previous");
    public static final PowerRestorePolicy ALWAYS_ON = define(2, "always-on");
    /** Get Chassis Status: policy unknown; Set Power Restore Policy: no change. */
    public static final PowerRestorePolicy UNKNOWN = define(3, "unknown");

    private PowerRestorePolicy(int code, String name, boolean known) {
        super(code, name, known);
    }

    private static PowerRestorePolicy define(int code, String name) {
        PowerRestorePolicy p = new PowerRestorePolicy(code, name, true);
        KNOWN.put(code, p);
        return p;
    }

    /** Takes bits 1:0 of {@code code}; every 2-bit value is defined. */
    public static PowerRestorePolicy valueOf(int code) {
        return KNOWN.get(code & 0x03);
    }

    /** ipmitool's spellings: always-on, always-off, previous. */
    public static PowerRestorePolicy parse(String text) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "always-off" -> ALWAYS_OFF;
            case "previous" -> PREVIOUS;
            case "always-on" -> ALWAYS_ON;
            default -> throw new IllegalArgumentException(
                    "unknown power restore policy '" + text + "' (expected always-on, always-off or previous)");
        };
    }
}
