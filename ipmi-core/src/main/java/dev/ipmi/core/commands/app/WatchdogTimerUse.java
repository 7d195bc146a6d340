package dev.ipmi.core.commands.app;

import dev.ipmi.core.types.OpenEnum;
import java.util.HashMap;
import java.util.Map;

/** Watchdog timer use — IPMI v2.0 §27.6, table 27-7, byte 1 bits 2:0. */
public final class WatchdogTimerUse extends OpenEnum {
    private static final Map<Integer, WatchdogTimerUse> KNOWN = new HashMap<>();

    public static final WatchdogTimerUse BIOS_FRB2 = define(1, "BIOS FRB2");
    public static final WatchdogTimerUse BIOS_POST = define(2, "BIOS/POST");
    public static final WatchdogTimerUse OS_LOAD = define(3, "OS Load");
    public static final WatchdogTimerUse SMS_OS = define(4, "SMS/OS");
    public static final WatchdogTimerUse OEM = define(5, "OEM");

    private WatchdogTimerUse(int code, String name, boolean known) {
        super(code, name, known);
    }

    private static WatchdogTimerUse define(int code, String name) {
        WatchdogTimerUse u = new WatchdogTimerUse(code, name, true);
        KNOWN.put(code, u);
        return u;
    }

    /** Takes bits 2:0; 0, 6 and 7 are reserved and come back as unknown(n). */
    public static WatchdogTimerUse valueOf(int code) {
        return lookup(KNOWN, code & 0x07, n -> new WatchdogTimerUse(n, unknownName(n), false));
    }
}
