package dev.ipmi.core.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.MalformedMessageException;
import dev.ipmi.core.commands.sensor.GetSensorReading;
import dev.ipmi.core.commands.sensor.GetSensorThresholds;
import dev.ipmi.core.commands.storage.GetFruInventoryAreaInfo;
import dev.ipmi.core.commands.storage.GetSdr;
import dev.ipmi.core.commands.storage.GetSelEntry;
import dev.ipmi.core.commands.storage.ReadFruData;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;
import java.util.function.Function;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The request decoders the BMC side uses: decode(encode(x)) == x, and arbitrary bytes never escape as anything else. */
class RequestDecodePropertiesTest {
    static byte[] bytes(IpmiRequest<?> r) {
        ByteWriter w = new ByteWriter(8);
        r.encode(w);
        return w.toByteArray();
    }

    @Property
    void storageRequestsRoundTrip(@ForAll @IntRange(max = 0xFFFF) int a, @ForAll @IntRange(max = 0xFFFF) int b,
                                  @ForAll @IntRange(max = 0xFE) int c, @ForAll @IntRange(max = 0xFF) int d) {
        GetSdr.Request sdr = new GetSdr.Request(a, b, c, d);
        assertThat(GetSdr.Request.decode(ByteReader.of(bytes(sdr)))).isEqualTo(sdr);
        GetSelEntry.Request sel = new GetSelEntry.Request(a, b, c, d);
        assertThat(GetSelEntry.Request.decode(ByteReader.of(bytes(sel)))).isEqualTo(sel);
        ReadFruData.Request fru = new ReadFruData.Request(c, a, d);
        assertThat(ReadFruData.Request.decode(ByteReader.of(bytes(fru)))).isEqualTo(fru);
        GetFruInventoryAreaInfo.Request info = new GetFruInventoryAreaInfo.Request(c);
        assertThat(GetFruInventoryAreaInfo.Request.decode(ByteReader.of(bytes(info)))).isEqualTo(info);
    }

    @Property
    void sensorRequestsRoundTrip(@ForAll @IntRange(max = 0xFE) int n) {
        assertThat(GetSensorReading.Request.decode(ByteReader.of(new byte[] {(byte) n})).sensorNumber()).isEqualTo(n);
        assertThat(GetSensorThresholds.Request.decode(ByteReader.of(new byte[] {(byte) n})).sensorNumber())
                .isEqualTo(n);
    }

    @Test
    void sensorFfIsRefused() {
        assertThatThrownBy(() -> GetSensorReading.Request.decode(ByteReader.of(new byte[] {(byte) 0xFF})))
                .isInstanceOf(MalformedMessageException.class);
    }

    @Property
    void arbitraryBytesGiveAValueOrMalformed(@ForAll byte[] data) {
        for (Function<ByteReader, ?> decoder : java.util.List.<Function<ByteReader, ?>>of(GetSdr.Request::decode,
                GetSelEntry.Request::decode, ReadFruData.Request::decode, GetFruInventoryAreaInfo.Request::decode,
                GetSensorReading.Request::decode, GetSensorThresholds.Request::decode)) {
            try {
                assertThat(decoder.apply(ByteReader.of(data))).isNotNull();
            } catch (MalformedMessageException expected) {
                assertThat(expected.getMessage()).isNotEmpty();
            }
        }
    }
}
