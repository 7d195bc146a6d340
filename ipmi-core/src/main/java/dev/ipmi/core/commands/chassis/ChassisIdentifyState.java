package dev.ipmi.core.commands.chassis;

import dev.ipmi.core.types.OpenEnum;
import java.util.HashMap;
import java.util.Map;

/** Chassis identify state — IPMI v2.0 §28.2 table 28-3, byte 3 bits 5:4. */
public final class ChassisIdentifyState extends OpenEnum {
    private static final Map<Integer, ChassisIdentifyState> KNOWN = new HashMap<>();

    public static final ChassisIdentifyState OFF = define(0, "off");
    public static final ChassisIdentifyState TEMPORARY_ON = define(1, "temporary (timed) on");
    public static final ChassisIdentifyState INDEFINITE_ON = define(2, "indefinite on");

    private ChassisIdentifyState(int code, String name, boolean known) {
        super(code, name, known);
    }

    private static ChassisIdentifyState define(int code, String name) {
        ChassisIdentifyState s = new ChassisIdentifyState(code, name, true);
        KNOWN.put(code, s);
        return s;
    }

    /** Takes bits 1:0 of {@code code}; 3 is reserved and comes back as unknown(3). */
    public static ChassisIdentifyState valueOf(int code) {
        return lookup(KNOWN, code & 0x03, n -> new ChassisIdentifyState(n, unknownName(n), false));
    }
}
