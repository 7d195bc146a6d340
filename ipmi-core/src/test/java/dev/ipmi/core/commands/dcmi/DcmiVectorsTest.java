package dev.ipmi.core.commands.dcmi;

import dev.ipmi.core.types.ByteString;
import static dev.ipmi.core.commands.VectorSupport.assertCompletionCode;
import static dev.ipmi.core.commands.VectorSupport.assertReencodes;
import static dev.ipmi.core.commands.VectorSupport.assertRequestRoundTrip;
import static dev.ipmi.core.commands.VectorSupport.decode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipmi.core.MalformedMessageException;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** DCMI: ipmitool's captured requests, spec-built responses (ipmi_sim has no DCMI). */
class DcmiVectorsTest {
    private static final String REQS = "dcmi/dcmi-requests.hex";
    private static final String CAPS = "dcmi/get-dcmi-capability-info.hex";
    private static final String POWER = "dcmi/get-power-reading.hex";

    @Test
    void requestsMatchIpmitool() {
        assertRequestRoundTrip(new GetDcmiCapabilityInfo.Request(1), GetDcmiCapabilityInfo.Request::decode, REQS,
                "capability-info-request");
        assertCompletionCode(new GetDcmiCapabilityInfo.Request(1), REQS, "capability-info-response", 0xC1);
        assertRequestRoundTrip(GetPowerReading.Request.systemPowerStatistics(), GetPowerReading.Request::decode, REQS,
                "power-reading-request");
        assertCompletionCode(GetPowerReading.Request.systemPowerStatistics(), REQS, "power-reading-response", 0xC1);
        assertRequestRoundTrip(GetPowerReading.Request.enhanced(0x45), GetPowerReading.Request::decode, POWER,
                "request-mode2");
        assertRequestRoundTrip(new GetDcmiCapabilityInfo.Request(2), GetDcmiCapabilityInfo.Request::decode, CAPS,
                "request-param2");
    }

    @Test
    void supportedCapabilitiesBuiltFromTheDcmiTables() {
        GetDcmiCapabilityInfo.Response r15 = decode(new GetDcmiCapabilityInfo.Request(1), CAPS, "response-param1-dcmi15");
        assertThat(r15.majorVersion()).isEqualTo(1);
        assertThat(r15.minorVersion()).isEqualTo(5);
        assertThat(r15.parameterRevision()).isEqualTo(2);
        assertThat(r15.parameter()).isEqualTo(new DcmiCapabilityParameter.SupportedCapabilities(false, false, false,
                false, true, true, false, true, false, false, false));
        assertReencodes(r15, CAPS, "response-param1-dcmi15");
        GetDcmiCapabilityInfo.Response r10 = decode(new GetDcmiCapabilityInfo.Request(1), CAPS, "response-param1-dcmi10");
        assertThat(r10.parameter()).isEqualTo(new DcmiCapabilityParameter.SupportedCapabilities(true, true, true, true,
                false, true, false, false, true, false, true));
    }

    @Test
    void mandatoryPlatformAttributesBuiltFromTheDcmiTables() {
        GetDcmiCapabilityInfo.Response r = decode(new GetDcmiCapabilityInfo.Request(2), CAPS, "response-param2");
        assertThat(r.parameter()).isEqualTo(new DcmiCapabilityParameter.MandatoryPlatformAttributes(512, false, false,
                true, false, true, true, false, false, false, OptionalInt.of(5)));
        assertReencodes(r, CAPS, "response-param2");
        GetDcmiCapabilityInfo.Response raw = decode(new GetDcmiCapabilityInfo.Request(6), CAPS, "response-param6-raw");
        assertThat(raw.parameter()).isEqualTo(DcmiCapabilityParameter.raw(6, ByteString.of(new byte[] {0x40, 0x01})));
        assertReencodes(raw, CAPS, "response-param6-raw");
        assertThatThrownBy(() -> decode(new GetDcmiCapabilityInfo.Request(1), CAPS, "response-wrong-group"))
                .isInstanceOfSatisfying(MalformedMessageException.class,
                        e -> assertThat(e.field()).isEqualTo("group extension identification"));
    }

