package dev.ipmi.core.commands.sensor;

import static dev.ipmi.core.commands.VectorSupport.assertEncodes;
import static dev.ipmi.core.commands.VectorSupport.assertReencodes;
import static dev.ipmi.core.commands.VectorSupport.decode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipmi.core.MalformedMessageException;
import dev.ipmi.core.wire.ByteReader;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class GetSensorEventEnableTest {
    private static final String FILE = "sensor/get-sensor-event-enable.hex";

    @Test
    void cpuTempFromIpmitoolCapture() {
        GetSensorEventEnable.Request req = new GetSensorEventEnable.Request(0x01);
        assertEncodes(req, FILE, "cpu-temp-request");
        GetSensorEventEnable.Response r = decode(req, FILE, "cpu-temp-response");
        // [7] event messages enabled, [6] scanning enabled
        assertThat(r.flags()).isEqualTo(0xC0);
        // unc- unc+ ucr- ucr+ unr- unr+: bits 6..11
        assertThat(r.assertions()).isEqualTo(0x0FC0);
        assertThat(r.deassertions()).isEqualTo(0x0FC0);
        assertReencodes(r, FILE, "cpu-temp-response");
    }

    @Test
    void twelveVoltFromIpmitoolCapture() {
        GetSensorEventEnable.Request req = new GetSensorEventEnable.Request(0x04);
        assertEncodes(req, FILE, "12v-request");
        GetSensorEventEnable.Response r = decode(req, FILE, "12v-response");
        // lnc- lcr- unc+ ucr+: bits 0, 2, 7, 9
        assertThat(r.assertions()).isEqualTo(0x0285);
        assertReencodes(r, FILE, "12v-response");
    }

    @Test
    void missingOptionalBytesReadAsZeroAndEmptyIsMalformed() {
        GetSensorEventEnable.Request req = new GetSensorEventEnable.Request(0x01);
        assertThat(req.decodeResponse(ByteReader.of(new byte[] {(byte) 0x80})).assertions()).isZero();
        assertThatThrownBy(() -> req.decodeResponse(ByteReader.of(new byte[0])))
                .isInstanceOf(MalformedMessageException.class);
    }

    @Property(tries = 200)
    void roundTrip(@ForAll @IntRange(max = 0xFF) int flags, @ForAll @IntRange(max = 0x7FFF) int a,
                   @ForAll @IntRange(max = 0x7FFF) int d) {
        GetSensorEventEnable.Response r = new GetSensorEventEnable.Response(flags, a, d);
        assertThat(new GetSensorEventEnable.Request(1).decodeResponse(ByteReader.of(r.toBytes()))).isEqualTo(r);
    }

    @Provide
    Arbitrary<byte[]> bodies() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(12);
    }

    @Property(tries = 300)
    void arbitraryBytesDecodeOrAreMalformed(@ForAll("bodies") byte[] body) {
        try {
            assertThat(new GetSensorEventEnable.Request(1).decodeResponse(ByteReader.of(body))).isNotNull();
        } catch (MalformedMessageException expected) {
            assertThat(expected.getMessage()).isNotEmpty();
        }
    }
}
