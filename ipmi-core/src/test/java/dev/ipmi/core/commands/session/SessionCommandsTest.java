package dev.ipmi.core.commands.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.core.Commands;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.MalformedMessageException;
import dev.ipmi.core.types.AuthType;
import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.Hex;
import dev.ipmi.testing.Vectors;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Get Session Challenge, Activate Session, Set Session Privilege Level and Close Session against ipmitool captures. */
class SessionCommandsTest {
    private static final byte[] CHALLENGE = Hex.parse("25 6b ea 64 b7 b9 6d 9d 18 7e 1b 32 0e 13 f1 53");

    @Test
    void getSessionChallenge() {
        var req = new GetSessionChallenge.Request(AuthType.MD5, "admin".getBytes(StandardCharsets.US_ASCII));
        assertThat(req.toBytes()).isEqualTo(Vectors.load("session/get_session_challenge.hex", "request"));
        var r = Commands.decodeResponse(req, Vectors.load("session/get_session_challenge.hex", "response"));
        assertThat(r.temporarySessionId()).isEqualTo(0x00000005);
        assertThat(r.challenge().toByteArray()).isEqualTo(CHALLENGE);
    }

    @Test
    void activateSession() {
        var req = new ActivateSession.Request(AuthType.MD5, PrivilegeLevel.ADMINISTRATOR, CHALLENGE, 0x45A38FCB);
        assertThat(req.toBytes()).isEqualTo(Vectors.load("session/activate_session.hex", "request"));
        var r = Commands.decodeResponse(req, Vectors.load("session/activate_session.hex", "response"));
        assertThat(r.authType()).isEqualTo(AuthType.MD5);
        assertThat(r.sessionId()).isEqualTo(0x00000082);
        assertThat(r.initialInboundSeq()).isEqualTo(0xC06A3518);
        assertThat(r.maxPrivilege()).isEqualTo(PrivilegeLevel.ADMINISTRATOR);
    }

    @Test
    void setSessionPrivilegeLevel() {
        var req = new SetSessionPrivilegeLevel.Request(PrivilegeLevel.ADMINISTRATOR);
        assertThat(req.toBytes()).isEqualTo(Vectors.load("session/set_session_privilege_level.hex", "request"));
        var r = Commands.decodeResponse(req, Vectors.load("session/set_session_privilege_level.hex", "response"));
        assertThat(r.level()).isEqualTo(PrivilegeLevel.ADMINISTRATOR);
    }

    @Test
    void closeSession() {
        var req = new CloseSession.Request(0x00000282);
        assertThat(req.toBytes()).isEqualTo(Vectors.load("session/close_session.hex", "request"));
        assertThat(Commands.decodeResponse(req, Vectors.load("session/close_session.hex", "response")))
                .isEqualTo(new CloseSession.Response());
    }

    @Test
    void toStringHidesChallengeAndUserBytes() {
        var req = new GetSessionChallenge.Request(AuthType.MD5, "admin".getBytes(StandardCharsets.US_ASCII));
        assertThat(req.toString()).doesNotContain("admin");
        assertThat(new ActivateSession.Request(AuthType.MD5, PrivilegeLevel.USER, CHALLENGE, 1).toString())
                .doesNotContain("25");
    }

    @Provide
    Arbitrary<GetSessionChallenge.Response> challenges() {
        return Combinators.combine(Arbitraries.integers(), Arbitraries.bytes().array(byte[].class).ofSize(16))
                .as(GetSessionChallenge.Response::new);
    }

    @Provide
    Arbitrary<ActivateSession.Response> activations() {
        return Combinators.combine(Arbitraries.integers().between(0, 15).map(AuthType::valueOf), Arbitraries.integers(),
                        Arbitraries.integers(), Arbitraries.integers().between(0, 15).map(PrivilegeLevel::valueOf))
                .as(ActivateSession.Response::new);
    }

    @Property(tries = 200)
    void challengeRoundTrip(@ForAll("challenges") GetSessionChallenge.Response r) {
        var req = new GetSessionChallenge.Request(AuthType.MD5, new byte[0]);
        assertThat(req.decodeResponse(ByteReader.of(r.toBytes()))).isEqualTo(r);
    }

    @Property(tries = 200)
    void activateRoundTrip(@ForAll("activations") ActivateSession.Response r) {
        var req = new ActivateSession.Request(AuthType.MD5, PrivilegeLevel.USER, new byte[16], 1);
        assertThat(req.decodeResponse(ByteReader.of(r.toBytes()))).isEqualTo(r);
    }

    @Property(tries = 50)
    void privilegeRoundTrip(@ForAll("levels") PrivilegeLevel level) {
        var r = new SetSessionPrivilegeLevel.Response(level);
        assertThat(new SetSessionPrivilegeLevel.Request(level).decodeResponse(ByteReader.of(r.toBytes())))
                .isEqualTo(r);
    }

    @Provide
    Arbitrary<PrivilegeLevel> levels() {
        return Arbitraries.integers().between(0, 15).map(PrivilegeLevel::valueOf);
    }

    @Property(tries = 300)
    void arbitraryBytesDecodeOrFailTyped(@ForAll byte[] bytes) {
        List<IpmiRequest<?>> requests = List.of(new GetSessionChallenge.Request(AuthType.MD5, new byte[0]),
                new ActivateSession.Request(AuthType.MD5, PrivilegeLevel.USER, new byte[16], 1),
                new SetSessionPrivilegeLevel.Request(PrivilegeLevel.USER), new CloseSession.Request(1));
        for (IpmiRequest<?> r : requests) {
            try {
                r.decodeResponse(ByteReader.of(bytes));
            } catch (MalformedMessageException expected) {
                // the only failure allowed
            }
        }
    }
}
