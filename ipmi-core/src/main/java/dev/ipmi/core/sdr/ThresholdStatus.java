package dev.ipmi.core.sdr;

/**
 * The state of a threshold sensor derived from the comparison bits of Get Sensor Reading (IPMI
 * v2.0 table 35-15 byte 4), with the three spellings ipmitool uses.
 */
public enum ThresholdStatus {
    OK("ok", "ok", "ok"),
    LOWER_NON_CRITICAL("lnc", "nc", "Lower Non-Critical"),
    UPPER_NON_CRITICAL("unc", "nc", "Upper Non-Critical"),
    LOWER_CRITICAL("lcr", "cr", "Lower Critical"),
    UPPER_CRITICAL("ucr", "cr", "Upper Critical"),
    LOWER_NON_RECOVERABLE("lnr", "nr", "Lower Non-Recoverable"),
    UPPER_NON_RECOVERABLE("unr", "nr", "Upper Non-Recoverable");

    private final String abbreviation;
    private final String shortText;
    private final String longText;

    ThresholdStatus(String abbreviation, String shortText, String longText) {
        this.abbreviation = abbreviation;
        this.shortText = shortText;
        this.longText = longText;
    }

    /**
     * The most severe state in the comparison bits ([0] LNC, [1] LCR, [2] LNR, [3] UNC, [4] UCR,
     * [5] UNR), checked in ipmitool's order: non-recoverable, critical, non-critical, lower first.
     */
    public static ThresholdStatus of(int comparison) {
        if ((comparison & 0x04) != 0) {
            return LOWER_NON_RECOVERABLE;
        }
        if ((comparison & 0x20) != 0) {
            return UPPER_NON_RECOVERABLE;
        }
        if ((comparison & 0x02) != 0) {
            return LOWER_CRITICAL;
        }
        if ((comparison & 0x10) != 0) {
            return UPPER_CRITICAL;
        }
        if ((comparison & 0x01) != 0) {
            return LOWER_NON_CRITICAL;
        }
        if ((comparison & 0x08) != 0) {
            return UPPER_NON_CRITICAL;
        }
        return OK;
    }

    /** "lcr", "unc" … as in {@code ipmitool sdr elist}. */
    public String abbreviation() {
        return abbreviation;
    }

    /** "ok", "nc", "cr", "nr" as in {@code ipmitool sdr list} and {@code sensor list}. */
    public String shortText() {
        return shortText;
    }

    /** "Upper Critical" … as in {@code ipmitool sensor get}. */
    public String longText() {
        return longText;
    }
}
