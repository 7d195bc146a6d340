package dev.ipmi.core.commands.dcmi;

import dev.ipmi.core.types.ByteString;
import static dev.ipmi.core.commands.VectorSupport.assertCompletionCode;
import static dev.ipmi.core.commands.VectorSupport.assertReencodes;
import static dev.ipmi.core.commands.VectorSupport.assertRequestRoundTrip;
import static dev.ipmi.core.commands.VectorSupport.decode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipmi.core.MalformedMessageException;
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
        GetDcmiCapabilityInfo.Response raw = decode(new GetDcmiCapabilityInfo.Request(3), CAPS, "response-param3-raw");
        assertThat(raw.parameter()).isEqualTo(DcmiCapabilityParameter.raw(3, ByteString.of(new byte[] {0x40, 0x01})));
        assertThatThrownBy(() -> decode(new GetDcmiCapabilityInfo.Request(1), CAPS, "response-wrong-group"))
                .isInstanceOfSatisfying(MalformedMessageException.class,
                        e -> assertThat(e.field()).isEqualTo("group extension identification"));
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
