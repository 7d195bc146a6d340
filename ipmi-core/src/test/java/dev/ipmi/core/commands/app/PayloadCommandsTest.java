package dev.ipmi.core.commands.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipmi.core.Commands;
import dev.ipmi.core.CompletionCodeException;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.LanMessage;
import dev.ipmi.testing.Vectors;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Golden vectors from ipmitool 1.8.19 talking to ipmi_sim 2.0.33 (see the .hex comments). */
class PayloadCommandsTest {
    private static final Map<String, byte[]> V = Vectors.load("sol/payload-commands.hex");

    private static LanMessage msg(String section) {
        byte[] b = V.get(section);
        assertThat(b).as(section).isNotNull();
        return LanMessage.decode(b);
    }

    /** Our encoding of the request equals ipmitool's bytes, and the command byte matches. */
    private static void assertRequest(IpmiRequest<?> request, String section) {
        LanMessage m = msg(section);
        assertThat(m.netFn()).isEqualTo(request.id().netFn().code());
        assertThat(m.command()).isEqualTo(request.id().cmd());
        assertThat(request.toBytes()).isEqualTo(m.body());
    }

    private static <R> R response(IpmiRequest<R> request, String section) {
        return Commands.decodeResponse(request, msg(section).body());
    }

    @Test
    void activatePayloadMatchesIpmitool() {
        ActivatePayload.Request req = new ActivatePayload.Request(Payloads.SOL, 1, true, true, false,
                ActivatePayload.AlertBehaviour.DEFER, true);
        assertThat(req.auxByte()).isEqualTo(0xC6);
        assertRequest(req, "activate-request");
        assertThat(ActivatePayload.Request.decode(ByteReader.of(msg("activate-request").body()))).isEqualTo(req);

        ActivatePayload.Response r = response(req, "activate-response");
        assertThat(r.auxData()).isZero();
        assertThat(r.testMode()).isFalse();
        assertThat(r.inboundPayloadSize()).isEqualTo(0x20);
        assertThat(r.outboundPayloadSize()).isEqualTo(0x4000);
        assertThat(r.port()).isEqualTo(9937);
        assertThat(r.vlan()).isEqualTo(ActivatePayload.NO_VLAN);
        assertThat(r.vlanId()).isEmpty();
        assertThat(r.portFor(9937)).hasValue(9937);
        assertThat(r.toBytes()).isEqualTo(java.util.Arrays.copyOfRange(msg("activate-response").body(), 1, 13));
    }

    @Test
    void activateWhileActiveIsCompletionCode80h() {
        assertThatThrownBy(() -> response(ActivatePayload.Request.sol(true, true), "activate-response-already-active"))
                .isInstanceOfSatisfying(CompletionCodeException.class,
                        e -> assertThat(e.code().code()).isEqualTo(ActivatePayload.ALREADY_ACTIVE));
    }

    @Test
    void portForAcceptsTheByteSwappedSessionPortOnly() {
        ActivatePayload.Response swapped = new ActivatePayload.Response(0, 32, 32, 0x026F, 0xFFFF);
        assertThat(swapped.portFor(0x6F02)).hasValue(0x6F02);
        assertThat(swapped.portFor(623)).hasValue(623);
        assertThat(new ActivatePayload.Response(0, 32, 32, 1000, 0xFFFF).portFor(623)).isEmpty();
    }

    @Test
    void deactivatePayloadMatchesIpmitool() {
        assertRequest(DeactivatePayload.Request.sol(), "deactivate-request");
        assertThat(response(DeactivatePayload.Request.sol(), "deactivate-response"))
                .isEqualTo(new DeactivatePayload.Response());
        assertThatThrownBy(() -> response(DeactivatePayload.Request.sol(), "deactivate-response-already-deactivated"))
                .isInstanceOfSatisfying(CompletionCodeException.class,
                        e -> assertThat(e.code().code()).isEqualTo(DeactivatePayload.ALREADY_DEACTIVATED));
    }

    @Test
    void activationStatusMatchesIpmitoolRawOutput() {
        GetPayloadActivationStatus.Request req = new GetPayloadActivationStatus.Request(Payloads.SOL);
        assertRequest(req, "activation-status-request");
        GetPayloadActivationStatus.Response idle = response(req, "activation-status-response-inactive");
        assertThat(idle.instanceCapacity()).isEqualTo(1);
        assertThat(idle.isActive(1)).isFalse();
        GetPayloadActivationStatus.Response busy = response(req, "activation-status-response-active");
        assertThat(busy.instanceCapacity()).isEqualTo(1);
        assertThat(busy.isActive(1)).isTrue();
        assertThat(busy.isActive(2)).isFalse();
    }

    @Test
    void instanceInfoNamesTheOwningSession() {
        GetPayloadInstanceInfo.Request req = new GetPayloadInstanceInfo.Request(Payloads.SOL, 1);
        assertRequest(req, "instance-info-request");
        GetPayloadInstanceInfo.Response idle = response(req, "instance-info-response-inactive");
        assertThat(idle.active()).isFalse();
        assertThat(idle.solPortNumber()).isEqualTo(1);
        GetPayloadInstanceInfo.Response busy = response(req, "instance-info-response-active");
        assertThat(busy.active()).isTrue();
        assertThat(busy.sessionId()).isEqualTo(0x00000282);
    }

    @Test
    void channelPayloadSupportMatchesIpmitoolRawOutput() {
        GetChannelPayloadSupport.Request req = new GetChannelPayloadSupport.Request(1);
        assertRequest(req, "channel-payload-support-request");
        GetChannelPayloadSupport.Response r = response(req, "channel-payload-support-response");
        assertThat(r.standardPayloads()).isEqualTo(0x0006);
        assertThat(r.supports(Payloads.SOL)).isTrue();
        assertThat(r.supports(Payloads.OEM_EXPLICIT)).isTrue();
        assertThat(r.supports(Payloads.IPMI)).isFalse();
    }

    @Test
    void channelPayloadSupportRefusesThisChannelBecauseIpmiSimCrashesOnIt() {
        assertThatThrownBy(() -> new GetChannelPayloadSupport.Request(0x0E))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0Eh")
                .hasMessageContaining("real channel number");
    }

    @Test
    void badCallerInputIsIllegalArgument() {
        assertThatThrownBy(() -> new ActivatePayload.Request(Payloads.SOL, 0, false, false, false,
                ActivatePayload.AlertBehaviour.FAIL, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeactivatePayload.Request(0x40, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GetPayloadActivationStatus.Response(1, 1).isActive(17))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
