package dev.ipmi.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipmi.core.IpmiException;
import dev.ipmi.core.commands.transport.IpSource;
import dev.ipmi.core.commands.transport.LanConfig;
import dev.ipmi.core.commands.transport.LanParameter;
import dev.ipmi.testing.FakeTransport;
import dev.ipmi.testing.ManualScheduler;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LanClientTest {
    private static final int TRANSPORT = 0x0C;

    private static Inet4Address ip(String s) throws Exception {
        return (Inet4Address) InetAddress.getByName(s);
    }

    @Test
    void setIpAddressReplaysIpmitoolAgainstIpmiSimByteForByte() throws Exception {
        ScriptedExchange x = new ScriptedExchange("facade/lan-set-ipaddr.hex");
        IpmiClient.using(x.fake).lan().setIpAddress(1, ip("192.0.2.77"));
        x.assertReplayedExactly();
    }

    @Test
    void setVlanReplaysIpmitoolAgainstIpmiSimByteForByte() {
        ScriptedExchange x = new ScriptedExchange("facade/lan-set-vlan.hex");
        IpmiClient.using(x.fake).lan().setVlanId(1, 5);
        x.assertReplayedExactly();
    }

    /** An in-memory LAN parameter store; parameter 0 optional, CCh for the first {@code transientCc} writes. */
    private static final class FakeLan {
        final FakeTransport fake = new FakeTransport();
        final Map<Integer, byte[]> params = new HashMap<>();
        final AtomicInteger ccLeft = new AtomicInteger();
        boolean hasParam0 = true;

        FakeLan() {
            params.put(0, new byte[] {0});
            fake.on(TRANSPORT, 0x02, req -> {
                int sel = req[1] & 0xFF;
                byte[] v = params.get(sel);
                if (v == null || (sel == 0 && !hasParam0)) {
                    return new byte[] {(byte) 0x80};
                }
                byte[] out = new byte[2 + v.length];
                out[1] = 0x11;
                System.arraycopy(v, 0, out, 2, v.length);
                return out;
            });
            fake.on(TRANSPORT, 0x01, req -> {
                int sel = req[1] & 0xFF;
                if (sel == 0 && !hasParam0) {
                    return new byte[] {(byte) 0x80};
                }
                if (sel != 0 && ccLeft.getAndDecrement() > 0) {
                    return new byte[] {(byte) 0xCC};
                }
                params.put(sel, java.util.Arrays.copyOfRange(req, 2, req.length));
                return new byte[] {0x00};
            });
        }
    }

    @Test
    void setWithoutParameterZeroStillWritesAndVerifies() throws Exception {
        FakeLan lan = new FakeLan();
        lan.hasParam0 = false;
        IpmiClient.using(lan.fake).lan().setSubnetMask(1, ip("255.255.0.0"));
        assertThat(lan.params.get(6)).containsExactly(0xFF, 0xFF, 0x00, 0x00);
        // get p0 (80h: no lock), set p6, get p6, then commit and complete attempted and ignored
        assertThat(lan.fake.sent()).extracting(s -> s.id().cmd() + ":" + (s.data()[1] & 0xFF))
                .containsExactly("2:0", "1:6", "2:6", "1:0", "1:0");
    }

    @Test
    void transientInvalidDataFieldIsRetriedOnTheScheduler() throws Exception {
        FakeLan lan = new FakeLan();
        lan.ccLeft.set(2);
        ManualScheduler sched = new ManualScheduler();
        CompletableFuture<Void> f = IpmiClient.using(lan.fake, sched).async().lan()
                .setDefaultGateway(1, ip("192.0.2.254"));
        assertThat(f).isNotDone();
        sched.advance(AsyncLan.RETRY_DELAY);
        assertThat(f).isNotDone();
        sched.advance(AsyncLan.RETRY_DELAY);
        assertThat(f).isCompleted();
        assertThat(lan.params.get(12)).containsExactly(192, 0, 2, 254);
        assertThat(lan.params.get(0)).containsExactly(0x00);
        assertThat(sched.delays()).containsExactly(AsyncLan.RETRY_DELAY, AsyncLan.RETRY_DELAY);
    }

    @Test
    void readBackMismatchFailsAfterRetriesAndUnlocks() throws Exception {
        FakeLan lan = new FakeLan();
        lan.fake.on(TRANSPORT, 0x01, req -> new byte[] {0x00});
        lan.params.put(4, new byte[] {0x01});
        ManualScheduler sched = new ManualScheduler();
        CompletableFuture<Void> f = IpmiClient.using(lan.fake, sched).async().lan().setIpSource(1, IpSource.DHCP);
        assertThat(sched.runAll(100)).isEqualTo(AsyncLan.VERIFY_RETRIES);
        assertThat(f).isCompletedExceptionally();
        assertThatThrownBy(f::join).hasCauseInstanceOf(IpmiException.class).hasMessageContaining("read back");
        var last = lan.fake.sent().get(lan.fake.sent().size() - 1);
        assertThat(last.data()).containsExactly(0x01, 0x00, 0x00);
    }

    @Test
    void configReadsCommonParametersAndSkipsUnsupported() throws Exception {
        FakeLan lan = new FakeLan();
        lan.params.put(1, new byte[] {0x17});
        lan.params.put(3, new byte[] {(byte) 192, 0, 2, 10});
        lan.params.put(4, new byte[] {0x01});
        lan.params.put(5, new byte[] {0x52, 0x54, 0x00, 0x12, 0x34, 0x56});
        lan.params.put(6, new byte[] {(byte) 255, (byte) 255, (byte) 255, 0});
        lan.params.put(20, new byte[] {0x05, (byte) 0x80});
        lan.params.put(22, new byte[] {0x02});
        lan.params.put(23, new byte[] {0x00, 0x03, 0x11});
        lan.params.put(24, new byte[] {0x00, 0x44, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00});
        LanConfig c = IpmiClient.using(lan.fake).lan().config(1);
        assertThat(c.ipAddress()).contains(ip("192.0.2.10"));
        assertThat(c.subnetMask()).contains(ip("255.255.255.0"));
        assertThat(c.ipSource()).contains(IpSource.STATIC);
        assertThat(c.vlan()).contains(new LanParameter.VlanId(true, 5));
        assertThat(c.defaultGatewayIp()).isEmpty();
        assertThat(c.cipherSuites()).hasSize(2);
        assertThat(lan.fake.sent()).hasSize(LanConfig.SELECTORS.size());
    }
}
