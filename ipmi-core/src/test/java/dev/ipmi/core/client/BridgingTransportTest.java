package dev.ipmi.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipmi.core.CompletionCodeException;
import dev.ipmi.core.IpmiException;
import dev.ipmi.core.IpmiTransportException;
import dev.ipmi.core.MalformedMessageException;
import dev.ipmi.core.commands.app.GetDeviceId;
import dev.ipmi.core.commands.bridging.SendMessage;
import dev.ipmi.core.client.RequestTarget;
import dev.ipmi.core.wire.Hex;
import dev.ipmi.core.wire.LanMessage;
import dev.ipmi.testing.FakeTransport;
import dev.ipmi.testing.Vectors;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class BridgingTransportTest {
    private static final RequestTarget ME = RequestTarget.bridged(0x2C, 0x06);
    private static final byte[] DEVICE_ID_DATA = Hex.parse("00 20 01 02 15 02 9f 91 12 00 02 0f");

    /** A BMC that forwards Send Message to a controller and returns its response embedded. */
    private static FakeTransport bmcWithController() {
        return new FakeTransport().answer(0x06, 0x01, Hex.parse("00 20 01 02 15 02 9f 91 12 00 02 0f"))
                .on(0x06, 0x34, req -> {
                    LanMessage inner = LanMessage.decode(Arrays.copyOfRange(req, 1, req.length));
                    byte[] body = inner.netFn() == 0x06 && inner.command() == 0x01 ? DEVICE_ID_DATA
                            : new byte[] {(byte) 0xC1};
                    byte[] embedded = inner.response(body).encode();
                    byte[] out = new byte[1 + embedded.length];
                    System.arraycopy(embedded, 0, out, 1, embedded.length);
                    return out;
                });
    }

    @Test
    void bridgedRequestIsWrappedAsIpmitoolDoesAndUnwrapped() {
        FakeTransport fake = bmcWithController();
        IpmiClient client = IpmiClient.using(fake);
        GetDeviceId.Response r = client.execute(ME, new GetDeviceId.Request());
        assertThat(r.manufacturerId()).isEqualTo(0x1291);
        FakeTransport.Sent s = fake.sent().get(0);
        assertThat(s.id().matches(SendMessage.ID)).isTrue();
        assertThat(s.target()).isEqualTo(RequestTarget.BMC);
        // 40h | channel 6, then target 2Ch, netFn 06h << 2, chk, rqSA 20h, seq 0, cmd 01h, chk
        assertThat(s.data()).containsExactly(Hex.parse("46 2c 18 bc 20 00 01 df"));
    }

    @Test
    void requestsToTheBmcPassThrough() {
        FakeTransport fake = bmcWithController();
        IpmiClient.using(fake).mc().deviceId();
        assertThat(fake.sent().get(0).id().cmd()).isEqualTo(0x01);
    }

    @Test
    void targetCompletionCodeIsReportedForTheBridgedCommand() {
        FakeTransport fake = bmcWithController();
        IpmiClient client = IpmiClient.using(fake);
        assertThatThrownBy(() -> client.raw(ME, 0x06, 0x02)).isInstanceOfSatisfying(CompletionCodeException.class,
                e -> assertThat(e.command().cmd()).isEqualTo(0x02));
    }

    @Test
    void sendMessageFailureNamesSendMessage() {
        // 83h: NAK on write, what ipmi_sim answers for an absent IPMB target
        FakeTransport fake = new FakeTransport().answer(0x06, 0x34, (byte) 0x83);
        assertThatThrownBy(() -> IpmiClient.using(fake).raw(ME, 0x06, 0x01))
                .isInstanceOfSatisfying(CompletionCodeException.class,
                        e -> assertThat(e.command().matches(SendMessage.ID)).isTrue());
    }

    @Test
    void acknowledgementWithoutEmbeddedResponseIsATypedError() {
        FakeTransport fake = new FakeTransport().answer(0x06, 0x34, (byte) 0x00);
        assertThatThrownBy(() -> IpmiClient.using(fake).raw(ME, 0x06, 0x01))
                .isInstanceOf(IpmiTransportException.class).hasMessageContaining("no embedded response");
    }

    @Test
    void embeddedResponseFromTheWrongControllerIsRejected() {
        byte[] wrong = new LanMessage(0x20, 0x07, 0, 0x30, 0, 0, 0x01, DEVICE_ID_DATA).encode();
        byte[] body = new byte[1 + wrong.length];
        System.arraycopy(wrong, 0, body, 1, wrong.length);
        FakeTransport fake = new FakeTransport().answer(0x06, 0x34, body);
        assertThatThrownBy(() -> IpmiClient.using(fake).raw(ME, 0x06, 0x01)).isInstanceOf(MalformedMessageException.class);
    }

    @Test
    void sequenceNumbersAdvanceAndWrap() {
        FakeTransport fake = bmcWithController();
        IpmiClient client = IpmiClient.using(fake);
        for (int i = 0; i < 65; i++) {
            client.execute(ME, new GetDeviceId.Request());
        }
        assertThat(fake.sent().get(1).data()[5] & 0xFF).isEqualTo(1 << 2);
        assertThat(fake.sent().get(64).data()[5] & 0xFF).isEqualTo(0);
    }

    private static final RequestTarget VIA_TRANSIT = RequestTarget.doubleBridged(0x40, 0, 0x42, 7);
    private static final String DOUBLE = "bridging/double-bridging.hex";

    private static byte[] ccAndData(String section) {
        // the session hands the decorator the Send Message body: completion code + data
        return LanMessage.decode(Vectors.load(DOUBLE, section)).body();
    }

    private static byte[] ok(byte[] message) {
        byte[] out = new byte[1 + message.length];
        System.arraycopy(message, 0, out, 1, message.length);
        return out;
    }

    /** A BMC and a transit controller at 40h that both embed the response of what they forward. */
    private static FakeTransport bmcWithTransit() {
        return new FakeTransport().on(0x06, 0x34, req -> {
            LanMessage middle = LanMessage.decode(Arrays.copyOfRange(req, 1, req.length));
            byte[] middleData = middle.body();
            LanMessage inner = LanMessage.decode(Arrays.copyOfRange(middleData, 1, middleData.length));
            byte[] target = inner.response(inner.address1() == 0x42 && inner.command() == 0x01 ? DEVICE_ID_DATA
                    : new byte[] {(byte) 0xC1}).encode();
            return ok(middle.response(ok(target)).encode());
        });
    }

    @Test
    void doubleBridgedRequestNestsTwoSendMessagesAndUnwrapsBoth() {
        FakeTransport fake = bmcWithTransit();
        GetDeviceId.Response r = IpmiClient.using(fake).execute(VIA_TRANSIT, new GetDeviceId.Request());
        assertThat(r.productId()).isEqualTo(0x0F02);
        FakeTransport.Sent s = fake.sent().get(0);
        assertThat(s.target()).isEqualTo(RequestTarget.BMC);
        assertThat(s.id().matches(SendMessage.ID)).isTrue();
        // ipmitool's layout (see double-bridging.hex) with rqSeq 0
        assertThat(s.data()).containsExactly(Hex.parse("40 40 18 a8 20 00 34 47 42 18 a6 20 00 01 df 65"));
    }

    @Test
    void nestedResponseVectorUnwrapsToTheTargetsResponse() {
        byte[] out = BridgingTransport.unwrap(ccAndData("embedded"), VIA_TRANSIT, GetDeviceId.ID, 9);
        assertThat(out).containsExactly(DEVICE_ID_DATA);
        assertThat(BridgingTransport.unwrap(ccAndData("target-cc"), VIA_TRANSIT, GetDeviceId.ID, 9))
                .containsExactly(0xC1);
    }

    @Test
    void failingOuterSendMessageIsNamedOuter() {
        FakeTransport fake = new FakeTransport().answer(0x06, 0x34, ccAndData("outer-nak"));
        assertThatThrownBy(() -> IpmiClient.using(fake).raw(VIA_TRANSIT, 0x06, 0x01))
                .isInstanceOfSatisfying(CompletionCodeException.class, e -> {
                    assertThat(e.code().code()).isEqualTo(0x83);
                    assertThat(e.command().matches(SendMessage.ID)).isTrue();
                    assertThat(e.command().name()).startsWith("outer Send Message").contains("40h");
                });
    }

    @Test
    void failingInnerSendMessageIsNamedInner() {
        assertThatThrownBy(() -> BridgingTransport.unwrap(ccAndData("inner-nak"), VIA_TRANSIT, GetDeviceId.ID, 9))
                .isInstanceOfSatisfying(CompletionCodeException.class, e -> {
                    assertThat(e.code().code()).isEqualTo(0x83);
                    assertThat(e.command().matches(SendMessage.ID)).isTrue();
                    assertThat(e.command().name()).startsWith("inner Send Message").contains("42h");
                    assertThat(e.getMessage()).contains("inner Send Message");
                });
    }

    @Test
    void transitAcknowledgementWithoutEmbeddedResponseIsATypedError() {
        assertThatThrownBy(() -> BridgingTransport.unwrap(ccAndData("inner-ack"), VIA_TRANSIT, GetDeviceId.ID, 9))
                .isInstanceOf(IpmiTransportException.class).hasMessageContaining("transit 40h")
                .hasMessageContaining("no embedded response");
    }

    @Test
    void targetCompletionCodeThroughATransitIsTheTargetsCommand() {
        FakeTransport fake = bmcWithTransit();
        assertThatThrownBy(() -> IpmiClient.using(fake).raw(VIA_TRANSIT, 0x06, 0x02))
                .isInstanceOfSatisfying(CompletionCodeException.class, e -> {
                    assertThat(e.code().code()).isEqualTo(0xC1);
                    assertThat(e.command().cmd()).isEqualTo(0x02);
                });
    }

    @Test
    void nestedResponseFromTheWrongTransitIsRejected() {
        // the target's reply (42h) where the transit's Send Message response (40h) belongs
        byte[] target = new LanMessage(0x20, 0x07, 0, 0x42, 9, 0, 0x01, DEVICE_ID_DATA).encode();
        assertThatThrownBy(() -> BridgingTransport.unwrap(ok(target), VIA_TRANSIT, GetDeviceId.ID, 9))
                .isInstanceOf(MalformedMessageException.class);
    }

    @Property(tries = 300)
    void arbitraryDoubleBridgedRepliesGiveBytesOrTypedErrors(@ForAll byte[] reply) {
        try {
            assertThat(BridgingTransport.unwrap(reply, VIA_TRANSIT, GetDeviceId.ID, 0)).isNotNull();
        } catch (IpmiException e) {
            assertThat(e).isNotNull();
        }
    }

    @Property(tries = 300)
    void arbitrarySendMessageRepliesGiveBytesOrTypedErrors(@ForAll byte[] reply) {
        try {
            byte[] out = BridgingTransport.unwrap(reply, ME, GetDeviceId.ID, 0);
            assertThat(out).isNotNull();
        } catch (IpmiException e) {
            assertThat(e).isNotNull();
        }
    }
}
