package dev.ipmi.core.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.MalformedMessageException;
import dev.ipmi.core.commands.sensor.GetDeviceSdr;
import dev.ipmi.core.commands.sensor.GetDeviceSdrInfo;
import dev.ipmi.core.commands.sensor.GetSensorEventStatus;
import dev.ipmi.core.commands.sensor.GetSensorHysteresis;
import dev.ipmi.core.commands.sensor.GetSensorReading;
import dev.ipmi.core.commands.sensor.GetSensorReadingFactors;
import dev.ipmi.core.commands.sensor.GetSensorThresholds;
import dev.ipmi.core.commands.sensor.ReserveDeviceSdrRepository;
import dev.ipmi.core.commands.sensor.SetSensorThresholds;
import dev.ipmi.core.commands.storage.AddSelEntry;
import dev.ipmi.core.commands.storage.ClearSel;
import dev.ipmi.core.commands.storage.DeleteSelEntry;
import dev.ipmi.core.commands.storage.GetFruInventoryAreaInfo;
import dev.ipmi.core.commands.storage.GetSdr;
import dev.ipmi.core.commands.storage.GetSdrRepositoryInfo;
import dev.ipmi.core.commands.storage.GetSelAllocationInfo;
import dev.ipmi.core.commands.storage.GetSelEntry;
import dev.ipmi.core.commands.storage.GetSelInfo;
import dev.ipmi.core.commands.storage.GetSelTime;
import dev.ipmi.core.commands.storage.GetSelTimeUtcOffset;
import dev.ipmi.core.commands.storage.ReadFruData;
import dev.ipmi.core.commands.storage.ReserveSdrRepository;
import dev.ipmi.core.commands.storage.ReserveSel;
import dev.ipmi.core.commands.storage.SetSelTime;
import dev.ipmi.core.commands.storage.SetSelTimeUtcOffset;
import dev.ipmi.core.commands.storage.WriteFruData;
import dev.ipmi.core.fru.FruInventory;
import dev.ipmi.core.sdr.SdrRecord;
import dev.ipmi.core.sel.SelRecord;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;
import dev.ipmi.core.wire.Hex;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Every response decoder of the storage and sensor commands: arbitrary bytes give a value or a
 * {@link MalformedMessageException} and nothing else, and whatever decodes encodes back to bytes
 * that decode to the same value.
 */
class StorageSensorCodecPropertiesTest {
    private static final List<IpmiRequest<?>> REQUESTS = List.of(
            new GetSdrRepositoryInfo.Request(), new ReserveSdrRepository.Request(), new GetSdr.Request(0, 0, 0, 0xFF),
            new GetDeviceSdrInfo.Request(true), new ReserveDeviceSdrRepository.Request(),
            new GetDeviceSdr.Request(0, 0, 0, 0xFF), new GetSensorReading.Request(1), new GetSensorThresholds.Request(1),
            new SetSensorThresholds.Request(1, 0x38, 0, 0, 0, 85, 95, 105), new GetSensorHysteresis.Request(1),
            new GetSensorEventStatus.Request(1), new dev.ipmi.core.commands.sensor.GetSensorEventEnable.Request(1), new GetSensorReadingFactors.Request(1, 0x40), new GetSelInfo.Request(),
            new GetSelAllocationInfo.Request(), new ReserveSel.Request(), new GetSelEntry.Request(0, 0, 0, 0xFF),
            new AddSelEntry.Request(new byte[16]), new DeleteSelEntry.Request(1, 2), ClearSel.Request.initiate(1),
            new GetSelTime.Request(), new SetSelTime.Request(0x6B016FACL), new GetSelTimeUtcOffset.Request(),
            new SetSelTimeUtcOffset.Request(-300), new GetFruInventoryAreaInfo.Request(0),
            new ReadFruData.Request(0, 0, 0x20), new WriteFruData.Request(0, 8, new byte[] {1, 2, 3}));

