package dev.ipmi.lan.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.core.MalformedMessageException;
import dev.ipmi.testing.Vectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RmcpTest {
    @Test
    void pingMatchesIpmitool() {
        assertThat(Rmcp.presencePing(0)).isEqualTo(Vectors.load("lan/asf.hex", "asf_ping"));
    }

    @Test
    void ipmiSimPong() {
        Rmcp.Pong p = Rmcp.Pong.decode(Vectors.load("lan/asf.hex", "asf_pong"));
        assertThat(p.tag()).isZero();
        assertThat(p.oemIana()).isEqualTo(4542);
        assertThat(p.ipmiSupported()).isTrue();
        assertThat(p.supportedEntities()).isEqualTo(0x81);
        assertThat(p.encode()).isEqualTo(Vectors.load("lan/asf.hex", "asf_pong"));
    }

    @Property(tries = 200)
    void pongRoundTrip(@ForAll @IntRange(max = 0xFE) int tag, @ForAll @IntRange(max = 0xFFFF) int oem,
                       @ForAll @IntRange(max = 0xFF) int entities, @ForAll @IntRange(max = 0xFF) int interactions) {
        Rmcp.Pong p = new Rmcp.Pong(tag, oem, 0x12345678L, entities, interactions);
        assertThat(Rmcp.Pong.decode(p.encode())).isEqualTo(p);
    }

    @Property(tries = 300)
    void arbitraryBytesDecodeOrFailTyped(@ForAll byte[] bytes) {
        try {
            Rmcp.Pong.decode(bytes);
        } catch (MalformedMessageException expected) {
            // the only failure allowed
        }
    }

    @Test
    void ipmitoolPingIsRecognisedAndNothingElseIs() {
        assertThat(Rmcp.presencePingTag(Vectors.load("lan/asf.hex", "asf_ping"))).hasValue(0);
        assertThat(Rmcp.presencePingTag(Vectors.load("lan/asf.hex", "asf_pong"))).isEmpty();
        assertThat(Rmcp.presencePingTag(new byte[11])).isEmpty();
    }

    @Property(tries = 200)
    void pingTagRoundTrip(@ForAll @IntRange(max = 0xFE) int tag) {
        assertThat(Rmcp.presencePingTag(Rmcp.presencePing(tag))).hasValue(tag);
    }

    @Test
    void sessionAuthTypeTellsTheSessionFormatsApart() {
        assertThat(Rmcp.sessionAuthType(new byte[] {0x06, 0x00, (byte) 0xFF, 0x07, 0x06, 0x00})).hasValue(0x06);
        assertThat(Rmcp.sessionAuthType(new byte[] {0x06, 0x00, (byte) 0xFF, 0x07, 0x02})).hasValue(0x02);
        assertThat(Rmcp.sessionAuthType(Rmcp.presencePing(1))).isEmpty();
        assertThat(Rmcp.sessionAuthType(new byte[] {0x06, 0x00, (byte) 0xFF, 0x07})).isEmpty();
        assertThat(Rmcp.sessionAuthType(new byte[] {0x05, 0x00, (byte) 0xFF, 0x07, 0x06})).isEmpty();
    }

    @Property(tries = 300)
    void arbitraryBytesNeverThrowFromThePeekHelpers(@ForAll byte[] bytes) {
        Rmcp.presencePingTag(bytes);
        Rmcp.sessionAuthType(bytes);
    }
}
