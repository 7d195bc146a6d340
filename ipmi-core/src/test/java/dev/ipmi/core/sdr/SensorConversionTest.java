package dev.ipmi.core.sdr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SensorConversionTest {
    private static SensorConversion conv(AnalogFormat f, Linearization l, int m, int b, int k1, int k2) {
        return new SensorConversion(f, l, ConversionFactors.linear(m, b, k1, k2));
    }

    @Test
    void labSensorsConvertAsIpmitoolShowsThem() {
        // 12V: M=6, K2=-2 -> raw C8h = 12.00 V, B9h = 11.10 V; Fan1: M=50 -> 60h = 4800 RPM
        SensorConversion v = conv(AnalogFormat.UNSIGNED, Linearization.LINEAR, 6, 0, 0, -2);
        assertThat(v.convert(0xC8)).isCloseTo(12.0, within(1e-9));
        assertThat(IpmitoolFormat.value(v.convert(0xB9), 2)).isEqualTo("11.10");
        assertThat(conv(AnalogFormat.UNSIGNED, Linearization.LINEAR, 50, 0, 0, 0).convert(0x60)).isEqualTo(4800.0);
    }

    @Test
    void analogFormats() {
        assertThat(AnalogFormat.UNSIGNED.toX(0xFF)).isEqualTo(255);
        assertThat(AnalogFormat.TWOS_COMPLEMENT.toX(0xFF)).isEqualTo(-1);
        assertThat(AnalogFormat.TWOS_COMPLEMENT.toX(0x80)).isEqualTo(-128);
        assertThat(AnalogFormat.ONES_COMPLEMENT.toX(0xFF)).isZero();
        assertThat(AnalogFormat.ONES_COMPLEMENT.toX(0xFE)).isEqualTo(-1);
        assertThat(AnalogFormat.ONES_COMPLEMENT.toX(0x80)).isEqualTo(-127);
        assertThat(conv(AnalogFormat.NONE, Linearization.LINEAR, 1, 0, 0, 0).convert(5)).isNaN();
    }

    @Test
    void everyLinearization() {
        double y = 8; // M=1, x=8
        assertThat(conv(AnalogFormat.UNSIGNED, Linearization.LN, 1, 0, 0, 0).convert(8)).isCloseTo(Math.log(y), within(1e-12));
        assertThat(conv(AnalogFormat.UNSIGNED, Linearization.LOG10, 1, 0, 0, 0).convert(100)).isCloseTo(2, within(1e-12));
        assertThat(conv(AnalogFormat.UNSIGNED, Linearization.LOG2, 1, 0, 0, 0).convert(8)).isCloseTo(3, within(1e-12));
        assertThat(conv(AnalogFormat.UNSIGNED, Linearization.E, 1, 0, 0, 0).convert(1)).isCloseTo(Math.E, within(1e-12));
        assertThat(conv(AnalogFormat.UNSIGNED, Linearization.EXP10, 1, 0, 0, 0).convert(2)).isCloseTo(100, within(1e-9));
        assertThat(conv(AnalogFormat.UNSIGNED, Linearization.EXP2, 1, 0, 0, 0).convert(5)).isCloseTo(32, within(1e-9));
        assertThat(conv(AnalogFormat.UNSIGNED, Linearization.INVERSE, 1, 0, 0, 0).convert(4)).isCloseTo(0.25, within(1e-12));
        assertThat(conv(AnalogFormat.UNSIGNED, Linearization.SQR, 1, 0, 0, 0).convert(7)).isCloseTo(49, within(1e-12));
        assertThat(conv(AnalogFormat.UNSIGNED, Linearization.CUBE, 1, 0, 0, 0).convert(3)).isCloseTo(27, within(1e-12));
        assertThat(conv(AnalogFormat.UNSIGNED, Linearization.SQRT, 1, 0, 0, 0).convert(81)).isCloseTo(9, within(1e-12));
        assertThat(conv(AnalogFormat.UNSIGNED, Linearization.CBRT, 1, 0, 0, 0).convert(64)).isCloseTo(4, within(1e-12));
        assertThat(conv(AnalogFormat.UNSIGNED, Linearization.INVERSE, 1, 0, 0, 0).convert(0)).isNaN();
        assertThat(conv(AnalogFormat.UNSIGNED, Linearization.LN, 1, 0, 0, 0).convert(0)).isNaN();
        assertThat(Linearization.of(0x70)).isEqualTo(Linearization.NON_LINEAR);
        assertThat(Linearization.of(0x7F)).isEqualTo(Linearization.NON_LINEAR);
        assertThat(Linearization.of(0x20)).isEqualTo(Linearization.UNKNOWN);
    }

    @Test
    void offsetExponentsAndTolerance() {
        // y = (2x + 5*10^1) * 10^-1 at x=10 -> 7.0
        SensorConversion c = conv(AnalogFormat.UNSIGNED, Linearization.LINEAR, 2, 5, 1, -1);
        assertThat(c.convert(10)).isCloseTo(7.0, within(1e-12));
        SensorConversion t = new SensorConversion(AnalogFormat.UNSIGNED, Linearization.LINEAR,
                new ConversionFactors(6, 4, 0, 0, 0, 1, -2, 0));
        assertThat(t.tolerance()).isCloseTo(0.12, within(1e-12));
        assertThat(t.resolution()).isCloseTo(0.06, within(1e-12));
        assertThat(t.toRaw(11.1)).isEqualTo(0xB9);
    }

    @Test
    void factorsDecodeTenBitSignedValues() {
        // M = -1 (3FFh), tolerance 3Fh, B = -512 (200h), accuracy 3FFh, accExp 3, direction 2, K2=-8, K1=7
        byte[] b = {(byte) 0xFF, (byte) 0xFF, 0x00, (byte) 0xBF, (byte) 0xFE, (byte) 0x87};
        ConversionFactors f = ConversionFactors.decode(ByteReader.of(b));
        assertThat(f).isEqualTo(new ConversionFactors(-1, 0x3F, -512, 0x3FF, 3, 2, -8, 7));
        ByteWriter w = new ByteWriter();
        f.encode(w);
        assertThat(w.toByteArray()).isEqualTo(b);
    }

    @Provide
    Arbitrary<ConversionFactors> factors() {
        return Combinators.combine(Arbitraries.integers().between(-512, 511), Arbitraries.integers().between(0, 63),
                Arbitraries.integers().between(-512, 511), Arbitraries.integers().between(0, 1023),
                Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(-8, 7), Arbitraries.integers().between(-8, 7))
                .as(ConversionFactors::new);
    }

    @Property(tries = 500)
    void factorsRoundTrip(@ForAll("factors") ConversionFactors f) {
        ByteWriter w = new ByteWriter();
        f.encode(w);
        assertThat(ConversionFactors.decode(ByteReader.of(w.toByteArray()))).isEqualTo(f);
    }

    @Property(tries = 300)
    void linearSensorsWithPositiveMAreMonotonicInRaw(@ForAll @IntRange(min = 1, max = 511) int m,
                                                     @ForAll @IntRange(min = -512, max = 511) int b,
                                                     @ForAll @IntRange(min = -8, max = 7) int k1,
                                                     @ForAll @IntRange(min = -8, max = 7) int k2,
                                                     @ForAll("signed") AnalogFormat format) {
        SensorConversion c = conv(format, Linearization.LINEAR, m, b, k1, k2);
        double prev = Double.NEGATIVE_INFINITY;
        // walk raw values in the order of the numbers they encode
        for (int x = format == AnalogFormat.UNSIGNED ? 0 : -127; x <= (format == AnalogFormat.UNSIGNED ? 255 : 127); x++) {
            int raw = format == AnalogFormat.ONES_COMPLEMENT && x < 0 ? (x - 1) & 0xFF : x & 0xFF;
            double v = c.convert(raw);
            assertThat(v).isFinite().isGreaterThan(prev);
            prev = v;
        }
    }

    @Provide
    Arbitrary<AnalogFormat> signed() {
        return Arbitraries.of(AnalogFormat.UNSIGNED, AnalogFormat.ONES_COMPLEMENT, AnalogFormat.TWOS_COMPLEMENT);
    }

    @Property(tries = 300)
    void conversionIsTheSpecFormula(@ForAll("factors") ConversionFactors f, @ForAll @IntRange(min = 0, max = 255) int raw) {
        SensorConversion c = new SensorConversion(AnalogFormat.TWOS_COMPLEMENT, Linearization.LINEAR, f);
        double expected = (f.m() * (double) (byte) raw + f.b() * Math.pow(10, f.bExp())) * Math.pow(10, f.rExp());
        assertThat(c.convert(raw)).isCloseTo(expected, within(Math.abs(expected) * 1e-12 + 1e-15));
    }

    @Test
    void cFormattingRoundsTheBinaryValueLikeGlibc() {
        assertThat(IpmitoolFormat.fixed(0.125, 2)).isEqualTo("0.12");
        assertThat(IpmitoolFormat.fixed(0.375, 2)).isEqualTo("0.38");
        assertThat(IpmitoolFormat.fixed(2.675, 2)).isEqualTo("2.67");
        assertThat(IpmitoolFormat.fixed(-0.001, 2)).isEqualTo("-0.00");
        assertThat(IpmitoolFormat.value(12.0, 2)).isEqualTo("12");
    }
}
