package dev.ipmi.core.commands.bridging;

import static dev.ipmi.core.commands.VectorSupport.assertCompletionCode;
import static dev.ipmi.core.commands.VectorSupport.assertRequestRoundTrip;
import static dev.ipmi.core.commands.VectorSupport.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipmi.core.Commands;
import dev.ipmi.core.CompletionCodeException;
import dev.ipmi.core.MalformedMessageException;
import dev.ipmi.core.client.RequestTarget;
import dev.ipmi.core.commands.app.GetDeviceId;
import dev.ipmi.core.wire.LanMessage;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Send Message bridging: ipmitool's captured request (-t 0x30 -b 0) and spec-built replies. */
class BridgingTest {
    private static final String SEND = "bridging/send-message.hex";
    private static final String REPLIES = "bridging/bridged-response.hex";

    @Test
    void wrapBuildsTheRequestIpmitoolSends() {
        LanMessage outer = Bridging.wrap(RequestTarget.bridged(0x30, 0), GetDeviceId.ID, new byte[0], 9);
        assertThat(outer.address1()).isEqualTo(0x20);
        assertThat(outer.address2()).isEqualTo(0x81);
        assertThat(outer.netFn()).isEqualTo(0x06);
        assertThat(outer.command()).isEqualTo(0x34);
        assertThat(outer.seq()).isEqualTo(9);
        assertThat(outer.body()).containsExactly(bytes(SEND, "request"));

        SendMessage.Request send = SendMessage.Request.decode(dev.ipmi.core.wire.ByteReader.of(outer.body()));
        assertThat(send.channel()).isZero();
        assertThat(send.tracking()).isEqualTo(SendMessage.Tracking.TRACK_REQUEST);
        LanMessage inner = LanMessage.decode(send.message().toByteArray());
        assertThat(inner.address1()).isEqualTo(0x30);
        assertThat(inner.address2()).isEqualTo(Bridging.BMC_IPMB_ADDRESS);
        assertThat(inner.command()).isEqualTo(0x01);
        assertRequestRoundTrip(send, SendMessage.Request::decode, SEND, "request");
    }

    @Test
    void targetNotReachedIsTheSendMessageCompletionCode() {
        // ipmi_sim has no controller at 30h: 83h "NAK on write"; ipmitool: "Get Device ID command failed"
        SendMessage.Request send = SendMessage.Request.decode(dev.ipmi.core.wire.ByteReader.of(bytes(SEND, "request")));
        assertCompletionCode(send, SEND, "response", 0x83);
        assertThatThrownBy(() -> Bridging.unwrapResponse(LanMessage.decode(bytes(REPLIES, "nak"))))
                .isInstanceOfSatisfying(CompletionCodeException.class, e -> {
                    assertThat(e.code().code()).isEqualTo(0x83);
                    assertThat(e.command()).isEqualTo(SendMessage.ID);
                });
    }

    @Test
    void acknowledgementThenDeliveredResponse() {
        assertThat(Bridging.unwrapResponse(LanMessage.decode(bytes(REPLIES, "ack")))).isEmpty();
        Optional<BridgedResponse> delivered = Bridging.unwrapResponse(LanMessage.decode(bytes(REPLIES, "delivered")));
        assertThat(delivered).isPresent();
        BridgedResponse r = delivered.get();
        assertThat(r.responderAddress()).isEqualTo(0x30);
        assertThat(r.answers(GetDeviceId.ID, 9)).isTrue();
        assertThat(r.completionCode().isSuccess()).isTrue();
        GetDeviceId.Response id = Commands.decodeResponse(new GetDeviceId.Request(), r.ccAndData().toByteArray());
        assertThat(id.deviceId()).isEqualTo(0x20);
        assertThat(id.manufacturerId()).isEqualTo(4753);
    }

