package dev.ipmi.lanplus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.ipmi.core.MalformedMessageException;
import dev.ipmi.core.types.CipherSuite;
import dev.ipmi.lan.internal.Ipmi15Packet;
import dev.ipmi.lanplus.internal.IntegrityCheckException;
import dev.ipmi.lanplus.internal.LanPlusMachine;
import dev.ipmi.lanplus.internal.RmcpPlusCodec;
import dev.ipmi.testing.DecoderSweep;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * Arbitrary bytes through every wire decoder of ipmi-lan and ipmi-lanplus, found by reflection
 * (RMCP/ASF, IPMI 1.5 packets, RAKP messages, SOL packets) plus the RMCP+ packet codec with and
 * without session keys: a value, a {@link MalformedMessageException}, or (for the keyed codec
 * only) an {@link IntegrityCheckException}; nothing else.
 */
class AllWireDecodersFuzzTest {
    private static final List<DecoderSweep.Entry> DECODERS = all();
    private static final List<RmcpPlusCodec> KEYED = List.of(
            RmcpPlusCodec.forSession(CipherSuite.SUITE_2, new byte[20], new byte[20], new byte[20]),
            RmcpPlusCodec.forSession(CipherSuite.SUITE_3, new byte[20], new byte[20], new byte[20]),
            RmcpPlusCodec.forSession(CipherSuite.SUITE_17, new byte[32], new byte[32], new byte[20]));

    private static List<DecoderSweep.Entry> all() {
        List<Class<?>> classes = new ArrayList<>(DecoderSweep.classesBeside(LanPlusMachine.class));
        classes.addAll(DecoderSweep.classesBeside(Ipmi15Packet.class));
        List<DecoderSweep.Entry> all = new ArrayList<>(DecoderSweep.staticDecoders(classes));
        all.add(DecoderSweep.entry("RmcpPlusCodec.unauthenticated().decode",
                b -> RmcpPlusCodec.unauthenticated().decode(b)));
        return List.copyOf(all);
    }

    @Test
    void theSweepFindsTheWireDecoders() {
        assertThat(DECODERS).extracting(DecoderSweep.Entry::name)
                .anySatisfy(n -> assertThat(n).contains("RakpMessage.decode"))
                .anySatisfy(n -> assertThat(n).contains("SolPacket.decode"))
                .anySatisfy(n -> assertThat(n).contains("Ipmi15Packet.decode"))
                .anySatisfy(n -> assertThat(n).contains("Rmcp$Pong.decode"));
    }

    @Property(tries = 400)
    void arbitraryBytesGiveAValueOrMalformed(@ForAll @Size(max = 80) byte[] bytes,
                                             @ForAll @IntRange(max = 0x3F) int small) {
        for (DecoderSweep.Entry e : DECODERS) {
            try {
                e.decoder().decode(bytes, small);
            } catch (MalformedMessageException expected) {
                // the only acceptable failure
            } catch (Throwable t) {
                fail(e.name() + " threw " + t, t);
            }
        }
    }

    @Property(tries = 400)
    void keyedCodecsGiveAPacketOrATypedRejection(@ForAll @Size(max = 80) byte[] tail, @ForAll @IntRange(max = 0xFF) int type,
                                                 @ForAll @IntRange(max = 0xFFFF) int length) {
        byte[] d = new byte[16 + tail.length];
        d[0] = 0x06;
        d[2] = (byte) 0xFF;
        d[3] = 0x07;
        d[4] = 0x06;
        d[5] = (byte) type;
        d[6] = 1;
        d[14] = (byte) length;
        d[15] = (byte) (length >> 8);
        System.arraycopy(tail, 0, d, 16, tail.length);
        for (RmcpPlusCodec codec : KEYED) {
            try {
                codec.decode(d);
            } catch (MalformedMessageException | IntegrityCheckException expected) {
                // typed rejections
            } catch (RuntimeException t) {
                fail(codec + " threw " + t, t);
            }
        }
    }
}
