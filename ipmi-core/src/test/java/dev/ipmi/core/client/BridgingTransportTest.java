package dev.ipmi.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipmi.core.CompletionCodeException;
import dev.ipmi.core.IpmiException;
import dev.ipmi.core.IpmiTransportException;
import dev.ipmi.core.MalformedMessageException;
import dev.ipmi.core.commands.app.GetDeviceId;
import dev.ipmi.core.commands.bridging.SendMessage;
import dev.ipmi.core.spi.RequestTarget;
import dev.ipmi.core.wire.Hex;
import dev.ipmi.core.wire.LanMessage;
import dev.ipmi.testing.FakeTransport;
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
