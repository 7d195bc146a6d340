package dev.ipmi.core.commands.chassis;

import java.util.EnumSet;
import java.util.Set;

/** The agents of boot info acknowledge — IPMI v2.0 table 28-14, parameter 4 (one bit each). */
public enum BootInfoAgent {
    BIOS_POST(0x01),
    OS_LOADER(0x02),
    OS_SERVICE_PARTITION(0x04),
    SMS(0x08),
    OEM(0x10);

    private final int mask;

    BootInfoAgent(int mask) {
        this.mask = mask;
    }

    public int mask() {
        return mask;
    }

    /** The agents whose bits are set in {@code bits}; reserved bits 7:5 are dropped. */
    public static Set<BootInfoAgent> fromBits(int bits) {
        EnumSet<BootInfoAgent> s = EnumSet.noneOf(BootInfoAgent.class);
        for (BootInfoAgent a : values()) {
            if ((bits & a.mask) != 0) {
                s.add(a);
            }
        }
        return s;
    }

    public static int toBits(Set<BootInfoAgent> agents) {
        int b = 0;
        for (BootInfoAgent a : agents) {
            b |= a.mask;
        }
        return b;
    }
}
