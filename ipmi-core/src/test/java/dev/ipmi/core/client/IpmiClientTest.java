package dev.ipmi.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipmi.core.CompletionCodeException;
import dev.ipmi.core.commands.app.GetDeviceId;
import dev.ipmi.core.types.CompletionCode;
import dev.ipmi.core.wire.Hex;
import dev.ipmi.testing.FakeTransport;
import org.junit.jupiter.api.Test;

class IpmiClientTest {

    // Get Device ID response of the lab ipmi_sim (mc_add 0x20 0x20 ... 2 0x15 0x9f 0x1291 0x0f02)
    private static final byte[] DEVICE_ID = Hex.parse("00 20 01 02 15 02 9f 91 12 00 02 0f");

    @Test
    void blockingAndAsyncGroupsDecodeTheSameResponse() {
        FakeTransport fake = new FakeTransport().answer(0x06, 0x01, DEVICE_ID);
        try (IpmiClient client = IpmiClient.using(fake)) {
            GetDeviceId.Response r = client.mc().deviceId();
            assertThat(r.manufacturerId()).isEqualTo(0x1291);
            assertThat(r.productId()).isEqualTo(0x0F02);
            assertThat(r.firmwareRevisionText()).isEqualTo("2.15");
            assertThat(client.async().mc().deviceId().join()).isEqualTo(r);
        }
        assertThat(fake.closed()).isTrue();
    }

    @Test
    void rawReturnsDataAndThrowsTypedCompletionCodes() {
        FakeTransport fake = new FakeTransport().answer(0x06, 0x01, DEVICE_ID).answer(0x00, 0x02, (byte) 0xD4);
        IpmiClient client = IpmiClient.using(fake);
        assertThat(client.raw(0x06, 0x01)).hasSize(DEVICE_ID.length - 1);
        assertThatThrownBy(() -> client.raw(0x00, 0x02, (byte) 0x01))
                .isInstanceOfSatisfying(CompletionCodeException.class,
                        e -> assertThat(e.code()).isEqualTo(CompletionCode.INSUFFICIENT_PRIVILEGE));
        assertThat(fake.sent()).extracting(s -> s.id().cmd()).containsExactly(0x01, 0x02);
    }

    @Test
    void missingTransportModuleIsExplained() {
        assertThatThrownBy(() -> IpmiClient.lanplus("127.0.0.1").credentials("admin", "x".toCharArray()).connect())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ipmi-lanplus");
    }

    @Test
    void optionsNeverShowSecrets() {
        String text = IpmiClient.lanplus("h").credentials("admin", "s3cret".toCharArray())
                .kg("k3y".getBytes()).build().toString();
        assertThat(text).doesNotContain("s3cret").doesNotContain("k3y").contains("<redacted>");
    }
}
