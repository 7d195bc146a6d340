package dev.ipmi.core.sdr;

import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;

/**
 * The six conversion-factor bytes of a full sensor record (bytes 25–30, IPMI v2.0 table 43-1), also
 * returned by Get Sensor Reading Factors.
 *
 * @param m           10-bit two's complement multiplier
 * @param tolerance   6-bit tolerance in ½ raw counts
 * @param b           10-bit two's complement offset
 * @param accuracy    10-bit unsigned accuracy in 0.01 % units (scaled by 10^accuracyExp)
 * @param accuracyExp 2-bit accuracy exponent
 * @param direction   2-bit sensor direction (0 n/a, 1 input, 2 output)
 * @param rExp        K2, 4-bit two's complement result exponent
 * @param bExp        K1, 4-bit two's complement B exponent
 */
public record ConversionFactors(int m, int tolerance, int b, int accuracy, int accuracyExp, int direction, int rExp,
                                int bExp) {
    public ConversionFactors {
        range(m, -512, 511, "M");
        range(tolerance, 0, 63, "tolerance");
        range(b, -512, 511, "B");
        range(accuracy, 0, 1023, "accuracy");
        range(accuracyExp, 0, 3, "accuracy exponent");
        range(direction, 0, 3, "direction");
        range(rExp, -8, 7, "R exponent");
        range(bExp, -8, 7, "B exponent");
    }

    private static void range(int v, int lo, int hi, String what) {
        if (v < lo || v > hi) {
            throw new IllegalArgumentException(what + " out of range " + lo + ".." + hi + ": " + v);
        }
    }

    public static ConversionFactors linear(int m, int b, int bExp, int rExp) {
        return new ConversionFactors(m, 0, b, 0, 0, 0, rExp, bExp);
    }

    public static ConversionFactors decode(ByteReader in) {
        int mLo = in.u8("M");
        int mTol = in.u8("M, tolerance");
        int bLo = in.u8("B");
        int bAcc = in.u8("B, accuracy");
        int accDir = in.u8("accuracy, accuracy exponent, direction");
        int exps = in.u8("R exponent, B exponent");
        return new ConversionFactors(signed10(mLo | (mTol & 0xC0) << 2), mTol & 0x3F, signed10(bLo | (bAcc & 0xC0) << 2),
                (bAcc & 0x3F) | (accDir & 0xF0) << 2, (accDir >>> 2) & 0x03, accDir & 0x03, signed4(exps >>> 4),
                signed4(exps & 0x0F));
    }

    public void encode(ByteWriter out) {
        out.u8(m & 0xFF)
                .u8((m >>> 2 & 0xC0) | tolerance)
                .u8(b & 0xFF)
                .u8((b >>> 2 & 0xC0) | (accuracy & 0x3F))
                .u8((accuracy >>> 2 & 0xF0) | accuracyExp << 2 | direction)
                .u8((rExp & 0x0F) << 4 | (bExp & 0x0F));
    }

    static int signed10(int v) {
        return (v & 0x200) != 0 ? v - 0x400 : v;
    }

    static int signed4(int v) {
        return (v & 0x08) != 0 ? v - 0x10 : v;
    }
}
