package dev.ipmi.core.client;

import dev.ipmi.core.commands.sensor.GetSensorThresholds;
import java.util.Locale;

/** One sensor threshold — IPMI v2.0 §35.8, named as ipmitool's {@code sensor thresh} names them. */
public enum Threshold {
    LNR(GetSensorThresholds.LNR, "Lower Non-Recoverable"),
    LCR(GetSensorThresholds.LCR, "Lower Critical"),
    LNC(GetSensorThresholds.LNC, "Lower Non-Critical"),
    UNC(GetSensorThresholds.UNC, "Upper Non-Critical"),
    UCR(GetSensorThresholds.UCR, "Upper Critical"),
    UNR(GetSensorThresholds.UNR, "Upper Non-Recoverable");

    private final int bit;
    private final String longName;

    Threshold(int bit, String longName) {
        this.bit = bit;
        this.longName = longName;
    }

    /** The threshold's bit in the Get/Set Sensor Thresholds masks. */
    public int bit() {
        return bit;
    }

    /** "Upper Non-Critical" etc. */
    public String longName() {
        return longName;
    }

    /** Parses ipmitool's spelling ("unc", "lcr", …), case-insensitive. */
    public static Threshold parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown threshold '" + text
                    + "' (expected lnr, lcr, lnc, unc, ucr or unr)");
        }
    }
}
