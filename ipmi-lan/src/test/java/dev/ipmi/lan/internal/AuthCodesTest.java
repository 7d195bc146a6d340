package dev.ipmi.lan.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipmi.core.MalformedMessageException;
import dev.ipmi.core.types.AuthType;
import dev.ipmi.testing.Vectors;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * AuthCodes and session headers against captures of ipmitool (MD5, straight password, NONE) and
 * FreeIPMI (MD2) talking to ipmi_sim: every authenticated packet in both directions must verify.
 */
class AuthCodesTest {
    private static final byte[] PASSWORD = AuthCodes.pad("password".getBytes(StandardCharsets.US_ASCII));

    @ParameterizedTest
    @ValueSource(strings = {"md5", "md2", "password", "none"})
    void everyCapturedPacketDecodesReencodesAndVerifies(String capture) {
        Map<String, byte[]> all = Vectors.load("lan/session-" + capture + ".hex");
        int authenticated = 0;
        for (Map.Entry<String, byte[]> e : all.entrySet()) {
            if (e.getKey().startsWith("asf")) {
                continue;
            }
            Ipmi15Packet p = Ipmi15Packet.decode(e.getValue());
            assertThat(p.encode()).as(e.getKey()).isEqualTo(e.getValue());
            assertThat(AuthCodes.verify(p, PASSWORD)).as(e.getKey()).isTrue();
            if (!p.authType().equals(AuthType.NONE)) {
                authenticated++;
            }
        }
        if (!capture.equals("none")) {
            assertThat(authenticated).isGreaterThanOrEqualTo(4);
        }
    }

    @Test
    void md5ActivateSessionCodeFromIpmitool() {
        Ipmi15Packet p = Ipmi15Packet.decode(Vectors.load("lan/session-md5.hex", "activate_request"));
        assertThat(p.authType()).isEqualTo(AuthType.MD5);
        assertThat(p.sequence()).isZero();
        assertThat(p.sessionId()).isEqualTo(0x00000005);
        assertThat(AuthCodes.compute(AuthType.MD5, PASSWORD, 5, p.message(), 0)).isEqualTo(p.authCode());
    }

    @Test
    void md2CodeFromFreeIpmi() {
        Ipmi15Packet p = Ipmi15Packet.decode(Vectors.load("lan/session-md2.hex", "set_privilege_request"));
        assertThat(p.authType()).isEqualTo(AuthType.MD2);
        assertThat(AuthCodes.compute(AuthType.MD2, PASSWORD, p.sessionId(), p.message(), p.sequence()))
                .isEqualTo(p.authCode());
    }

    @Test
    void straightPasswordIsThePaddedPassword() {
        Ipmi15Packet p = Ipmi15Packet.decode(Vectors.load("lan/session-password.hex", "get_device_id_request"));
        assertThat(p.authCode()).isEqualTo(PASSWORD);
    }

    @Test
    void wrongPasswordDoesNotVerify() {
        Ipmi15Packet p = Ipmi15Packet.decode(Vectors.load("lan/session-md5.hex", "set_privilege_response"));
        assertThat(AuthCodes.verify(p, AuthCodes.pad("passw0rd".getBytes(StandardCharsets.US_ASCII)))).isFalse();
    }

    @Test
    void sessionHeaderFieldOrderIsSequenceThenId() {
        Ipmi15Packet p = Ipmi15Packet.decode(Vectors.load("lan/session-md5.hex", "set_privilege_request"));
        assertThat(p.sequence()).isEqualTo(0xC06A3518);
        assertThat(p.sessionId()).isEqualTo(0x00000082);
    }

    @Test
    void passwordsOver16BytesAreRefused() {
        assertThatThrownBy(() -> AuthCodes.pad(new byte[17])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringHidesTheAuthCode() {
        Ipmi15Packet p = Ipmi15Packet.decode(Vectors.load("lan/session-password.hex", "get_device_id_request"));
        assertThat(p.toString()).doesNotContain("70617373").doesNotContain("password");
    }

    @Provide
    Arbitrary<Ipmi15Packet> packets() {
        return Combinators.combine(Arbitraries.of(AuthType.NONE, AuthType.MD2, AuthType.MD5, AuthType.PASSWORD),
                        Arbitraries.integers(), Arbitraries.integers(), Arbitraries.bytes().array(byte[].class).ofSize(16),
                        Arbitraries.bytes().array(byte[].class).ofMaxSize(64))
                .as((t, seq, sid, code, msg) -> new Ipmi15Packet(t, seq, sid,
                        t.equals(AuthType.NONE) ? new byte[0] : code, msg));
    }

    @Property(tries = 200)
    void decodeOfEncodeIsIdentity(@ForAll("packets") Ipmi15Packet p) {
        assertThat(Ipmi15Packet.decode(p.encode())).isEqualTo(p);
    }

    @Property(tries = 300)
    void arbitraryBytesDecodeOrFailTyped(@ForAll byte[] bytes) {
        try {
            Ipmi15Packet.decode(bytes);
        } catch (MalformedMessageException expected) {
            // the only failure allowed
        }
    }

    @Property(tries = 300)
    void arbitraryBytesAfterAnRmcpHeaderDecodeOrFailTyped(@ForAll byte[] tail) {
        byte[] d = new byte[4 + tail.length];
        d[0] = 0x06;
        d[2] = (byte) 0xFF;
        d[3] = 0x07;
        System.arraycopy(tail, 0, d, 4, tail.length);
        try {
            Ipmi15Packet.decode(d);
        } catch (MalformedMessageException expected) {
            // the only failure allowed
        }
    }
}
