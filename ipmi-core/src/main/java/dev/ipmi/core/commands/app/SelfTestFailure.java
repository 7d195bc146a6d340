package dev.ipmi.core.commands.app;

import java.util.EnumSet;
import java.util.Set;

/** Byte 3 of Get Self Test Results when byte 2 is 57h — IPMI v2.0 §20.4, table 20-4 (one bit each). */
public enum SelfTestFailure {
    OPERATIONAL_FIRMWARE_CORRUPTED(0x01, "firmware corrupted"),
    BOOT_BLOCK_FIRMWARE_CORRUPTED(0x02, "boot block corrupted"),
    FRU_INTERNAL_USE_AREA_CORRUPTED(0x04, "FRU internal use area corrupted"),
    SDR_REPOSITORY_EMPTY(0x08, "SDR repository empty"),
    IPMB_LINES_DEAD(0x10, "IPMB signal lines do not respond"),
    FRU_INACCESSIBLE(0x20, "FRU device inaccessible"),
    SDR_REPOSITORY_INACCESSIBLE(0x40, "SDR repository inaccessible"),
    SEL_INACCESSIBLE(0x80, "SEL device inaccessible");

    private final int mask;
    private final String description;

    SelfTestFailure(int mask, String description) {
        this.mask = mask;
        this.description = description;
    }

    public int mask() {
        return mask;
    }

    public String description() {
        return description;
    }

    public static Set<SelfTestFailure> fromBits(int bits) {
        EnumSet<SelfTestFailure> s = EnumSet.noneOf(SelfTestFailure.class);
        for (SelfTestFailure f : values()) {
            if ((bits & f.mask) != 0) {
                s.add(f);
            }
        }
        return s;
    }
}
