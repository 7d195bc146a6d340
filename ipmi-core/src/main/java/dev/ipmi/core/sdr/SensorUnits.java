package dev.ipmi.core.sdr;

import java.util.List;

/**
 * A sensor's units — IPMI v2.0 table 43-1 bytes 21–23, unit codes table 43-15.
 *
 * @param units1       byte 21: [7:6] analog format, [5:3] rate unit, [2:1] modifier relation, [0] percentage
 * @param baseUnit     base unit type code
 * @param modifierUnit modifier unit type code
 */
public record SensorUnits(int units1, int baseUnit, int modifierUnit) {
    /** Modifier relation bits [2:1] of units 1. */
    public static final int MODIFIER_NONE = 0;
    public static final int MODIFIER_DIVIDE = 1;
    public static final int MODIFIER_MULTIPLY = 2;

    /** Unit names exactly as ipmitool prints them, indexed by unit type code. */
    private static final List<String> NAMES = List.of(
            "unspecified", "degrees C", "degrees F", "degrees K", "Volts", "Amps", "Watts", "Joules", "Coulombs",
            "VA", "Nits", "lumen", "lux", "Candela", "kPa", "PSI", "Newton", "CFM", "RPM", "Hz", "microsecond",
            "millisecond", "second", "minute", "hour", "day", "week", "mil", "inches", "feet", "cu in", "cu feet",
            "mm", "cm", "m", "cu cm", "cu m", "liters", "fluid ounce", "radians", "steradians", "revolutions",
            "cycles", "gravities", "ounce", "pound", "ft-lb", "oz-in", "gauss", "gilberts", "henry", "millihenry",
            "farad", "microfarad", "ohms", "siemens", "mole", "becquerel", "PPM", "reserved", "Decibels", "DbA",
            "DbC", "gray", "sievert", "color temp deg K", "bit", "kilobit", "megabit", "gigabit", "byte",
            "kilobyte", "megabyte", "gigabyte", "word", "dword", "qword", "line", "hit", "miss", "retry", "reset",
            "overrun / overflow", "underrun", "collision", "packets", "messages", "characters", "error",
            "correctable error", "uncorrectable error", "fatal error", "grams");

    private static final List<String> RATES = List.of("", "per µs", "per ms", "per s", "per minute", "per hour",
            "per day", "reserved");

    public SensorUnits {
        for (int v : new int[] {units1, baseUnit, modifierUnit}) {
            if (v < 0 || v > 0xFF) {
                throw new IllegalArgumentException("unit byte out of range: " + v);
            }
        }
    }

    /** ipmitool's name for a unit type code; "unknown(n)" beyond the table. */
    public static String unitName(int code) {
        return code >= 0 && code < NAMES.size() ? NAMES.get(code) : "unknown(" + code + ")";
    }

    public AnalogFormat analogFormat() {
        return AnalogFormat.of(units1);
    }

    /** [5:3]: 0 none, 1 µs, 2 ms, 3 s, 4 minute, 5 hour, 6 day. */
    public int rateUnit() {
        return (units1 >>> 3) & 0x07;
    }

    public int modifierRelation() {
        return (units1 >>> 1) & 0x03;
    }

    public boolean percentage() {
        return (units1 & 0x01) != 0;
    }

    /** "per minute" etc., or empty when the sensor has no rate unit. */
    public String rateText() {
        return RATES.get(rateUnit());
    }

    /**
     * Units as ipmitool 1.8.19 prints them: "% " for percentages, the base unit, then "/modifier" or
     * "*modifier" for the two modifier relations (the rate is not shown). Checked against ipmitool
     * with ipmi_sim SDRs carrying both relations and the percentage bit.
     */
    public String ipmitoolText() {
        String pct = percentage() ? "% " : "";
        return switch (modifierRelation()) {
            case MODIFIER_DIVIDE -> pct + unitName(baseUnit) + "/" + unitName(modifierUnit);
            case MODIFIER_MULTIPLY -> pct + unitName(baseUnit) + "*" + unitName(modifierUnit);
            default -> pct + unitName(baseUnit);
        };
    }

    /** True when the base unit is one ipmitool treats as non-numeric ("discrete" unit strings). */
    public boolean isDiscrete() {
        return analogFormat() == AnalogFormat.NONE;
    }
}
