package dev.ipmi.lanplus;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A loopback UDP relay in front of a BMC that drops the datagrams its predicates pick (one client).
 * Public for the trace probe in {@code security}, which uses the predicates as taps on the wire.
 */
public final class LossyRelay implements AutoCloseable {
    private final DatagramChannel front;
    private final DatagramChannel back;
    private final Thread thread;
    private volatile boolean running = true;
    public volatile Predicate<byte[]> dropToBmc = d -> false;
    public volatile Predicate<byte[]> dropToClient = d -> false;
    final AtomicInteger dropped = new AtomicInteger();
    final AtomicInteger openSessionRequests = new AtomicInteger();

    public LossyRelay(InetSocketAddress bmc) throws IOException {
        front = DatagramChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        back = DatagramChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        front.configureBlocking(false);
        back.configureBlocking(false);
        back.connect(bmc);
        thread = new Thread(this::run, "lossy-relay");
        thread.setDaemon(true);
        thread.start();
    }

    public int port() throws IOException {
        return ((InetSocketAddress) front.getLocalAddress()).getPort();
    }

    private void run() {
        ByteBuffer buf = ByteBuffer.allocate(2048);
        SocketAddress client = null;
        try (Selector selector = Selector.open()) {
            front.register(selector, SelectionKey.OP_READ);
            back.register(selector, SelectionKey.OP_READ);
            while (running) {
                selector.select(50);
                selector.selectedKeys().clear();
                buf.clear();
                SocketAddress from;
                while ((from = front.receive(buf)) != null) {
                    client = from;
                    byte[] d = bytes(buf);
                    if (d.length > 5 && d[4] == 6 && (d[5] & 0x3F) == 0x10) {
                        openSessionRequests.incrementAndGet();
                    }
                    if (dropToBmc.test(d)) {
                        dropped.incrementAndGet();
                    } else {
                        back.write(ByteBuffer.wrap(d));
                    }
                    buf.clear();
                }
                int n;
                while ((n = back.read(buf)) > 0) {
                    byte[] d = bytes(buf);
                    if (dropToClient.test(d) || client == null) {
                        dropped.incrementAndGet();
                    } else {
                        front.send(ByteBuffer.wrap(d), client);
                    }
                    buf.clear();
                }
            }
        } catch (IOException e) {
            if (running) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    private static byte[] bytes(ByteBuffer buf) {
        buf.flip();
        byte[] d = new byte[buf.remaining()];
        buf.get(d);
        return d;
    }

    /** Drops the first datagram of this RMCP+ payload type, then nothing more of that type. */
    static Predicate<byte[]> firstOfType(int payloadType) {
        AtomicInteger seen = new AtomicInteger();
        return d -> d.length > 5 && d[4] == 6 && (d[5] & 0x3F) == payloadType && seen.getAndIncrement() == 0;
    }

    /** Drops every {@code n}-th in-session datagram (session ID not 0). */
    static Predicate<byte[]> everyNthInSession(int n) {
        AtomicInteger count = new AtomicInteger();
        return d -> d.length > 10 && d[4] == 6 && !Arrays.equals(Arrays.copyOfRange(d, 6, 10), new byte[4])
                && count.incrementAndGet() % n == 0;
    }

    @Override
    public void close() throws Exception {
        running = false;
        thread.join(1000);
        front.close();
        back.close();
    }
}
