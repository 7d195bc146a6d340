package dev.ipmi.core.commands.app;

import dev.ipmi.core.types.OpenEnum;
import java.util.HashMap;
import java.util.Map;

/** ACPI device power state — IPMI v2.0 §20.6, table 20-6 (7-bit codes). */
public final class DevicePowerState extends OpenEnum {
    private static final Map<Integer, DevicePowerState> KNOWN = new HashMap<>();

    public static final DevicePowerState D0 = define(0x00, "D0");
    public static final DevicePowerState D1 = define(0x01, "D1");
    public static final DevicePowerState D2 = define(0x02, "D2");
    public static final DevicePowerState D3 = define(0x03, "D3");
    public static final DevicePowerState UNKNOWN = define(0x2A, "unknown");
    /** Set ACPI Power State only. */
    public static final DevicePowerState NO_CHANGE = define(0x7F, "no change");

    private DevicePowerState(int code, String name, boolean known) {
        super(code, name, known);
    }

    private static DevicePowerState define(int code, String name) {
        DevicePowerState s = new DevicePowerState(code, name, true);
        KNOWN.put(code, s);
        return s;
    }

    /** Takes bits 6:0 of {@code code}. */
    public static DevicePowerState valueOf(int code) {
        return lookup(KNOWN, code & 0x7F, n -> new DevicePowerState(n, unknownName(n), false));
    }
}
