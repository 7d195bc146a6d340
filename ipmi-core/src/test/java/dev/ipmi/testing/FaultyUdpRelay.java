package dev.ipmi.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A fault-injecting UDP relay on 127.0.0.1 in front of one BMC, for loss, duplication, reordering
 * and outage tests: clients talk to {@link #port()}, the relay forwards to the BMC from one socket
 * per client (so the BMC sees distinct peers, as it would on a real network) and sends the answers
 * back. Each direction has its own {@link Faults}: a probability to drop a datagram, to send it
 * twice, and to hold it back by a random delay (which reorders it behind later ones). All random
 * choices come from one seeded generator, so a failing run can be repeated with its seed. An
 * {@linkplain #outage(boolean) outage} drops everything both ways until it is lifted, as a dark
 * network or a powered-off BMC would. Predicates ({@link #dropToBmc}, {@link #dropToClient}) pick
 * single datagrams for exact scenarios (e.g. the first RAKP message 2).
 *
 * <p>One thread, bounded queues: held-back datagrams beyond {@value #MAX_HELD} are dropped.
 */
public final class FaultyUdpRelay implements AutoCloseable {
    private static final int MAX_HELD = 10_000;

    /**
     * Faults of one direction.
     *
     * @param drop      probability (0..1) that a datagram is lost
     * @param duplicate probability that a forwarded datagram is sent twice
     * @param delay     probability that a forwarded datagram is held back
     * @param maxDelayMillis upper bound of a hold-back, uniformly chosen from 1 ms
     */
    public record Faults(double drop, double duplicate, double delay, int maxDelayMillis) {
        public static final Faults NONE = new Faults(0, 0, 0, 0);

        public Faults {
            check("drop", drop);
            check("duplicate", duplicate);
            check("delay", delay);
            if (maxDelayMillis < 0) {
                throw new IllegalArgumentException("maxDelayMillis must not be negative: " + maxDelayMillis);
            }
        }

        private static void check(String name, double p) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException(name + " must be a probability 0..1: " + p);
            }
        }

        /** The lossy link: {@code drop} lost, 10 % duplicated, 10 % delayed by up to 200 ms. */
        public static Faults lossy(double drop) {
            return new Faults(drop, 0.1, 0.1, 200);
        }
    }

    private record Held(long dueNanos, long order, DatagramChannel via, SocketAddress to, byte[] data) {}

    private final InetSocketAddress bmc;
    private final DatagramChannel front;
    private final Selector selector;
    private final Map<SocketAddress, DatagramChannel> backs = new HashMap<>();
    private final Map<DatagramChannel, SocketAddress> clients = new HashMap<>();
    private final PriorityQueue<Held> held = new PriorityQueue<>((a, b) -> a.dueNanos != b.dueNanos
            ? Long.compare(a.dueNanos, b.dueNanos) : Long.compare(a.order, b.order));
    private final SplittableRandom random;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean outage;
    private volatile Faults toBmcFaults = Faults.NONE;
    private volatile Faults toClientFaults = Faults.NONE;
    private long order;

    /** Picks single datagrams to the BMC to drop (checked before the random faults). */
    public volatile Predicate<byte[]> dropToBmc = d -> false;
    /** Picks single datagrams to the client to drop. */
    public volatile Predicate<byte[]> dropToClient = d -> false;
    public final AtomicInteger dropped = new AtomicInteger();
    public final AtomicInteger duplicated = new AtomicInteger();
    public final AtomicInteger delayed = new AtomicInteger();
    public final AtomicLong forwarded = new AtomicLong();
    /** RMCP+ Open Session requests seen on the way to the BMC. */
    public final AtomicInteger openSessionRequests = new AtomicInteger();

    /** A relay without faults until they are set; {@code seed} fixes every random choice. */
    public FaultyUdpRelay(InetSocketAddress bmc, long seed) throws IOException {
        this.bmc = Objects.requireNonNull(bmc, "bmc");
        this.random = new SplittableRandom(seed);
        this.selector = Selector.open();
        this.front = DatagramChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        front.configureBlocking(false);
        front.register(selector, SelectionKey.OP_READ);
        thread = new Thread(this::run, "faulty-udp-relay");
        thread.setDaemon(true);
        thread.start();
    }

    public FaultyUdpRelay(String host, int port, long seed) throws IOException {
        this(new InetSocketAddress(host, port), seed);
    }

    /** The port clients send to. */
    public int port() {
        try {
            return ((InetSocketAddress) front.getLocalAddress()).getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same faults both ways. */
    public FaultyUdpRelay faults(Faults both) {
        return faults(both, both);
    }

    public FaultyUdpRelay faults(Faults toBmc, Faults toClient) {
        this.toBmcFaults = Objects.requireNonNull(toBmc, "toBmc");
        this.toClientFaults = Objects.requireNonNull(toClient, "toClient");
        return this;
    }

    /** While on, every datagram both ways is dropped (held-back ones too, when they come due). */
    public FaultyUdpRelay outage(boolean on) {
        this.outage = on;
        return this;
    }

    private void run() {
        ByteBuffer buf = ByteBuffer.allocate(2048);
        try {
            while (running) {
                long wait = 50;
                Held next = held.peek();
                if (next != null) {
                    wait = Math.max(1, Math.min(50, (next.dueNanos - System.nanoTime()) / 1_000_000));
                }
                selector.select(wait);
                selector.selectedKeys().clear();
                SocketAddress from;
                buf.clear();
                while ((from = front.receive(buf)) != null) {
                    byte[] d = bytes(buf);
                    if (d.length > 5 && d[4] == 6 && (d[5] & 0x3F) == 0x10) {
                        openSessionRequests.incrementAndGet();
                    }
                    DatagramChannel back = backFor(from);
                    if (dropToBmc.test(d)) {
                        dropped.incrementAndGet();
                    } else {
                        forward(back, bmc, d, toBmcFaults);
                    }
                    buf.clear();
                }
                for (Map.Entry<DatagramChannel, SocketAddress> e : clients.entrySet()) {
                    buf.clear();
                    while (e.getKey().receive(buf) != null) {
                        byte[] d = bytes(buf);
                        if (dropToClient.test(d)) {
                            dropped.incrementAndGet();
                        } else {
                            forward(front, e.getValue(), d, toClientFaults);
                        }
                        buf.clear();
                    }
                }
                long now = System.nanoTime();
                while (!held.isEmpty() && held.peek().dueNanos - now <= 0) {
                    Held h = held.poll();
                    if (outage) {
                        dropped.incrementAndGet();
                    } else {
                        send(h.via, h.to, h.data);
                    }
                }
            }
        } catch (IOException e) {
            if (running) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private DatagramChannel backFor(SocketAddress client) throws IOException {
        DatagramChannel back = backs.get(client);
        if (back == null) {
            back = DatagramChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            back.configureBlocking(false);
            back.register(selector, SelectionKey.OP_READ);
            backs.put(client, back);
            clients.put(back, client);
        }
        return back;
    }

    private void forward(DatagramChannel via, SocketAddress to, byte[] d, Faults f) throws IOException {
        if (outage || (f.drop() > 0 && random.nextDouble() < f.drop())) {
            dropped.incrementAndGet();
            return;
        }
        int copies = f.duplicate() > 0 && random.nextDouble() < f.duplicate() ? 2 : 1;
        if (copies == 2) {
            duplicated.incrementAndGet();
        }
        for (int i = 0; i < copies; i++) {
            if (f.delay() > 0 && f.maxDelayMillis() > 0 && random.nextDouble() < f.delay() && held.size() < MAX_HELD) {
                delayed.incrementAndGet();
                long due = System.nanoTime() + (1 + random.nextInt(f.maxDelayMillis())) * 1_000_000L;
                held.add(new Held(due, order++, via, to, d));
            } else {
                send(via, to, d);
            }
        }
    }

    private void send(DatagramChannel via, SocketAddress to, byte[] d) throws IOException {
        via.send(ByteBuffer.wrap(d), to);
        forwarded.incrementAndGet();
    }

    private static byte[] bytes(ByteBuffer buf) {
        buf.flip();
        byte[] d = new byte[buf.remaining()];
        buf.get(d);
        return d;
    }

    /** Drops the first datagram of this RMCP+ payload type, then nothing more of that type. */
    public static Predicate<byte[]> firstOfType(int payloadType) {
        AtomicInteger seen = new AtomicInteger();
        return d -> d.length > 5 && d[4] == 6 && (d[5] & 0x3F) == payloadType && seen.getAndIncrement() == 0;
    }

    /** Drops every {@code n}-th in-session RMCP+ datagram (session ID not 0). */
    public static Predicate<byte[]> everyNthInSession(int n) {
        AtomicInteger count = new AtomicInteger();
        return d -> d.length > 10 && d[4] == 6 && !Arrays.equals(Arrays.copyOfRange(d, 6, 10), new byte[4])
                && count.incrementAndGet() % n == 0;
    }

    @Override
    public void close() throws IOException {
        running = false;
        selector.wakeup();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        selector.close();
        front.close();
        for (DatagramChannel c : backs.values()) {
            c.close();
        }
    }
}
