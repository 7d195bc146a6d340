package dev.ipmi.core.commands.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.core.Commands;
import dev.ipmi.core.MalformedMessageException;
import dev.ipmi.core.types.AuthType;
import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.testing.Vectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class GetChannelAuthenticationCapabilitiesTest {
    private static final String FILE = "app/get_channel_authentication_capabilities.hex";
    private static final GetChannelAuthenticationCapabilities.Request LAN_REQUEST =
            new GetChannelAuthenticationCapabilities.Request(false, 0x0E, PrivilegeLevel.ADMINISTRATOR);

    @Test
    void requestMatchesIpmitoolLan() {
        assertThat(LAN_REQUEST.toBytes()).isEqualTo(Vectors.load(FILE, "request"));
    }

    @Test
    void requestWithExtendedBitMatchesIpmitoolLanplus() {
        var r = new GetChannelAuthenticationCapabilities.Request(true, 0x0E, PrivilegeLevel.ADMINISTRATOR);
        assertThat(r.toBytes()).isEqualTo(Vectors.load(FILE, "request_v20"));
    }

    @Test
    void ipmiSimAnswerWithoutExtendedData() {
        var r = Commands.decodeResponse(LAN_REQUEST, Vectors.load(FILE, "response"));
        assertThat(r.channel()).isEqualTo(0x01);
        assertThat(r.authTypes()).containsExactly(AuthType.NONE, AuthType.MD2, AuthType.MD5, AuthType.PASSWORD);
        assertThat(r.extendedCapabilities()).isFalse();
        assertThat(r.nonNullUserNames()).isTrue();
        assertThat(r.nullUserNames()).isFalse();
        assertThat(r.anonymousLogin()).isFalse();
        assertThat(r.supportsRmcpPlus()).isFalse();
        assertThat(r.oemId()).isZero();
    }

    @Test
    void ipmiSimAnswerWithExtendedData() {
        var r = Commands.decodeResponse(LAN_REQUEST, Vectors.load(FILE, "response_v20"));
        assertThat(r.extendedCapabilities()).isTrue();
        assertThat(r.ipmi15()).isTrue();
        assertThat(r.ipmi20()).isTrue();
        assertThat(r.supportsRmcpPlus()).isTrue();
        assertThat(r.kgConfigured()).isFalse();
        assertThat(r.supports(AuthType.MD5)).isTrue();
        assertThat(r.supports(AuthType.OEM)).isFalse();
    }

    @Test
    void encodeReproducesCapturedBody() {
        byte[] body = Vectors.load(FILE, "response_v20");
        var r = Commands.decodeResponse(LAN_REQUEST, body);
        byte[] again = r.toBytes();
        assertThat(again).containsExactly(java.util.Arrays.copyOfRange(body, 1, body.length));
    }

    @Provide
    Arbitrary<GetChannelAuthenticationCapabilities.Response> responses() {
        Arbitrary<Boolean> b = Arbitraries.of(true, false);
        return Combinators.combine(Arbitraries.integers().between(0, 0xFF), b, Arbitraries.integers().between(0, 0x3F),
                        b, b, b, b, b)
                .flatAs((ch, ext, mask, kg, pm, ul, nn, nu) -> Combinators.combine(b, b, b,
                                Arbitraries.integers().between(0, 0xFFFFFF), Arbitraries.integers().between(0, 0xFF))
                        .as((anon, v20, v15, oem, aux) -> new GetChannelAuthenticationCapabilities.Response(ch, ext,
                                mask, kg, pm, ul, nn, nu, anon, v20, v15, oem, aux)));
    }

    @Property(tries = 200)
    void decodeOfEncodeIsIdentity(@ForAll("responses") GetChannelAuthenticationCapabilities.Response r) {
        assertThat(LAN_REQUEST.decodeResponse(ByteReader.of(r.toBytes()))).isEqualTo(r);
    }

    @Property(tries = 300)
    void arbitraryBytesDecodeOrFailTyped(@ForAll byte[] bytes) {
        try {
            LAN_REQUEST.decodeResponse(ByteReader.of(bytes));
        } catch (MalformedMessageException expected) {
            // the only failure allowed
        }
    }
}