    @Test
    void responseEmbeddedInTheSendMessageReply() {
        BridgedResponse r = Bridging.unwrapResponse(LanMessage.decode(bytes(REPLIES, "embedded"))).orElseThrow();
        assertThat(r.responderAddress()).isEqualTo(0x30);
        assertThat(r.answers(GetDeviceId.ID, 9)).isTrue();
        assertThat(Commands.decodeResponse(new GetDeviceId.Request(), r.ccAndData().toByteArray()).productId()).isEqualTo(0x0F02);
        assertThatThrownBy(() -> Bridging.unwrapResponse(LanMessage.decode(bytes(REPLIES, "embedded-bad-checksum"))))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("checksum 2");
    }

    private static final String DOUBLE = "bridging/double-bridging.hex";

    @Test
    void doubleBridgingNestsSendMessageAsIpmitoolDoes() {
        for (int transitChannel : new int[] {0, 3}) {
            LanMessage outer = Bridging.wrap(RequestTarget.doubleBridged(0x40, transitChannel, 0x42, 7), GetDeviceId.ID,
                    new byte[0], 9);
            assertThat(outer.encode()).containsExactly(bytes(DOUBLE, "request-b" + transitChannel));
        }
    }

    @Test
    void doubleBridgedRequestDecodesLevelByLevel() {
        LanMessage outer = LanMessage.decode(bytes(DOUBLE, "request-b3"));
        SendMessage.Request toTransit = SendMessage.Request.decode(dev.ipmi.core.wire.ByteReader.of(outer.body()));
        assertThat(toTransit.channel()).isEqualTo(3);
        LanMessage middle = LanMessage.decode(toTransit.message().toByteArray());
        assertThat(middle.address1()).isEqualTo(0x40);
        assertThat(middle.address2()).isEqualTo(Bridging.BMC_IPMB_ADDRESS);
        assertThat(middle.command()).isEqualTo(0x34);
        SendMessage.Request toTarget = SendMessage.Request.decode(dev.ipmi.core.wire.ByteReader.of(middle.body()));
        assertThat(toTarget.channel()).isEqualTo(7);
        assertThat(toTarget.tracking()).isEqualTo(SendMessage.Tracking.TRACK_REQUEST);
        LanMessage inner = LanMessage.decode(toTarget.message().toByteArray());
        assertThat(inner.address1()).isEqualTo(0x42);
        assertThat(inner.seq()).isEqualTo(9);
        assertThat(inner.command()).isEqualTo(0x01);
    }

    @Test
    void nestedResponseUnwrapsTwice() {
        BridgedResponse transit = Bridging.unwrapResponse(LanMessage.decode(bytes(DOUBLE, "embedded"))).orElseThrow();
        assertThat(transit.responderAddress()).isEqualTo(0x40);
        assertThat(transit.answers(SendMessage.ID, 9)).isTrue();
        LanMessage transitReply = new LanMessage(0x81, 0x07, 0, 0x20, 9, 0, 0x34, transit.ccAndData().toByteArray());
        BridgedResponse target = Bridging.unwrapResponse(transitReply).orElseThrow();
        assertThat(target.responderAddress()).isEqualTo(0x42);
        assertThat(target.answers(GetDeviceId.ID, 9)).isTrue();
        assertThat(Commands.decodeResponse(new GetDeviceId.Request(), target.ccAndData().toByteArray()).manufacturerId())
                .isEqualTo(4753);
    }

    @Test
    void badCallerInput() {
        assertThatThrownBy(() -> Bridging.wrap(RequestTarget.BMC, GetDeviceId.ID, new byte[0], 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Bridging.wrap(RequestTarget.bridged(0x30, 0), GetDeviceId.ID, new byte[0], 64))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RequestTarget.doubleBridged(0x20, 0, 0x42, 7)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BMC itself");
        assertThatThrownBy(() -> RequestTarget.doubleBridged(0, 0, 0x42, 7)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RequestTarget.doubleBridged(0x40, 16, 0x42, 7)).isInstanceOf(IllegalArgumentException.class);
        assertThat(RequestTarget.doubleBridged(0x40, 0, 0x20, 7).isBmc()).isFalse();
    }
}
