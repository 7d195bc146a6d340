package dev.ipmi.core.commands.app;

import dev.ipmi.core.types.OpenEnum;
import java.util.HashMap;
import java.util.Map;

/** ACPI system power state — IPMI v2.0 §20.6, table 20-6 (7-bit codes). */
public final class SystemPowerState extends OpenEnum {
    private static final Map<Integer, SystemPowerState> KNOWN = new HashMap<>();

    public static final SystemPowerState S0_G0 = define(0x00, "S0/G0 working");
    public static final SystemPowerState S1 = define(0x01, "S1 hardware context maintained");
    public static final SystemPowerState S2 = define(0x02, "S2 stopped clocks");
    public static final SystemPowerState S3 = define(0x03, "S3 suspend-to-RAM");
    public static final SystemPowerState S4 = define(0x04, "S4 suspend-to-disk");
    public static final SystemPowerState S5_G2 = define(0x05, "S5/G2 soft off");
    public static final SystemPowerState S4_S5 = define(0x06, "S4/S5 soft off, cannot tell S4 from S5");
    public static final SystemPowerState G3 = define(0x07, "G3 mechanical off");
    public static final SystemPowerState SLEEPING = define(0x08, "sleeping in S1, S2 or S3");
    public static final SystemPowerState G1_SLEEPING = define(0x09, "G1 sleeping, S1-S4 cannot be told apart");
    public static final SystemPowerState S5_OVERRIDE = define(0x0A, "S5 entered by override");
    public static final SystemPowerState LEGACY_ON = define(0x20, "legacy on");
    public static final SystemPowerState LEGACY_OFF = define(0x21, "legacy soft-off");
    public static final SystemPowerState UNKNOWN = define(0x2A, "unknown");
    /** Set ACPI Power State only. */
    public static final SystemPowerState NO_CHANGE = define(0x7F, "no change");

    private SystemPowerState(int code, String name, boolean known) {
        super(code, name, known);
    }

    private static SystemPowerState define(int code, String name) {
        SystemPowerState s = new SystemPowerState(code, name, true);
        KNOWN.put(code, s);
        return s;
    }

    /** Takes bits 6:0 of {@code code}. */
    public static SystemPowerState valueOf(int code) {
        return lookup(KNOWN, code & 0x7F, n -> new SystemPowerState(n, unknownName(n), false));
    }
}
