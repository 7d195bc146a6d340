package dev.ipmi.core.commands.dcmi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;
import java.util.OptionalInt;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Typed DCMI capability parameters 3 to 5: every value encodes to bytes that decode to it again. */
class DcmiCapabilityPropertiesTest {

    @Property
    void optionalPlatformAttributesRoundTrip(@ForAll @IntRange(max = 0xFF) int address,
                                             @ForAll @IntRange(max = 0x0F) int channel,
                                             @ForAll @IntRange(max = 0x0F) int revision) {
        assertRoundTrip(new DcmiCapabilityParameter.OptionalPlatformAttributes(address, channel, revision));
    }

    @Property
    void manageabilityAccessAttributesRoundTrip(@ForAll("channels") OptionalInt primary,
                                                @ForAll("channels") OptionalInt secondary,
                                                @ForAll("channels") OptionalInt serial) {
        assertRoundTrip(new DcmiCapabilityParameter.ManageabilityAccessAttributes(primary, secondary, serial));
    }

    @Property
    void enhancedPowerStatisticsAttributesRoundTrip(@ForAll("periods") DcmiCapabilityParameter.EnhancedPowerStatisticsAttributes p) {
        assertRoundTrip(p);
    }

    @Property
    void everyPeriodByteRoundTrips(@ForAll @IntRange(max = 0xFF) int b) {
        assertThat(DcmiCapabilityParameter.RollingAveragePeriod.fromWire(b).toWire()).isEqualTo(b);
    }

    @Provide
    Arbitrary<OptionalInt> channels() {
        return Arbitraries.integers().between(0, 0xFE).map(OptionalInt::of).injectNull(0.2)
                .map(c -> c == null ? OptionalInt.empty() : c);
    }

    @Provide
    Arbitrary<DcmiCapabilityParameter.EnhancedPowerStatisticsAttributes> periods() {
        Arbitrary<DcmiCapabilityParameter.RollingAveragePeriod> period = Combinators.combine(
                Arbitraries.integers().between(0, 0x3F),
                Arbitraries.of(DcmiCapabilityParameter.RollingAveragePeriod.Unit.class))
                .as(DcmiCapabilityParameter.RollingAveragePeriod::new);
        return period.list().ofMaxSize(20).map(DcmiCapabilityParameter.EnhancedPowerStatisticsAttributes::new);
    }

    private static void assertRoundTrip(DcmiCapabilityParameter p) {
        ByteWriter out = new ByteWriter();
        p.encodeData(out);
        assertThat(DcmiCapabilityParameter.decode(p.selector(), ByteReader.of(out.toByteArray()))).isEqualTo(p);
    }
}