    @Test
    void optionalPlatformAttributesBuiltFromTheDcmiTables() {
        GetDcmiCapabilityInfo.Response r = decode(new GetDcmiCapabilityInfo.Request(3), CAPS, "response-param3-raw");
        assertThat(r.parameter()).isEqualTo(new DcmiCapabilityParameter.OptionalPlatformAttributes(0x40, 0, 1));
        assertReencodes(r, CAPS, "response-param3-raw");
        GetDcmiCapabilityInfo.Response bmc = decode(new GetDcmiCapabilityInfo.Request(3), CAPS, "response-param3-bmc");
        assertThat(bmc.parameter()).isEqualTo(new DcmiCapabilityParameter.OptionalPlatformAttributes(0x20, 3, 2));
        assertReencodes(bmc, CAPS, "response-param3-bmc");
        assertThatThrownBy(() -> new DcmiCapabilityParameter.OptionalPlatformAttributes(0x20, 0x10, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("power management channel");
    }

    @Test
    void manageabilityAccessAttributesBuiltFromTheDcmiTables() {
        GetDcmiCapabilityInfo.Response r = decode(new GetDcmiCapabilityInfo.Request(4), CAPS, "response-param4");
        assertThat(r.parameter()).isEqualTo(new DcmiCapabilityParameter.ManageabilityAccessAttributes(
                OptionalInt.of(1), OptionalInt.empty(), OptionalInt.empty()));
        assertReencodes(r, CAPS, "response-param4");
        assertThatThrownBy(() -> new DcmiCapabilityParameter.ManageabilityAccessAttributes(OptionalInt.of(0xFF),
                OptionalInt.empty(), OptionalInt.empty())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("primary LAN channel");
    }

    @Test
    void enhancedPowerStatisticsAttributesBuiltFromTheDcmiTables() {
        GetDcmiCapabilityInfo.Response r = decode(new GetDcmiCapabilityInfo.Request(5), CAPS, "response-param5");
        var p = (DcmiCapabilityParameter.EnhancedPowerStatisticsAttributes) r.parameter();
        assertThat(p.periods()).extracting(DcmiCapabilityParameter.RollingAveragePeriod::duration).containsExactly(
                Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofMinutes(1),
                Duration.ofMinutes(3), Duration.ofMinutes(7), Duration.ofMinutes(15), Duration.ofMinutes(30),
                Duration.ofDays(2));
        assertThat(p.periods().get(3)).isEqualTo(new DcmiCapabilityParameter.RollingAveragePeriod(1,
                DcmiCapabilityParameter.RollingAveragePeriod.Unit.MINUTES));
        assertReencodes(r, CAPS, "response-param5");
        GetDcmiCapabilityInfo.Response none = decode(new GetDcmiCapabilityInfo.Request(5), CAPS, "response-param5-none");
        assertThat(none.parameter()).isEqualTo(new DcmiCapabilityParameter.EnhancedPowerStatisticsAttributes(List.of()));
        assertReencodes(none, CAPS, "response-param5-none");
        assertThatThrownBy(() -> decode(new GetDcmiCapabilityInfo.Request(5), CAPS, "response-param5-short"))
                .isInstanceOfSatisfying(MalformedMessageException.class,
                        e -> assertThat(e.field()).isEqualTo("rolling average time period"));
        assertThatThrownBy(() -> new DcmiCapabilityParameter.RollingAveragePeriod(64,
                DcmiCapabilityParameter.RollingAveragePeriod.Unit.SECONDS)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void powerReadingBuiltFromTheDcmiTable() {
        GetPowerReading.Response r = decode(GetPowerReading.Request.systemPowerStatistics(), POWER, "response-active");
        assertThat(r).isEqualTo(new GetPowerReading.Response(200, 100, 300, 180, 0x5F5E1000L, 1000, true));
        assertReencodes(r, POWER, "response-active");
        GetPowerReading.Response off = decode(GetPowerReading.Request.systemPowerStatistics(), POWER, "response-inactive");
        assertThat(off.measurementActive()).isFalse();
        assertThat(off.currentWatts()).isEqualTo(200);
    }
}
