package dev.ipmi.core.commands.chassis;

import dev.ipmi.core.types.OpenEnum;
import java.util.HashMap;
import java.util.Map;

/** Chassis Control actions — IPMI v2.0 §28.3, table 28-4 (request byte 1 bits 3:0). */
public final class PowerAction extends OpenEnum {
    private static final Map<Integer, PowerAction> KNOWN = new HashMap<>();

    /** Hard power off, no orderly OS shutdown. */
    public static final PowerAction POWER_DOWN = define(0, "Down/Off");
    public static final PowerAction POWER_UP = define(1, "Up/On");
    public static final PowerAction POWER_CYCLE = define(2, "Cycle");
    public static final PowerAction HARD_RESET = define(3, "Reset");
    /** Pulse diagnostic interrupt (NMI). */
    public static final PowerAction DIAGNOSTIC_INTERRUPT = define(4, "Diag");
    /** Soft shutdown via ACPI overtemperature emulation. */
    public static final PowerAction SOFT_SHUTDOWN = define(5, "Soft");

    private PowerAction(int code, String name, boolean known) {
        super(code, name, known);
    }

    private static PowerAction define(int code, String name) {
        PowerAction a = new PowerAction(code, name, true);
        KNOWN.put(code, a);
        return a;
    }

    /** Takes bits 3:0 of {@code code}. */
    public static PowerAction valueOf(int code) {
        return lookup(KNOWN, code & 0x0F, n -> new PowerAction(n, unknownName(n), false));
    }

    /** ipmitool's {@code chassis power} verbs: off, on, cycle, reset, diag, soft. */
    public static PowerAction parse(String text) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "off", "down" -> POWER_DOWN;
            case "on", "up" -> POWER_UP;
            case "cycle" -> POWER_CYCLE;
            case "reset" -> HARD_RESET;
            case "diag" -> DIAGNOSTIC_INTERRUPT;
            case "soft" -> SOFT_SHUTDOWN;
            default -> throw new IllegalArgumentException(
                    "unknown power action '" + text + "' (expected on, off, cycle, reset, diag or soft)");
        };
    }
}