    @Provide
    Arbitrary<byte[]> bodies() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(40);
    }

    @Property(tries = 400)
    void decodersGiveAValueOrMalformedAndRoundTrip(@ForAll("bodies") byte[] body) {
        for (IpmiRequest<?> req : REQUESTS) {
            Object decoded;
            try {
                decoded = req.decodeResponse(ByteReader.of(body));
            } catch (MalformedMessageException e) {
                continue;
            }
            assertThat(decoded).isInstanceOf(IpmiResponse.class);
            ByteWriter w = new ByteWriter();
            ((IpmiResponse) decoded).encode(w);
            assertThat(req.decodeResponse(ByteReader.of(w.toByteArray()))).as("%s of %s", req, Hex.dump(body))
                    .isEqualTo(decoded);
        }
    }

    @Property(tries = 400)
    void recordDecodersNeverLeakUntypedExceptions(@ForAll("records") byte[] bytes) {
        try {
            SdrRecord r = SdrRecord.decode(bytes);
            assertThat(r.recordType()).isEqualTo(bytes[3] & 0xFF);
        } catch (MalformedMessageException expected) {
            // typed
        }
        try {
            SelRecord r = SelRecord.decode(bytes);
            assertThat(SelRecord.decode(r.toBytes())).isEqualTo(r);
        } catch (MalformedMessageException expected) {
            // typed
        }
        FruInventory.decode(bytes);
    }

    @Provide
    Arbitrary<byte[]> records() {
        Arbitrary<byte[]> any = Arbitraries.bytes().array(byte[].class).ofMaxSize(80);
        // mostly well-formed headers of the modelled record types, so the type-specific decoders run
        Arbitrary<byte[]> typed = Arbitraries.bytes().array(byte[].class).ofMinSize(5).ofMaxSize(80).flatMap(b ->
                Arbitraries.of(0x01, 0x02, 0x03, 0x08, 0x10, 0x11, 0x12, 0xC0, 0x02, 0xC5, 0xE3).map(t -> {
                    byte[] c = b.clone();
                    c[2] = 0x51;
                    c[3] = (byte) (int) t;
                    return c;
                }));
        return Arbitraries.oneOf(any, typed, typed);
    }

    @Property(tries = 300)
    void fruImagesWithValidHeadersNeverThrow(@ForAll("fruImages") byte[] fru) {
        FruInventory inv = FruInventory.decode(fru);
        assertThat(inv.problems()).isNotNull();
    }

    @Provide
    Arbitrary<byte[]> fruImages() {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(8).ofMaxSize(200).map(b -> {
            byte[] c = b.clone();
            c[0] = 0x01;
            for (int i = 1; i <= 5; i++) {
                c[i] = (byte) ((c[i] & 0xFF) % 26);
            }
            int s = 0;
            for (int i = 0; i < 7; i++) {
                s += c[i] & 0xFF;
            }
            c[7] = (byte) -s;
            return c;
        });
    }

    @Test
    void requestsEncodeTheirSpecLayouts() {
        // Get SDR as ipmitool sent it: reservation 0001, record 0003, offset 05, 20h bytes
        assertThat(new GetSdr.Request(1, 3, 5, 0x20).toBytes()).isEqualTo(Hex.parse("01 00 03 00 05 20"));
        assertThat(ClearSel.Request.initiate(0x1234).toBytes()).isEqualTo(Hex.parse("34 12 43 4c 52 aa"));
        assertThat(new ReadFruData.Request(0, 0x88, 0x20).toBytes()).isEqualTo(Hex.parse("00 88 00 20"));
        assertThat(new GetSensorHysteresis.Request(4).toBytes()).isEqualTo(Hex.parse("04 ff"));
        assertThat(new SetSelTimeUtcOffset.Request(-60).toBytes()).isEqualTo(Hex.parse("c4 ff"));
        assertThat(new SetSensorThresholds.Request(1, 0x08, 0, 0, 0, 0x50, 0, 0).toBytes())
                .isEqualTo(Hex.parse("01 08 00 00 00 50 00 00"));
    }

    @Test
    void readingFlagsSurfaceUnavailableAndScanningDisabled() {
        var unavailable = new GetSensorReading.Request(1).decodeResponse(ByteReader.of(Hex.parse("00 e0 00")));
        assertThat(unavailable.readingUnavailable()).isTrue();
        var disabled = new GetSensorReading.Request(1).decodeResponse(ByteReader.of(Hex.parse("2d 80")));
        assertThat(disabled.scanningEnabled()).isFalse();
        assertThat(disabled.state1()).isEmpty();
        assertThat(new GetSelTimeUtcOffset.Request().decodeResponse(ByteReader.of(Hex.parse("ff 07"))).offsetMinutes())
                .isEmpty();
        assertThat(new GetSelTimeUtcOffset.Request().decodeResponse(ByteReader.of(Hex.parse("c4 ff"))).offsetMinutes())
                .hasValue(-60);
    }
}
