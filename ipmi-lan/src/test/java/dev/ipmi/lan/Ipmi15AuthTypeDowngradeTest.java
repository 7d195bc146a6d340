package dev.ipmi.lan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.core.IpmiAuthenticationException;
import dev.ipmi.core.event.IpmiEventListener;
import dev.ipmi.core.client.RetryPolicy;
import dev.ipmi.core.types.AuthType;
import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.core.wire.LanMessage;
import dev.ipmi.lan.internal.AuthCodes;
import dev.ipmi.lan.internal.Ipmi15Packet;
import dev.ipmi.lan.testing.MachineHarness;
import dev.ipmi.lan.testing.ScriptedRandom;
import dev.ipmi.testing.Vectors;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Activate Session reply names the auth type for the rest of the session. A BMC that answers
 * an MD5 activation with NONE or PASSWORD would switch the session to unauthenticated packets (or
 * the password in clear); one that names an OEM or unknown type leaves nothing we can compute.
 * Both end the login with a typed exception unless the caller allowed the weak types; the one
 * exception is NONE without that permission (IBM eServer 325, Dell PowerEdge 2850: per-message
 * authentication announced off), where the session goes on authenticated with the type it was
 * activated with (Quirk.FORCE_PERMSG): never a downgrade.
 */
class Ipmi15AuthTypeDowngradeTest {
    private static final String F = "lan/session-md5.hex";
    private static final byte[] PW16 = AuthCodes.pad("password".getBytes(StandardCharsets.US_ASCII));

    @ParameterizedTest
    @CsvSource({"0x00, false, true", "0x04, false, false", "0x05, false, false", "0x0F, false, false",
        "0x00, true, true", "0x04, true, true", "0x05, true, false", "0x01, false, true", "0x02, false, true"})
    void theSessionAuthTypeFromActivateSessionIsChecked(String type, boolean allowInsecure, boolean accepted) {
        CompletableFuture<Ipmi15Machine.Established> opened = new CompletableFuture<>();
        MachineHarness h = new MachineHarness(new Ipmi15Machine(new InetSocketAddress("127.0.0.1", 623),
                "admin".getBytes(StandardCharsets.US_ASCII), PW16.clone(), AuthType.MD5, allowInsecure,
                PrivilegeLevel.ADMINISTRATOR, new RetryPolicy(Duration.ofSeconds(1), 1.5, Duration.ofSeconds(4), 1, 0),
                8, Duration.ofSeconds(30), IpmiEventListener.NONE,
                new ScriptedRandom().bounded(1).unbounded(0x45A38FCB), opened)).start();
        for (String step : new String[] {"auth_caps", "challenge"}) {
            h.takeSent();
            h.deliver(Vectors.load(F, step + "_response"));
        }
        byte[] request = h.takeSent();
        Ipmi15Packet genuine = Ipmi15Packet.decode(Vectors.load(F, "activate_response"));
        LanMessage reply = LanMessage.decode(genuine.message());
        byte[] body = reply.body();
        body[1] = (byte) Integer.decode(type).intValue(); // byte 2 of the response: session auth type
        byte[] msg = LanMessage.decode(Ipmi15Packet.decode(request).message()).response(body).encode();
        h.deliver(new Ipmi15Packet(AuthType.MD5, genuine.sequence(), genuine.sessionId(),
                AuthCodes.compute(AuthType.MD5, PW16, genuine.sessionId(), msg, genuine.sequence()), msg).encode());
        if (accepted) {
            assertThat(opened).isNotDone();
            assertThat(h.ended()).isFalse();
            if (!allowInsecure && Integer.decode(type) == 0) {
                Ipmi15Packet next = Ipmi15Packet.decode(h.takeSent());
                assertThat(next.authType()).as("Set Session Privilege Level stays authenticated")
                        .isEqualTo(AuthType.MD5);
                assertThat(AuthCodes.verify(next, PW16)).isTrue();
            }
        } else {
            assertThat(opened).isCompletedExceptionally();
            assertThat(opened.handle((v, e) -> e).join()).isInstanceOf(IpmiAuthenticationException.class)
                    .hasMessageContaining("the BMC chose auth type");
            assertThat(h.ended()).isTrue();
        }
    }
}
