package dev.ipmi.core.sdr;

import java.util.Objects;

/**
 * Raw-to-value conversion of a numeric sensor: {@code y = L[(M·x + B·10^K1)·10^K2]} — IPMI v2.0
 * §36.3. x is the raw byte read in the record's analog data format.
 */
public record SensorConversion(AnalogFormat format, Linearization linearization, ConversionFactors factors) {
    public SensorConversion {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(linearization, "linearization");
        Objects.requireNonNull(factors, "factors");
    }

    /** True when a raw byte can be turned into a number with these factors alone. */
    public boolean isNumeric() {
        return format != AnalogFormat.NONE && linearization != Linearization.UNKNOWN;
    }

    /** The converted value; NaN when the format has no numeric reading or L is undefined there. */
    public double convert(int raw) {
        if (!isNumeric()) {
            return Double.NaN;
        }
        int x = format.toX(raw);
        double y = (factors.m() * (double) x + factors.b() * Math.pow(10, factors.bExp()))
                * Math.pow(10, factors.rExp());
        return linearization.apply(y);
    }

    /** The same conversion with other factors (non-linear sensors, after Get Sensor Reading Factors). */
    public SensorConversion withFactors(ConversionFactors other) {
        return new SensorConversion(format, linearization, other);
    }

    /** Tolerance as ipmitool prints it: ±(M·tolerance/2)·10^K2, in the reading's units before L. */
    public double tolerance() {
        return Math.abs(factors.m() * (factors.tolerance() / 2.0) * Math.pow(10, factors.rExp()));
    }

    /** Resolution of one raw count: |M·10^K2| (before linearization). */
    public double resolution() {
        return Math.abs(factors.m() * Math.pow(10, factors.rExp()));
    }

    /** Accuracy in percent: accuracy·0.01·10^accuracyExp. */
    public double accuracyPercent() {
        return factors.accuracy() * 0.01 * Math.pow(10, factors.accuracyExp());
    }

    /** A raw hysteresis count converted as ipmitool does: M·count·10^K2 (no offset, no linearization). */
    public double hysteresis(int rawCount) {
        return factors.m() * (double) rawCount * Math.pow(10, factors.rExp());
    }

    /**
     * The raw byte whose converted value is closest to {@code value} (for Set Sensor Thresholds).
     *
     * @throws IllegalArgumentException when the sensor is not numeric
     */
    public int toRaw(double value) {
        if (!isNumeric()) {
            throw new IllegalArgumentException("sensor has no numeric conversion");
        }
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int raw = 0; raw <= 0xFF; raw++) {
            double v = convert(raw);
            double d = Math.abs(v - value);
            if (!Double.isNaN(v) && d < bestDistance) {
                best = raw;
                bestDistance = d;
            }
        }
        if (best < 0) {
            throw new IllegalArgumentException("no raw value converts to a number");
        }
        return best;
    }
}
