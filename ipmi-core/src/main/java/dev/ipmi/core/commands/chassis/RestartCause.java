package dev.ipmi.core.commands.chassis;

import dev.ipmi.core.types.OpenEnum;
import java.util.HashMap;
import java.util.Map;

/** System restart causes — IPMI v2.0 §28.11, table 28-11 (response byte 2 bits 3:0). */
public final class RestartCause extends OpenEnum {
    private static final Map<Integer, RestartCause> KNOWN = new HashMap<>();

    public static final RestartCause UNKNOWN = define(0x0, "unknown");
    public static final RestartCause CHASSIS_CONTROL = define(0x1, "chassis power control command");
    public static final RestartCause RESET_BUTTON = define(0x2, "reset via pushbutton");
    public static final RestartCause POWER_BUTTON = define(0x3, "power-up via pushbutton");
    public static final RestartCause WATCHDOG = define(0x4, "watchdog expired");
    public static final RestartCause OEM = define(0x5, "OEM");
    public static final RestartCause ALWAYS_RESTORE_POLICY = define(0x6, "power-up due to always-restore power policy");
    public static final RestartCause RESTORE_PREVIOUS_POLICY =
            define(0x7, "power-up due to restore-previous power policy");
    public static final RestartCause PEF_RESET = define(0x8, "reset via PEF");
    public static final RestartCause PEF_POWER_CYCLE = define(0x9, "power-cycle via PEF");
    public static final RestartCause SOFT_RESET = define(0xA, "soft reset");
    public static final RestartCause RTC_WAKEUP = define(0xB, "power-up via RTC wakeup");

    private RestartCause(int code, String name, boolean known) {
        super(code, name, known);
    }

    private static RestartCause define(int code, String name) {
        RestartCause c = new RestartCause(code, name, true);
        KNOWN.put(code, c);
        return c;
    }

    /** Takes bits 3:0 of {@code code}. */
    public static RestartCause valueOf(int code) {
        return lookup(KNOWN, code & 0x0F, n -> new RestartCause(n, unknownName(n), false));
    }
}
