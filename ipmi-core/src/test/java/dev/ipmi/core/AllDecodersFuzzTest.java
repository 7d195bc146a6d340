package dev.ipmi.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.ipmi.testing.DecoderSweep;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * Arbitrary bytes through every decoder in ipmi-core, found by reflection (command codecs'
 * {@code decode}, every request's {@code decodeResponse}, SDR/SEL/FRU records, type/length strings,
 * cipher suite records, the LAN message frame): each gives a value or a
 * {@link MalformedMessageException}, nothing else.
 */
class AllDecodersFuzzTest {
    private static final List<Class<?>> CLASSES = DecoderSweep.classesBeside(IpmiRequest.class);
    private static final DecoderSweep.Requests REQUESTS = DecoderSweep.requests(CLASSES);
    private static final List<DecoderSweep.Entry> DECODERS = all();

    private static List<DecoderSweep.Entry> all() {
        List<DecoderSweep.Entry> all = new ArrayList<>(DecoderSweep.staticDecoders(CLASSES));
        all.add(DecoderSweep.entry("SdrScan.decode", b -> dev.ipmi.core.sdr.SdrScan.decode(List.of(b, b), false)));
        all.addAll(DecoderSweep.responseDecoders(REQUESTS.built()));
        return List.copyOf(all);
    }

    @Test
    void theSweepFindsTheDecoders() {
        assertThat(DECODERS).extracting(DecoderSweep.Entry::name).anySatisfy(n -> assertThat(n).contains("FruInventory"))
                .anySatisfy(n -> assertThat(n).contains("SdrRecord")).anySatisfy(n -> assertThat(n).contains("SelRecord"))
                .anySatisfy(n -> assertThat(n).contains("TypeLengthString.decodeSdr"))
                .anySatisfy(n -> assertThat(n).contains("TypeLengthString.decodeFru"))
                .anySatisfy(n -> assertThat(n).contains("GetChannelCipherSuites.parseRecords"))
                .anySatisfy(n -> assertThat(n).contains("LanMessage.decode"));
        assertThat(REQUESTS.built()).hasSizeGreaterThan(60);
        // request types that need real arguments are covered by CodecPropertiesTest / StorageCodecPropertiesTest
        assertThat(REQUESTS.notBuilt()).as("requests the sweep cannot build").hasSizeLessThan(10);
    }

    @Property(tries = 300)
    void arbitraryBytesGiveAValueOrMalformed(@ForAll @Size(max = 80) byte[] bytes, @ForAll @IntRange(max = 0x3F) int small) {
        for (DecoderSweep.Entry e : DECODERS) {
            try {
                e.decoder().decode(bytes, small);
            } catch (MalformedMessageException expected) {
                // the only acceptable failure
            } catch (Throwable t) {
                fail(e.name() + " threw " + t + " for " + HexOf.of(bytes) + " / " + small, t);
            }
        }
    }

    private static final class HexOf {
        static String of(byte[] b) {
            StringBuilder s = new StringBuilder();
            for (byte x : b) {
                s.append(String.format("%02x ", x));
            }
            return s.toString().trim();
        }
    }
}
