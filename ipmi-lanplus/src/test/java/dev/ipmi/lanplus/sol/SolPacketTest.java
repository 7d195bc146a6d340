package dev.ipmi.lanplus.sol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipmi.core.MalformedMessageException;
import dev.ipmi.testing.Vectors;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SolPacketTest {
    private static final Map<String, byte[]> V = Vectors.load("sol/sol-payload.hex");

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void consoleDataPacketMatchesIpmitool() {
        SolPacket p = SolPacket.fromConsole(1, 0, 0, Set.of(), ascii("hello\r"));
        assertThat(p.encode()).isEqualTo(V.get("console-data-hello"));
        assertThat(SolPacket.decode(V.get("console-data-abc")))
                .isEqualTo(SolPacket.fromConsole(2, 0, 0, Set.of(), ascii("abc")));
    }

    @Test
    void acknowledgementsMatchBothPeers() {
        SolPacket bmcAck = SolPacket.decode(V.get("bmc-ack-1-6"));
        assertThat(bmcAck.isAckOnly()).isTrue();
        assertThat(bmcAck.ackSequence()).isEqualTo(1);
        assertThat(bmcAck.accepted()).isEqualTo(6);
        assertThat(bmcAck.status()).isEmpty();
        assertThat(SolPacket.ack(1, 41).encode()).isEqualTo(V.get("console-ack-1-41"));
        assertThat(SolPacket.ack(4, 0).encode()).isEqualTo(V.get("console-ack-4-0"));
        assertThat(SolPacket.decode(V.get("bmc-ack-2-0"))).isEqualTo(SolPacket.ack(2, 0));
    }

    @Test
    void bmcDataPacketCarriesTheConsoleText() {
        SolPacket p = SolPacket.decode(V.get("bmc-data-echo"));
        assertThat(p.sequence()).isEqualTo(1);
        assertThat(p.acknowledges()).isFalse();
        assertThat(new String(p.data(), StandardCharsets.ISO_8859_1))
                .isEqualTo("hello\r\nyou typed: hello\r\nlab-host login: ");
        assertThat(p.dataLength()).isEqualTo(0x29);
    }

    @Test
    void breakIsOperationBit4() {
        SolPacket p = SolPacket.fromConsole(2, 0, 0, EnumSet.of(ConsoleOperation.BREAK), new byte[0]);
        assertThat(p.encode()).isEqualTo(V.get("console-break"));
        assertThat(SolPacket.decode(V.get("console-break")).operations()).containsExactly(ConsoleOperation.BREAK);
    }

    @Test
    void staleEmptyBmcPacketDecodes() {
        SolPacket p = SolPacket.decode(V.get("bmc-stale-empty-4"));
        assertThat(p.sequence()).isEqualTo(4);
        assertThat(p.dataLength()).isZero();
    }

    @Test
    void statusBitsAreTyped() {
        SolPacket nack = SolPacket.decode(V.get("bmc-ack-nack-3-12"));
        assertThat(nack.status()).containsExactly(BmcStatus.NACK);
        assertThat(nack.accepted()).isEqualTo(12);
        SolPacket all = SolPacket.decode(V.get("bmc-status-all"));
        assertThat(all.status()).containsExactlyInAnyOrder(BmcStatus.BREAK_DETECTED, BmcStatus.TRANSMIT_OVERRUN,
                BmcStatus.DEACTIVATING, BmcStatus.TRANSFER_UNAVAILABLE);
        assertThat(all.encode()).isEqualTo(V.get("bmc-status-all"));
    }

    @Test
    void consoleOperationBitsFollowTable15_2() {
        assertThat(SolPacket.fromConsole(1, 0, 0, EnumSet.allOf(ConsoleOperation.class), new byte[0]).flags())
                .isEqualTo(0x7F);
        assertThat(ConsoleOperation.NACK.bit()).isEqualTo(0x40);
        assertThat(ConsoleOperation.CTS_PAUSE.bit()).isEqualTo(0x08);
        assertThat(ConsoleOperation.DROP_DCD_DSR.bit()).isEqualTo(0x04);
        assertThat(ConsoleOperation.FLUSH_INBOUND.bit()).isEqualTo(0x02);
        assertThat(ConsoleOperation.FLUSH_OUTBOUND.bit()).isEqualTo(0x01);
    }

    @Test
    void malformedPayloadsAreTyped() {
        assertThatThrownBy(() -> SolPacket.decode(new byte[] {1, 0, 0}))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("operation/status");
        assertThatThrownBy(() -> SolPacket.decode(new byte[] {0, 0, 0, 0, 0x41}))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("ACK-only");
        assertThatThrownBy(() -> SolPacket.decode(new byte[4 + 256]))
                .isInstanceOf(MalformedMessageException.class);
    }

    @Test
    void badCallerInputIsIllegalArgument() {
        assertThatThrownBy(() -> new SolPacket(16, 0, 0, 0, new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SolPacket(0, 0, 0, 0, new byte[1])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SolPacket(1, 0, 0, 0, new byte[256])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringDoesNotShowConsoleCharacters() {
        assertThat(SolPacket.fromConsole(1, 0, 0, Set.of(), ascii("secret")).toString()).doesNotContain("secret")
                .doesNotContain("73 65");
    }
}
