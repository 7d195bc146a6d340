package dev.ipmi.bmc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hosts any number of {@link VirtualBmc}s, each on its own UDP port, with one selector and one I/O
 * thread for all of them: a thousand BMCs cost a thousand sockets and their small state, not a
 * thousand threads. Binds to 127.0.0.1 unless told otherwise.
 */
public final class VirtualBmcServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VirtualBmcServer.class);
    private static final long TICK_NANOS = 20_000_000L;

    private final Selector selector;
    private final InetAddress bindAddress;
    private final LongSupplier clock;
    private final Thread thread;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final Map<VirtualBmc, DatagramChannel> channels = new ConcurrentHashMap<>();
    private final Set<VirtualBmc> withSessions = new LinkedHashSet<>();
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(2048);
    private volatile boolean running = true;
    private long lastTick;
    /** Replies held back for their BMC's service time; touched by the I/O thread only. */
    private final java.util.PriorityQueue<Held> held = new java.util.PriorityQueue<>();
    private final java.util.SplittableRandom random = new java.util.SplittableRandom();
    private long heldOrder;

    private record Held(long due, long order, DatagramChannel ch, SocketAddress to, byte[] data)
            implements Comparable<Held> {
        @Override
        public int compareTo(Held o) {
            return due != o.due ? Long.compare(due, o.due) : Long.compare(order, o.order);
        }
    }

    private VirtualBmcServer(InetAddress bindAddress, LongSupplier clock) throws IOException {
        this.selector = Selector.open();
        this.bindAddress = bindAddress;
        this.clock = clock;
        this.thread = new Thread(this::loop, "vbmc-io");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** A server on 127.0.0.1. */
    public static VirtualBmcServer start() {
        return start(InetAddress.getLoopbackAddress());
    }

    public static VirtualBmcServer start(InetAddress bindAddress) {
        try {
            return new VirtualBmcServer(bindAddress, System::nanoTime);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector", e);
        }
    }

    /**
     * Binds the BMC's port (a free one if it asks for 0) and starts answering on it.
     *
     * @return the bound address
     * @throws UncheckedIOException if the port cannot be bound
     */
    public InetSocketAddress add(VirtualBmc bmc) {
        if (!running) {
            throw new IllegalStateException("server closed");
        }
        if (channels.containsKey(bmc)) {
            throw new IllegalArgumentException("already hosted: " + bmc);
        }
        InetAddress bindAddress = bmc.address().orElse(this.bindAddress);
        try {
            DatagramChannel ch = DatagramChannel.open(bindAddress instanceof java.net.Inet6Address
                    ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
            ch.bind(new InetSocketAddress(bindAddress, bmc.port()));
            ch.configureBlocking(false);
            InetSocketAddress local = (InetSocketAddress) ch.getLocalAddress();
            bmc.boundTo(local.getPort());
            bmc.runDeferredRepliesOn(task -> {
                tasks.add(task);
                selector.wakeup();
            });
            channels.put(bmc, ch);
            CountDownLatch registered = new CountDownLatch(1);
            tasks.add(() -> {
                try {
                    ch.register(selector, SelectionKey.OP_READ, bmc);
                } catch (IOException e) {
                    LOG.warn("cannot register {}", bmc, e);
                } finally {
                    registered.countDown();
                }
            });
            selector.wakeup();
            registered.await();
            return local;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind UDP " + bindAddress.getHostAddress() + ":" + bmc.port(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while adding " + bmc, e);
        }
    }

    /** Stops answering for this BMC and frees its port; the port can be bound again when this returns. */
    public void remove(VirtualBmc bmc) {
        DatagramChannel ch = channels.remove(bmc);
        if (ch != null) {
            CountDownLatch closed = new CountDownLatch(1);
            tasks.add(() -> {
                withSessions.remove(bmc);
                closeQuietly(ch);
                try {
                    // A registered channel keeps its socket until the selector drops the cancelled key.
                    selector.selectNow();
                } catch (IOException e) {
                    LOG.debug("selectNow failed", e);
                }
                closed.countDown();
            });
            selector.wakeup();
            if (Thread.currentThread() != thread && running) {
                try {
                    closed.await(2, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    public int size() {
        return channels.size();
    }

    private void loop() {
        try {
            while (running) {
                Runnable t;
                while ((t = tasks.poll()) != null) {
                    t.run();
                }
                long wait = TICK_NANOS / 1_000_000L;
                if (!held.isEmpty()) {
                    wait = Math.max(1, Math.min(wait, (held.peek().due() - clock.getAsLong()) / 1_000_000L));
                }
                selector.select(wait);
                long now = clock.getAsLong();
                Iterator<SelectionKey> it = selector.selectedKeys().iterator();
                while (it.hasNext()) {
                    SelectionKey key = it.next();
                    it.remove();
                    if (key.isValid() && key.isReadable()) {
                        read((DatagramChannel) key.channel(), (VirtualBmc) key.attachment(), now);
                    }
                }
                while (!held.isEmpty() && held.peek().due() - now <= 0) {
                    Held h = held.poll();
                    send(h.ch(), h.to(), h.data());
                }
                if (now - lastTick >= TICK_NANOS) {
                    lastTick = now;
                    tick(now);
                }
            }
        } catch (ClosedSelectorException e) {
            LOG.debug("selector closed");
        } catch (IOException | RuntimeException e) {
            LOG.error("virtual BMC I/O loop failed", e);
        }
    }

    private void read(DatagramChannel ch, VirtualBmc bmc, long now) {
        for (int i = 0; i < 64; i++) {
            buffer.clear();
            SocketAddress from;
            try {
                from = ch.receive(buffer);
            } catch (IOException e) {
                LOG.debug("receive failed on {}", bmc, e);
                return;
            }
            if (from == null) {
                return;
            }
            buffer.flip();
            byte[] d = new byte[buffer.remaining()];
            buffer.get(d);
            try {
                if (bmc.serviceTime().isZero()) {
                    bmc.onDatagram(from, d, now, (to, out) -> send(ch, to, out));
                } else {
                    long due = now + bmc.replyDelayNanos(random);
                    bmc.onDatagram(from, d, now, (to, out) -> held.add(new Held(due, heldOrder++, ch, to, out)));
                }
            } catch (RuntimeException e) {
                LOG.warn("{} failed on a datagram; dropped", bmc, e);
            }
            if (bmc.hasSessions()) {
                withSessions.add(bmc);
            }
        }
    }

    private void tick(long now) {
        for (Iterator<VirtualBmc> it = withSessions.iterator(); it.hasNext(); ) {
            VirtualBmc bmc = it.next();
            DatagramChannel ch = channels.get(bmc);
            if (ch == null) {
                it.remove();
                continue;
            }
            try {
                bmc.onTimer(now, (to, out) -> send(ch, to, out));
            } catch (RuntimeException e) {
                LOG.warn("{} failed on a timer", bmc, e);
            }
            if (!bmc.hasSessions()) {
                it.remove();
            }
        }
    }

    private static void send(DatagramChannel ch, SocketAddress to, byte[] out) {
        try {
            ch.send(ByteBuffer.wrap(out), to);
        } catch (IOException e) {
            LOG.debug("send to {} failed", to, e);
        }
    }

    private static void closeQuietly(DatagramChannel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            LOG.debug("close failed", e);
        }
    }

    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        channels.values().forEach(VirtualBmcServer::closeQuietly);
        channels.clear();
        try {
            selector.close();
        } catch (IOException e) {
            LOG.debug("selector close failed", e);
        }
    }
}
