package dev.ipmi.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.CompletionCodeException;
import dev.ipmi.core.commands.app.ActivatePayload;
import dev.ipmi.core.commands.sol.SolBitRate;
import dev.ipmi.core.commands.sol.SolConfig;
import dev.ipmi.core.commands.sol.SolParameter;
import dev.ipmi.core.sol.SolOptions;
import dev.ipmi.core.sol.SolSession;
import dev.ipmi.core.sol.SolSettings;
import dev.ipmi.core.sol.SolStatusListener;
import dev.ipmi.core.spi.IpmiTransport;
import dev.ipmi.core.client.RequestTarget;
import dev.ipmi.core.spi.SolSupport;
import dev.ipmi.testing.FakeTransport;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class SolClientTest {
    private static final int APP = 0x06;
    private static final int TRANSPORT = 0x0C;

    @Test
    void setReplaysIpmitoolAgainstIpmiSimByteForByte() {
        ScriptedExchange x = new ScriptedExchange("facade/sol-set-volatile-bit-rate.hex");
        IpmiClient.using(x.fake).sol().set(1, new SolParameter.VolatileBitRate(SolBitRate.BPS_57600));
        x.assertReplayedExactly();
    }

    @Test
    void infoReplaysIpmitoolAgainstIpmiSimAndLeavesOutUnsupportedParameters() {
        ScriptedExchange x = new ScriptedExchange("facade/sol-info.hex");
        SolConfig c = IpmiClient.using(x.fake).sol().info(1);
        x.assertReplayedExactly();
        assertThat(c.enabled()).contains(true);
        assertThat(c.volatileBitRate()).contains(SolBitRate.BPS_57600);
        assertThat(c.retry()).isEmpty();
    }

    @Test
    void aRefusedParameterStillEndsWithSetCompleteAndReportsTheRefusal() {
        FakeTransport fake = new FakeTransport();
        List<String> writes = new ArrayList<>();
        fake.on(TRANSPORT, 0x21, req -> {
            writes.add(dev.ipmi.core.wire.Hex.dump(req));
            return req[1] == 0x04 ? new byte[] {(byte) 0x80} : new byte[] {0};
        });
        assertThatThrownBy(() -> IpmiClient.using(fake).sol().set(1, new SolParameter.Retry(3, 10)))
                .isInstanceOf(CompletionCodeException.class);
        assertThat(writes).containsExactly("01 00 01", "01 04 03 0a", "01 00 00");
    }

    @Test
    void deactivateSaysWhetherAConsoleWasActive() {
        FakeTransport fake = new FakeTransport().answer(APP, 0x49, (byte) 0x00);
        assertThat(IpmiClient.using(fake).sol().deactivate(1)).isTrue();
        assertThat(fake.sent().get(0).data()).containsExactly(0x01, 0x01, 0, 0, 0, 0);
        FakeTransport inactive = new FakeTransport().answer(APP, 0x49, (byte) 0x80);
        assertThat(IpmiClient.using(inactive).sol().deactivate(2)).isFalse();
        assertThat(inactive.sent().get(0).data()).startsWith(0x01, 0x02);
    }

    @Test
    void activateOnASessionWithoutSolIsUnsupported() {
        assertThatThrownBy(() -> IpmiClient.using(new FakeTransport()).sol().activate(SolOptions.defaults()))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("SOL needs an RMCP+ (lanplus) session");
    }

    /** The facade finds the SPI through the bridging decorator it puts around every transport. */
    @Test
    void activateReachesTheSessionsSolSupportThroughDecorators() {
        SolTransportFake t = new SolTransportFake();
        IpmiClient client = IpmiClient.using(t);
        assertThat(client.transport()).isNotSameAs(t);
        SolOptions options = SolOptions.builder().instance(2).takeOver().build();
        SolSession s = client.sol().activate(options);
        assertThat(s).isSameAs(t.console);
        assertThat(t.options).isEqualTo(options);
        assertThat(client.transport().unwrap(SolSupport.class)).containsSame(t);
        assertThat(client.transport().unwrap(String.class)).isEmpty();
    }

    private static final class SolTransportFake implements IpmiTransport, SolSupport {
        final SolSession console = new SolSession() {
            @Override
            public InputStream input() {
                return InputStream.nullInputStream();
            }

            @Override
            public OutputStream output() {
                return OutputStream.nullOutputStream();
            }

            @Override
            public void sendBreak() {
            }

            @Override
            public void setStatusListener(SolStatusListener listener) {
            }

            @Override
            public ActivatePayload.Response activation() {
                return null;
            }

            @Override
            public SolSettings settings() {
                return null;
            }

            @Override
            public boolean isOpen() {
                return true;
            }

            @Override
            public void close() {
            }
        };
        SolOptions options;

        @Override
        public SolSession activateSol(SolOptions options, SolStatusListener listener) {
            this.options = options;
            return console;
        }

        @Override
        public CompletableFuture<byte[]> exchange(RequestTarget target, CommandId id, byte[] data) {
            return CompletableFuture.failedFuture(new UnsupportedOperationException("not used"));
        }

        @Override
        public void close() {
        }
    }

    @Test
    void optionsRefuseAnInstanceOutsideOneToFifteen() {
        assertThat(SolOptions.defaults().instance()).isEqualTo(1);
        assertThat(SolOptions.builder().instance(15).takeOver().build().instance()).isEqualTo(15);
        assertThatThrownBy(() -> SolOptions.builder().instance(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1..15");
        assertThatThrownBy(() -> SolOptions.builder().instance(16)).isInstanceOf(IllegalArgumentException.class);
    }
}
