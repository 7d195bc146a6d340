package dev.ipmi.lan.engine;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.client.RequestTarget;
import dev.ipmi.core.options.SessionOptions;
import dev.ipmi.core.spi.TransportEngine;
import dev.ipmi.core.IpmiSessionLostException;
import dev.ipmi.core.IpmiTransportException;
import dev.ipmi.core.event.DropReason;
import dev.ipmi.core.event.IpmiEventListener;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The non-blocking UDP engine: one I/O thread with one {@link Selector} serves any number of
 * sessions, each a {@link SessionMachine}. There is no thread per session or per request, and
 * nothing on the I/O thread blocks: machines are pure,
 * sends are non-blocking (a datagram the socket buffer cannot take is lost like any other and
 * retransmitted), and futures are completed on the completion executor, never on the I/O thread
 * unless {@link Builder#completionExecutor} says so.
 *
 * <p>Timers: each session has at most one timer (see {@link Actions}); the engine keeps them in a
 * priority queue and sleeps in {@code select} until the earliest one. A session's timer moved
 * later (every answered request pushes it back to the keepalive) stays in the queue at its old
 * place and is moved on when it comes due, so the queue holds about one entry per session instead
 * of one per request.
 *
 * <p>Sockets: sessions share a few unconnected sockets, at most {@value #SESSIONS_PER_SOCKET} on
 * each and never two to the same BMC address and port, and the engine hands every datagram to the
 * session of its source address and port (what a connected socket's kernel filter did; a datagram
 * from any other source is dropped and counted in {@link #strayDatagrams()}). A socket per session
 * cost about 13 system calls to set up and tear down (socket, bind, connect, getsockname, fcntl,
 * epoll_ctl, close) and one wake-up of the selector per datagram; shared sockets are read until
 * they are empty, so a burst of replies costs one wake-up. The cap per socket keeps a burst of
 * replies within one socket's receive buffer. Unconnected sockets get no ICMP errors (Linux reports
 * them only to connected sockets), so a closed port shows as a timeout, as on most BMC networks
 * anyway.
 *
 * <p>Scale: a session costs a few objects and a timer entry, and 10,000 sessions use about 80 file
 * descriptors.
 *
 * <p>Use {@link #shared()} (a daemon engine living as long as the JVM) or build your own and
 * {@link #close()} it, which fails every open session's pending calls.
 */
public final class UdpEngine implements TransportEngine, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UdpEngine.class);
    private static final AtomicInteger ENGINES = new AtomicInteger();
    /**
     * Sessions per shared socket. A session mostly has one request out (its window allows 8), so a
     * burst of replies to one socket is about 128 datagrams, which fit the 208 KiB default receive
     * buffer even where the 1 MiB asked for is refused.
     */
    static final int SESSIONS_PER_SOCKET = 128;
    /** Asked of the kernel for each shared socket; Linux caps it at net.core.rmem_max. */
    private static final int RECEIVE_BUFFER = 1 << 20;
    /** Datagrams read from one socket per turn of the loop, so timers and tasks are not starved. */
    private static final int READS_PER_TURN = 256;

    private static final class SharedHolder {
        static final UdpEngine SHARED = builder().threadName("ipmi-io-shared").build(true);
    }

    /**
     * Bounded: callbacks that block hold these threads and queue the rest, instead of growing the
     * pool without limit (a cached pool reached 729 threads under callbacks blocking 200 ms).
     * Threads end after 30 s without work.
     */
    private static final class DefaultExecutorHolder {
        static final int THREADS = 32;
        static final ExecutorService EXECUTOR = bounded();

        private static ExecutorService bounded() {
            java.util.concurrent.ThreadPoolExecutor p = new java.util.concurrent.ThreadPoolExecutor(THREADS, THREADS,
                    30, java.util.concurrent.TimeUnit.SECONDS, new java.util.concurrent.LinkedBlockingQueue<>(),
                    daemonFactory("ipmi-completion-"));
            p.allowCoreThreadTimeOut(true);
            return p;
        }
    }

    private final Selector selector;
    private final String threadName;
    private final ThreadGroup threadGroup = Thread.currentThread().getThreadGroup();
    /** The I/O thread; the shared engine replaces it when it starts again after an idle stop. */
    private volatile Thread ioThread;
    /**
     * The shared engine's I/O thread ends when no session is registered and nothing is queued or
     * scheduled ({@link #IDLE}), and {@link #post} starts a new one ({@link #ACTIVE}). A JVM that
     * exits while a thread waits in native code ({@code epoll_wait}) first waits about 300 ms for it
     * (HotSpot's {@code VM_Exit}); a short-lived program that closed its sessions does not.
     */
    private final AtomicInteger state = new AtomicInteger(ACTIVE);
    private static final int ACTIVE = 0;
    private static final int IDLE = 1;
    private final LongSupplier clock;
    private final Executor completions;
    private final boolean shared;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final PriorityQueue<TimerEntry> timers = new PriorityQueue<>(
            (a, b) -> Long.compare(a.deadline - b.deadline, 0));
    /** The shared sockets (I/O thread only). */
    private final List<SharedSocket> sockets = new ArrayList<>();
    private final ByteBuffer receiveBuffer = ByteBuffer.allocateDirect(65536);
    private final java.util.concurrent.atomic.AtomicLong strays = new java.util.concurrent.atomic.AtomicLong();
    /** Completions of this turn of the loop, handed to the completion executor together at its end (I/O thread only). */
    private final ArrayList<Runnable> turnCompletions = new ArrayList<>();
    private volatile boolean running = true;

    /** A session's timer ({@code reg} set) or a plain task on the I/O thread ({@code task} set). */
    private record TimerEntry(long deadline, Registration reg, Runnable task) {}

    private UdpEngine(Builder b, boolean shared) {
        this.clock = b.clock;
        this.completions = b.completionExecutor != null ? b.completionExecutor : DefaultExecutorHolder.EXECUTOR;
        this.shared = shared;
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new IpmiTransportException("cannot open a selector", e);
        }
        this.threadName = b.threadName != null ? b.threadName : "ipmi-io-" + ENGINES.incrementAndGet();
        startThread();
    }

    /**
     * A new I/O thread. The shared engine starts one on whatever thread posts after an idle stop, so
     * nothing is taken from that thread: the engine's own thread group, no inheritable thread locals,
     * normal priority, this library's class loader.
     */
    private void startThread() {
        Thread t = new Thread(threadGroup, this::loop, threadName, 0, false);
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY);
        t.setContextClassLoader(UdpEngine.class.getClassLoader());
        ioThread = t;
        t.start();
    }

    /**
     * The JVM-wide engine (daemon I/O thread, default completion executor). {@link #close()} on it
     * is refused. Its I/O thread ends while no session is registered and nothing is queued or
     * scheduled, and starts again on the next use, so a program that has closed its sessions exits
     * at once.
     */
    public static UdpEngine shared() {
        return SharedHolder.SHARED;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The engine the options name, or {@link #shared()} when they name none.
     *
     * @throws IllegalArgumentException when the options carry an engine of another kind
     */
    public static UdpEngine of(SessionOptions options) {
        TransportEngine e = options.engine().orElse(null);
        if (e == null) {
            return shared();
        }
        if (e instanceof UdpEngine u) {
            return u;
        }
        throw new IllegalArgumentException("engine: ipmi-lan sessions run on a UdpEngine, got " + e.getClass().getName());
    }

    /** Now, in the engine's nanosecond clock (the {@code now} machines receive). */
    public long nanoTime() {
        return clock.getAsLong();
    }

    /** Where futures are completed. */
    public Executor completionExecutor() {
        return completions;
    }

    /**
     * Binds {@code machine} to {@code bmc} on one of the engine's shared sockets and calls
     * {@link SessionMachine#start} on the I/O thread. When no socket can be opened the machine's
     * {@link SessionMachine#onFailure} says so.
     *
     * @param listener receives {@link DropReason#RECEIVE_ERROR} events for errors of the socket the session is on
     * @throws IpmiTransportException when {@code bmc} is unresolved or the engine is closed
     */
    public Registration register(InetSocketAddress bmc, SessionMachine machine, IpmiEventListener listener) {
        Objects.requireNonNull(machine, "machine");
        Objects.requireNonNull(listener, "listener");
        if (bmc.isUnresolved()) {
            throw new IpmiTransportException("cannot resolve host " + bmc.getHostString());
        }
        if (!running) {
            throw new IpmiTransportException("engine closed");
        }
        Registration reg = new Registration(bmc, machine, IpmiEventListener.safe(listener));
        post(() -> {
            try {
                reg.socket = socketFor(bmc);
            } catch (IOException | RuntimeException e) {
                // e.g. UnsupportedOperationException "IPv6 not available" (-Djava.net.preferIPv4Stack=true): this session's failure, not the engine's
                reg.step(now -> machine.onFailure(new IpmiTransportException(
                        "cannot open UDP socket for " + bmc + ": " + e.getMessage(), e), now).end());
                return;
            }
            reg.socket.peers.put(bmc, reg);
            reg.step(machine::start);
        });
        return reg;
    }

    /**
     * How many datagrams came from an address and port no session of this engine talks to (or for a
     * session that had already ended), and were dropped.
     */
    public long strayDatagrams() {
        return strays.get();
    }

    /** A shared socket with room for a session to {@code bmc} (I/O thread). */
    private SharedSocket socketFor(InetSocketAddress bmc) throws IOException {
        boolean v6 = bmc.getAddress() instanceof java.net.Inet6Address;
        for (int i = 0; i < sockets.size(); i++) {
            SharedSocket s = sockets.get(i);
            if (s.v6 == v6 && s.peers.size() < SESSIONS_PER_SOCKET && !s.peers.containsKey(bmc)) {
                return s;
            }
        }
        DatagramChannel ch = DatagramChannel.open(v6 ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
        try {
            ch.configureBlocking(false);
            try {
                ch.setOption(java.net.StandardSocketOptions.SO_RCVBUF, RECEIVE_BUFFER);
            } catch (IOException | UnsupportedOperationException e) {
                LOG.debug("cannot enlarge the receive buffer: {}", e.toString());
            }
            ch.bind(null);
            SharedSocket s = new SharedSocket(ch, v6);
            s.key = ch.register(selector, SelectionKey.OP_READ, s);
            sockets.add(s);
            return s;
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /**
     * Closes an emptied socket unless it is the last of its address family (kept for the next
     * session), so a burst of sessions to one BMC leaves no pile of idle sockets behind.
     */
    private void retire(SharedSocket s) {
        for (int i = 0; i < sockets.size(); i++) {
            SharedSocket o = sockets.get(i);
            if (o != s && o.v6 == s.v6) {
                sockets.remove(s);
                s.key.cancel();
                try {
                    s.channel.close();
                } catch (IOException e) {
                    LOG.debug("closing an idle socket failed: {}", e.toString());
                }
                return;
            }
        }
    }

    /** One unconnected socket and the sessions on it, by BMC address and port (I/O thread only). */
    private final class SharedSocket {
        final DatagramChannel channel;
        final boolean v6;
        final java.util.HashMap<InetSocketAddress, Registration> peers = new java.util.HashMap<>();
        SelectionKey key;

        SharedSocket(DatagramChannel channel, boolean v6) {
            this.channel = channel;
            this.v6 = v6;
        }

        /**
         * Reads until the socket is empty (or {@link #READS_PER_TURN}; the selector is
         * level-triggered, so what is left is read in the next turn) and hands each datagram to its
         * session.
         */
        void readAll() {
            // the socket is closed when its last session ends on one of these datagrams (retire)
            for (int i = 0; i < READS_PER_TURN && channel.isOpen(); i++) {
                receiveBuffer.clear();
                java.net.SocketAddress from;
                try {
                    from = channel.receive(receiveBuffer);
                } catch (IOException e) {
                    // an unconnected socket's error is nobody's in particular: each session on it may have lost a datagram
                    LOG.debug("receive failed: {}", e.toString());
                    String why = e.toString();
                    for (Registration r : peers.values()) {
                        safe(() -> r.listener.packetDropped(r.bmc, DropReason.RECEIVE_ERROR, why));
                    }
                    return;
                }
                if (from == null) {
                    return;
                }
                Registration r = peers.get(from);
                if (r == null) {
                    strays.incrementAndGet();
                    LOG.debug("dropped a datagram of {} bytes from {}: no session talks to it", receiveBuffer.position(), from);
                    continue;
                }
                receiveBuffer.flip();
                byte[] d = new byte[receiveBuffer.remaining()];
                receiveBuffer.get(d);
                r.step(now -> r.machine.onDatagram(d, now));
            }
        }

        void send(byte[] datagram, InetSocketAddress to) {
            try {
                channel.send(ByteBuffer.wrap(datagram), to);
            } catch (IOException | RuntimeException e) {
                // lost like any datagram; retransmission or the timeout takes care of it
                LOG.debug("send to {} failed: {}", to, e.toString());
            }
        }
    }

    /**
     * Runs {@code task} on the I/O thread after the work queued before it: for components that
     * live beside a session and share its thread, such as a SOL console. The task must not block;
     * an exception it throws is logged and swallowed.
     *
     * @throws IpmiTransportException the engine is closed
     */
    public void execute(Runnable task) {
        Objects.requireNonNull(task, "task");
        post(() -> runTask(task));
    }

    /**
     * Runs {@code task} on the I/O thread at (or soon after) {@code deadlineNanos} of this engine's
     * clock ({@link #nanoTime()}), from the same timer queue as the sessions' timers. Not
     * cancellable: a task that may be outdated checks that itself.
     *
     * @throws IpmiTransportException the engine is closed
     */
    public void schedule(long deadlineNanos, Runnable task) {
        Objects.requireNonNull(task, "task");
        post(() -> timers.add(new TimerEntry(deadlineNanos, null, task)));
    }

    /** True when called on this engine's I/O thread. */
    public boolean inIoThread() {
        return Thread.currentThread() == ioThread;
    }

    private static void runTask(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.debug("task on the I/O thread failed: {}", e.toString());
        }
    }

    private void post(Runnable task) {
        if (!running) {
            throw new IpmiTransportException("engine closed");
        }
        tasks.add(task);
        // after the add: an I/O thread that went idle before it sees IDLE here; one going idle after it sees the task
        if (state.get() == IDLE && state.compareAndSet(IDLE, ACTIVE)) {
            try {
                startThread();
            } catch (RuntimeException | Error e) {
                // no thread would ever run the task: take it back, so it cannot run later behind the caller's back
                tasks.remove(task);
                state.set(IDLE);
                throw new IpmiTransportException("cannot start the I/O thread: " + e, e);
            }
        } else {
            selector.wakeup();
        }
    }

    /**
     * The shared engine with nothing to do: no session, task or scheduled task (session timers
     * left in the queue are stale once their sessions are gone). True when this I/O thread is to
     * end; a task posted meanwhile keeps it.
     */
    private boolean goIdle() {
        if (!shared || !tasks.isEmpty() || !turnCompletions.isEmpty()) {
            return false;
        }
        for (SharedSocket socket : sockets) {
            if (!socket.peers.isEmpty()) {
                return false;
            }
        }
        for (TimerEntry e : timers) {
            if (e.task != null) {
                return false;
            }
        }
        timers.clear();
        try {
            // a retired socket's descriptor is released at the selector's next select: do it now,
            // not at the next use of the engine
            selector.selectNow();
            selector.selectedKeys().clear();
        } catch (IOException e) {
            LOG.debug("select before going idle failed: {}", e.toString());
        }
        state.set(IDLE);
        if (tasks.isEmpty()) {
            return true;
        }
        // a task came in between: keep running unless its poster already started a new thread
        return !state.compareAndSet(IDLE, ACTIVE);
    }

    /** A machine bound to the engine: the thread-safe handle callers use. */
    public final class Registration {
        private final InetSocketAddress bmc;
        private final SessionMachine machine;
        private final IpmiEventListener listener;
        private final CompletableFuture<Void> ended = new CompletableFuture<>();
        /** Set on the I/O thread when registered; null until then or when no socket could be opened. */
        private SharedSocket socket;
        /** The machine's timer: armed, and when. */
        private boolean timerArmed;
        private long timerDeadline;
        /** This session's live entry in the timer queue (others of it there are stale), or null. */
        private TimerEntry queued;
        private boolean done;

        private Registration(InetSocketAddress bmc, SessionMachine machine, IpmiEventListener listener) {
            this.bmc = bmc;
            this.machine = machine;
            this.listener = listener;
        }

        public InetSocketAddress bmc() {
            return bmc;
        }

        /**
         * Hands a call to the machine ({@link SessionMachine#submit}) on the I/O thread. After the
         * session ended the call fails with an {@link IpmiSessionLostException} saying it was not
         * sent (a healing client then sends it on a new session).
         */
        public void submit(IpmiCall call) {
            try {
                post(() -> {
                    if (done) {
                        complete(() -> call.future().completeExceptionally(
                                new IpmiSessionLostException("session has ended", false, call.repeatable(), null)));
                    } else {
                        step(now -> machine.submit(call, now));
                    }
                });
            } catch (IpmiTransportException e) {
                call.future().completeExceptionally(e);
            }
        }

        /**
         * A request to the BMC itself as a call on this session (the body of both sessions'
         * {@code IpmiTransport.exchange}): {@code data} is copied; a bridged target fails with
         * {@link UnsupportedOperationException} ({@code BridgingTransport} wraps those in Send Message).
         */
        public CompletableFuture<byte[]> exchange(RequestTarget target, CommandId id, byte[] data, boolean repeatable) {
            CompletableFuture<byte[]> f = new CompletableFuture<>();
            if (!target.isBmc()) {
                f.completeExceptionally(new UnsupportedOperationException("a session sends to the BMC only: bridged targets go through IpmiClient (BridgingTransport wraps them in Send Message)"));
                return f;
            }
            submit(new IpmiCall(target, id, data.clone(), f, repeatable));
            return f;
        }

        /** Asks the machine to close ({@link SessionMachine#close}); see {@link #ended()}. */
        public void close() {
            try {
                execute(machine::close);
            } catch (IpmiTransportException e) {
                ended.complete(null);
            }
        }

        /** Runs any machine step on the I/O thread and carries out its actions. */
        public void execute(LongFunction<Actions> step) {
            post(() -> step(step));
        }

        /** Completes (on the completion executor) once the machine ended and the session left its socket. */
        public CompletableFuture<Void> ended() {
            return ended;
        }

        private void step(LongFunction<Actions> step) {
            if (done) {
                return;
            }
            long now = clock.getAsLong();
            Actions a;
            try {
                a = step.apply(now);
            } catch (RuntimeException e) {
                LOG.warn("session machine for {} failed; ending the session", bmc, e);
                try {
                    a = machine.onFailure(new IpmiTransportException("internal error in session: " + e, e), now);
                } catch (RuntimeException e2) {
                    a = new Actions().end();
                }
                a.end();
            }
            apply(a);
        }

        private void apply(Actions a) {
            // indexed loops: this runs for every packet, and the lists are mostly empty or hold one element
            List<byte[]> datagrams = a.datagrams();
            for (int i = 0; i < datagrams.size() && socket != null; i++) {
                socket.send(datagrams.get(i), bmc);
            }
            if (a.timerChanged()) {
                timerArmed = a.timer().isPresent();
                if (timerArmed) {
                    timerDeadline = a.timer().getAsLong();
                    // an entry due no later stays: when it comes due, fireTimers moves it on to timerDeadline
                    if (queued == null || queued.deadline - timerDeadline > 0) {
                        queued = new TimerEntry(timerDeadline, this, null);
                        timers.add(queued);
                    }
                }
            }
            List<Runnable> callbacks = a.callbacks();
            for (int i = 0; i < callbacks.size(); i++) {
                Runnable r = callbacks.get(i);
                try {
                    r.run();
                } catch (RuntimeException e) {
                    LOG.debug("callback for {} failed: {}", bmc, e.toString());
                }
            }
            List<Actions.Completion> finished = a.completions();
            for (int i = 0; i < finished.size(); i++) {
                complete(finished.get(i)::run);
            }
            if (a.ended()) {
                release();
            }
        }

        private void release() {
            done = true;
            timerArmed = false;
            queued = null;
            if (socket != null && socket.peers.get(bmc) == this) {
                socket.peers.remove(bmc);
                if (socket.peers.isEmpty()) {
                    retire(socket);
                }
            }
            complete(() -> ended.complete(null));
        }
    }

    /** Queues a future's completion for the end of this turn of the loop (I/O thread only). */
    private void complete(Runnable completion) {
        turnCompletions.add(completion);
    }

    /**
     * Hands this turn's completions to the completion executor. One at a time, each would wake a
     * parked pool thread (a futex call and a context switch, about three per host in a cold
     * fan-out); together they go as one {@link CompletionBatch}, which its runners share.
     */
    private void flushCompletions() {
        int n = turnCompletions.size();
        if (n == 0) {
            return;
        }
        Runnable task = n == 1 ? turnCompletions.get(0) : new CompletionBatch(turnCompletions.toArray(new Runnable[0]));
        turnCompletions.clear();
        try {
            completions.execute(task);
        } catch (RuntimeException rejected) {
            // a rejecting executor (shut down by its owner): complete here rather than lose the results
            task.run();
        }
    }

    /**
     * Completions run by whichever runners come: each runner, while items are left, first hands a
     * next runner to the executor and then takes items one by one. A callback that blocks holds only
     * its own runner's thread — the next runner goes on with the rest, as if each completion had
     * been its own task — while callbacks that return at once are run back to back by one thread
     * with a wake-up for the next runner now and then instead of one per completion. On the I/O
     * thread (a direct executor) it runs everything in order and hands nothing on.
     */
    private final class CompletionBatch implements Runnable {
        /** The batch this thread is running, so that a caller-runs executor does not nest runners. */
        private static final ThreadLocal<CompletionBatch> RUNNING = new ThreadLocal<>();
        private final Runnable[] items;
        private final AtomicInteger next = new AtomicInteger();

        CompletionBatch(Runnable[] items) {
            this.items = items;
        }

        @Override
        public void run() {
            if (RUNNING.get() == this) {
                // handed back by an executor that runs rejected tasks on the caller (CallerRunsPolicy):
                // the runner below on this stack takes the rest, in order, instead of one frame per item
                return;
            }
            int i = next.getAndIncrement();
            if (i >= items.length) {
                return;
            }
            CompletionBatch outer = RUNNING.get();
            RUNNING.set(this);
            try {
                if (i + 1 < items.length && !inIoThread()) {
                    try {
                        completions.execute(this);
                    } catch (RuntimeException rejected) {
                        // this runner takes them all
                    }
                }
                do {
                    try {
                        items[i].run();
                    } catch (RuntimeException e) {
                        LOG.debug("completion failed: {}", e.toString());
                    }
                } while ((i = next.getAndIncrement()) < items.length);
            } finally {
                RUNNING.set(outer);
            }
        }
    }

    private static void safe(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException ignored) {
            // listener failures must not disturb the I/O thread
        }
    }

    private void loop() {
        boolean idle = false;
        try {
            while (running) {
                if (goIdle()) {
                    idle = true;
                    return;
                }
                long timeoutMs = 0;
                TimerEntry next = timers.peek();
                if (next != null) {
                    long delta = next.deadline - clock.getAsLong();
                    timeoutMs = delta <= 0 ? -1 : Math.max(1, (delta + 999_999) / 1_000_000);
                }
                if (!tasks.isEmpty() || timeoutMs < 0) {
                    selector.selectNow();
                } else {
                    selector.select(timeoutMs);
                }
                Runnable t;
                while ((t = tasks.poll()) != null) {
                    // the engine's own tasks guard themselves; this keeps any slip from stopping every session
                    runTask(t);
                }
                for (SelectionKey k : selector.selectedKeys()) {
                    if (k.isValid() && k.isReadable()) {
                        ((SharedSocket) k.attachment()).readAll();
                    }
                }
                selector.selectedKeys().clear();
                fireTimers();
                flushCompletions();
            }
        } catch (IOException | ClosedSelectorException e) {
            LOG.error("I/O engine stopped", e);
        } catch (RuntimeException | Error e) {
            LOG.error("I/O engine stopped by an unexpected error", e);
        } finally {
            if (!idle) {
                running = false;
                shutdown();
            }
        }
    }

    private void fireTimers() {
        long now = clock.getAsLong();
        TimerEntry e;
        while ((e = timers.peek()) != null && e.deadline - now <= 0) {
            timers.poll();
            if (e.task != null) {
                runTask(e.task);
                continue;
            }
            Registration r = e.reg;
            if (r.done || r.queued != e) {
                continue;
            }
            r.queued = null;
            if (!r.timerArmed) {
                continue;
            }
            if (r.timerDeadline - now > 0) {
                r.queued = new TimerEntry(r.timerDeadline, r, null);
                timers.add(r.queued);
                continue;
            }
            r.timerArmed = false;
            r.step(r.machine::onTimer);
        }
    }

    private void shutdown() {
        Runnable t;
        while ((t = tasks.poll()) != null) {
            try {
                t.run();
            } catch (RuntimeException ignored) {
                // closing anyway
            }
        }
        IpmiTransportException closed = new IpmiTransportException("engine closed");
        List<Registration> open = new ArrayList<>();
        for (SharedSocket socket : sockets) {
            open.addAll(socket.peers.values());
        }
        for (Registration r : open) {
            r.step(now -> r.machine.onFailure(closed, now).end());
            if (!r.done) {
                r.release();
            }
        }
        for (SharedSocket s : sockets) {
            try {
                s.channel.close();
            } catch (IOException ignored) {
                // the engine is going away; nothing to report to
            }
        }
        sockets.clear();
        flushCompletions();
        try {
            selector.close();
        } catch (IOException ignored) {
            // the process is shutting the engine down; nothing to report to
        }
    }

    /** Stops the I/O thread; open sessions fail their pending calls with "engine closed" (no Close Session is sent). */
    @Override
    public void close() {
        if (shared) {
            throw new UnsupportedOperationException("the shared engine lives as long as the JVM");
        }
        running = false;
        selector.wakeup();
        if (Thread.currentThread() != ioThread) {
            try {
                ioThread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static java.util.concurrent.ThreadFactory daemonFactory(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Engine settings. Defaults: completion on a shared pool of at most 32 daemon threads, {@link System#nanoTime()}. */
    public static final class Builder {
        private Executor completionExecutor;
        private LongSupplier clock = System::nanoTime;
        private String threadName;

        private Builder() {}

        /**
         * Where futures are completed (and so where dependent stages run). Default: a shared pool of
         * at most 32 daemon threads (more completions queue; a callback that blocks holds one thread). {@code Runnable::run} completes on the I/O thread itself — only
         * for callbacks that never block.
         */
        public Builder completionExecutor(Executor executor) {
            this.completionExecutor = Objects.requireNonNull(executor);
            return this;
        }

        /** Monotonic nanosecond clock. Default {@link System#nanoTime()}. */
        public Builder clock(LongSupplier nanoClock) {
            this.clock = Objects.requireNonNull(nanoClock);
            return this;
        }

        /** Name of the I/O thread. Default "ipmi-io-N". */
        public Builder threadName(String name) {
            this.threadName = name;
            return this;
        }

        public UdpEngine build() {
            return build(false);
        }

        private UdpEngine build(boolean shared) {
            return new UdpEngine(this, shared);
        }
    }
}
