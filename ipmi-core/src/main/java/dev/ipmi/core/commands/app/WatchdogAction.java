package dev.ipmi.core.commands.app;

import dev.ipmi.core.types.OpenEnum;
import java.util.HashMap;
import java.util.Map;

/** Watchdog timeout action — IPMI v2.0 §27.6, table 27-7, byte 2 bits 2:0. */
public final class WatchdogAction extends OpenEnum {
    private static final Map<Integer, WatchdogAction> KNOWN = new HashMap<>();

    public static final WatchdogAction NO_ACTION = define(0, "No action");
    public static final WatchdogAction HARD_RESET = define(1, "Hard Reset");
    public static final WatchdogAction POWER_DOWN = define(2, "Power Down");
    public static final WatchdogAction POWER_CYCLE = define(3, "Power Cycle");

    private WatchdogAction(int code, String name, boolean known) {
        super(code, name, known);
    }

    private static WatchdogAction define(int code, String name) {
        WatchdogAction a = new WatchdogAction(code, name, true);
        KNOWN.put(code, a);
        return a;
    }

    /** Takes bits 2:0. */
    public static WatchdogAction valueOf(int code) {
        return lookup(KNOWN, code & 0x07, n -> new WatchdogAction(n, unknownName(n), false));
    }
}
