package dev.ipmi.lan.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.core.event.DropReason;
import dev.ipmi.core.event.IpmiEventListener;
import dev.ipmi.lan.testing.MachineHarness;
import dev.ipmi.testing.Vectors;
import java.lang.reflect.Field;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The ASF ping facing junk: every datagram that is not its pong is reported and dropped, the real pong still counts. */
class AsfPingFuzzTest {
    private static final InetSocketAddress BMC = new InetSocketAddress("127.0.0.1", 623);

    @Property(tries = 300)
    void junkIsDroppedAndTheRealPongStillCompletes(@ForAll @Size(max = 10) List<@Size(max = 40) byte[]> junk,
                                                    @ForAll @IntRange(max = 0xFFFF) int cut, @ForAll boolean truncate)
            throws Exception {
        List<DropReason> drops = new ArrayList<>();
        IpmiEventListener listener = new IpmiEventListener() {
            @Override
            public void packetDropped(SocketAddress bmc, DropReason reason, String detail) {
                drops.add(reason);
            }
        };
        byte[] pong = Vectors.load("lan/session-md5.hex", "asf_pong");
        int tag = pong[9] & 0xFF;
        AsfPing ping = new AsfPing(BMC, Duration.ofSeconds(2), tag, listener);
        MachineHarness h = new MachineHarness(ping).start();
        assertThat(h.takeSent()).isEqualTo(Vectors.load("lan/session-md5.hex", "asf_ping"));
        List<byte[]> bad = new ArrayList<>(junk);
        byte[] otherTag = pong.clone();
        otherTag[9] ^= (byte) (1 + cut % 0xFF);
        bad.add(otherTag);
        // the pong decoder reads the 10 data bytes it needs and tolerates a short tail after them
        bad.add(Arrays.copyOf(pong, truncate ? cut % 22 : 0));
        for (byte[] d : bad) {
            if (Arrays.equals(d, pong)) {
                continue;
            }
            int before = drops.size();
            h.deliver(d);
            assertThat(drops).as(Arrays.toString(d)).hasSize(before + 1);
            assertThat(h.ended()).isFalse();
        }
        h.deliver(pong);
        assertThat(h.ended()).isTrue();
        assertThat(result(ping).join()).isPresent();
    }

    @SuppressWarnings("unchecked")
    private static CompletableFuture<Optional<Rmcp.Pong>> result(AsfPing p) throws Exception {
        Field f = AsfPing.class.getDeclaredField("result");
        f.setAccessible(true);
        return (CompletableFuture<Optional<Rmcp.Pong>>) f.get(p);
    }
}
