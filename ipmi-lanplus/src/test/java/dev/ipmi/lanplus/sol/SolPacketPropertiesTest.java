package dev.ipmi.lanplus.sol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.core.MalformedMessageException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class SolPacketPropertiesTest {

    @Provide
    Arbitrary<SolPacket> packets() {
        Arbitrary<Integer> nibble = Arbitraries.integers().between(0, 15);
        return Combinators.combine(nibble, nibble, Arbitraries.integers().between(0, 255),
                        Arbitraries.integers().between(0, 0x7F), Arbitraries.bytes().array(byte[].class).ofMaxSize(255))
                .as((seq, ack, acc, flags, data) -> new SolPacket(seq, ack, acc, flags, seq == 0 ? new byte[0] : data));
    }

    @Property
    void decodeOfEncodeIsIdentity(@ForAll("packets") SolPacket p) {
        assertThat(SolPacket.decode(p.encode())).isEqualTo(p);
    }

    @Property
    void typedFlagsRebuildTheSameByte(@ForAll("packets") SolPacket p) {
        assertThat(SolPacket.fromConsole(p.sequence(), p.ackSequence(), p.accepted(), p.operations(), p.data()))
                .isEqualTo(p);
        SolPacket bmc = SolPacket.fromBmc(p.sequence(), p.ackSequence(), p.accepted(), p.status(), p.data());
        assertThat(bmc.flags()).isEqualTo(p.flags() & 0x7C);
    }

    @Property
    void arbitraryBytesDecodeOrFailTyped(@ForAll byte[] bytes) {
        try {
            SolPacket p = SolPacket.decode(bytes);
            assertThat(p.encode().length).isEqualTo(bytes.length);
        } catch (MalformedMessageException expected) {
            assertThat(expected.field()).isNotBlank();
        }
    }
}
