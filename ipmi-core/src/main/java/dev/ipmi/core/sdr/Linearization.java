package dev.ipmi.core.sdr;

/** Linearization function L — IPMI v2.0 table 43-1 byte 24, §36.3. */
public enum Linearization {
    LINEAR(0x00, "linear"),
    LN(0x01, "ln"),
    LOG10(0x02, "log10"),
    LOG2(0x03, "log2"),
    E(0x04, "e"),
    EXP10(0x05, "exp10"),
    EXP2(0x06, "exp2"),
    INVERSE(0x07, "1/x"),
    SQR(0x08, "sqr(x)"),
    CUBE(0x09, "cube(x)"),
    SQRT(0x0A, "sqrt(x)"),
    CBRT(0x0B, "cube-1(x)"),
    /** 70h: non-linear, factors from Get Sensor Reading Factors. 71h–7Fh (OEM non-linear) map here too. */
    NON_LINEAR(0x70, "non-linear"),
    /** Reserved codes (0Ch–6Fh): no conversion is defined. */
    UNKNOWN(-1, "unknown");

    private final int code;
    private final String text;

    Linearization(int code, String text) {
        this.code = code;
        this.text = text;
    }

    public static Linearization of(int value) {
        int v = value & 0x7F;
        if (v <= 0x0B) {
            return values()[v];
        }
        return v >= 0x70 ? NON_LINEAR : UNKNOWN;
    }

    public int code() {
        return code;
    }

    public String text() {
        return text;
    }

    /** Applies L to y; NaN where L is undefined (log of a non-positive value, 1/0). */
    public double apply(double y) {
        return switch (this) {
            case LINEAR, NON_LINEAR -> y;
            case LN -> y > 0 ? Math.log(y) : Double.NaN;
            case LOG10 -> y > 0 ? Math.log10(y) : Double.NaN;
            case LOG2 -> y > 0 ? Math.log(y) / Math.log(2) : Double.NaN;
            case E -> Math.exp(y);
            case EXP10 -> Math.pow(10, y);
            case EXP2 -> Math.pow(2, y);
            case INVERSE -> y != 0 ? 1.0 / y : Double.NaN;
            case SQR -> y * y;
            case CUBE -> y * y * y;
            case SQRT -> y >= 0 ? Math.sqrt(y) : Double.NaN;
            case CBRT -> Math.cbrt(y);
            case UNKNOWN -> Double.NaN;
        };
    }
}
