package dev.ipmi.lan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.client.RetryPolicy;
import dev.ipmi.core.commands.app.GetDeviceId;
import dev.ipmi.core.event.IpmiEventListener;
import dev.ipmi.core.options.LanOptions;
import dev.ipmi.testing.IpmiSim;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ipmi_sim behind a UDP relay that drops every third datagram in each direction: retransmissions
 * (same rqSeq, new session sequence number and AuthCode) must be accepted by a real BMC, and
 * keepalives must flow while the session is idle.
 */
class LossyLinkIT {
    private static IpmiSim sim;
    private static DatagramChannel relay;
    private static Thread relayThread;
    private static final AtomicBoolean running = new AtomicBoolean(true);
    private static final AtomicInteger dropped = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        IpmiSim.requireTools();
        sim = IpmiSim.builder().sol(false).start();
        relay = DatagramChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        DatagramChannel upstream = DatagramChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        upstream.configureBlocking(false);
        relay.configureBlocking(false);
        InetSocketAddress bmc = new InetSocketAddress(sim.host(), sim.port());
        relayThread = new Thread(() -> {
            ByteBuffer buf = ByteBuffer.allocate(2048);
            SocketAddress client = null;
            int toBmc = 0;
            int toClient = 0;
            try (var selector = java.nio.channels.Selector.open()) {
                relay.register(selector, java.nio.channels.SelectionKey.OP_READ);
                upstream.register(selector, java.nio.channels.SelectionKey.OP_READ);
                while (running.get()) {
                    selector.select(100);
                    selector.selectedKeys().clear();
                    buf.clear();
                    SocketAddress from;
                    while ((from = relay.receive(buf)) != null) {
                        client = from;
                        buf.flip();
                        if (++toBmc % 3 == 0) {
                            dropped.incrementAndGet();
                        } else {
                            upstream.send(buf, bmc);
                        }
                        buf.clear();
                    }
                    while (upstream.receive(buf) != null) {
                        buf.flip();
                        if (++toClient % 3 == 0) {
                            dropped.incrementAndGet();
                        } else if (client != null) {
                            relay.send(buf, client);
                        }
                        buf.clear();
                    }
                }
            } catch (Exception stop) {
                // relay closed
            }
        }, "lossy-relay");
        relayThread.start();
    }

    @AfterAll
    static void stop() throws Exception {
        running.set(false);
        if (relayThread != null) {
            relayThread.join(3000);
        }
        if (relay != null) {
            relay.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    private static LanOptions.Builder viaRelay() throws Exception {
        InetSocketAddress r = (InetSocketAddress) relay.getLocalAddress();
        return LanOptions.builder("127.0.0.1").port(r.getPort()).credentials("admin", "password".toCharArray())
                .retry(new RetryPolicy(Duration.ofMillis(150), 1.5, Duration.ofMillis(500), 6, 0.2));
    }

    @Test
    void everyRequestIsAnsweredDespiteLoss() throws Exception {
        AtomicInteger retransmitted = new AtomicInteger();
        IpmiEventListener counter = new IpmiEventListener() {
            @Override
            public void requestRetransmitted(SocketAddress bmc, CommandId id, int rqSeq, int attempt) {
                retransmitted.incrementAndGet();
            }
        };
        try (LanSession s = LanSession.open(viaRelay().listener(counter).build())) {
            List<CompletableFuture<GetDeviceId.Response>> all = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                all.add(s.send(new GetDeviceId.Request()));
            }
            for (CompletableFuture<GetDeviceId.Response> f : all) {
                assertThat(f.get(30, TimeUnit.SECONDS).manufacturerId()).isEqualTo(4753);
            }
        }
        assertThat(dropped.get()).isGreaterThan(5);
        assertThat(retransmitted.get()).isGreaterThan(2);
    }

    @Test
    void keepaliveRunsWhileIdle() throws Exception {
        AtomicInteger keepalives = new AtomicInteger();
        IpmiEventListener counter = new IpmiEventListener() {
            @Override
            public void requestAnswered(SocketAddress bmc, CommandId id, int rqSeq, int cc, int attempts,
                                        Duration elapsed) {
                if (id.matches(GetDeviceId.ID)) {
                    keepalives.incrementAndGet();
                }
            }
        };
        try (LanSession s = LanSession.open(viaRelay().keepalive(Duration.ofMillis(200)).listener(counter).build())) {
            for (int i = 0; i < 50 && keepalives.get() < 2; i++) {
                Thread.sleep(100);
            }
            assertThat(keepalives.get()).isGreaterThanOrEqualTo(2);
            assertThat(s.send(new GetDeviceId.Request()).get(30, TimeUnit.SECONDS).deviceId()).isEqualTo(0x20);
        }
    }
}
