package dev.ipmi.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipmi.core.MalformedMessageException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class LanMessageTest {

    @Test
    void checksumFollowsTheSpecsTwosComplementRule() {
        // IPMI v2.0 §13.8: the checksummed bytes plus the checksum sum to 0 mod 256
        byte[] header = {0x20, 0x18};
        assertThat(LanMessage.checksum(header, 0, 2)).isEqualTo(0xC8);
    }

    @Test
    void corruptChecksumIsMalformedAndNamesTheField() {
        byte[] frame = LanMessage.request(0x06, 0, 1, 0x01, new byte[0]).encode();
        frame[frame.length - 1] ^= 0x01;
        assertThatThrownBy(() -> LanMessage.decode(frame))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("checksum 2");
    }

    @Provide
    Arbitrary<LanMessage> messages() {
        return Combinators.combine(
                        Arbitraries.integers().between(0, 255), Arbitraries.integers().between(0, 0x3F),
                        Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 255),
                        Arbitraries.integers().between(0, 0x3F), Arbitraries.integers().between(0, 3),
                        Arbitraries.integers().between(0, 255),
                        Arbitraries.bytes().array(byte[].class).ofMaxSize(64))
                .as(LanMessage::new);
    }

    @Property
    void decodeOfEncodeIsIdentity(@ForAll("messages") LanMessage m) {
        assertThat(LanMessage.decode(m.encode())).isEqualTo(m);
    }

    @Property
    void arbitraryBytesDecodeOrFailTyped(@ForAll byte[] bytes) {
        try {
            LanMessage.decode(bytes);
        } catch (MalformedMessageException expected) {
            // the only failure allowed
        }
    }
}
