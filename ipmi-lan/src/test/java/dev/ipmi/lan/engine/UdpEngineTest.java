package dev.ipmi.lan.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.core.IpmiTransportException;
import dev.ipmi.core.event.IpmiEventListener;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The engine with real loopback sockets and an in-test responder that answers ASF pings (the
 * simplest {@link SessionMachine}). Timing is only bounded generously, never asserted.
 */
class UdpEngineTest {
    private UdpEngine engine;
    private DatagramChannel responder;
    private Thread responderThread;
    private final AtomicBoolean running = new AtomicBoolean(true);

    @BeforeEach
    void setUp() throws Exception {
        engine = UdpEngine.builder().threadName("ipmi-io-test").build();
        responder = DatagramChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        responderThread = new Thread(() -> {
            ByteBuffer buf = ByteBuffer.allocate(512);
            try {
                while (running.get()) {
                    buf.clear();
                    SocketAddress from = responder.receive(buf);
                    byte[] ping = new byte[buf.flip().remaining()];
                    buf.get(ping);
                    if (ping.length >= 12 && (ping[8] & 0xFF) == Rmcp.ASF_PING) {
                        byte[] pong = new Rmcp.Pong(ping[9] & 0xFF, Rmcp.ASF_IANA, 0, 0x81, 0).encode();
                        responder.send(ByteBuffer.wrap(pong), from);
                    }
                }
            } catch (Exception stop) {
                // channel closed at the end of the test
            }
        }, "fake-bmc");
        responderThread.start();
    }

    @AfterEach
    void tearDown() throws Exception {
        running.set(false);
        responder.close();
        responderThread.join(5000);
        engine.close();
    }

    private InetSocketAddress bmc() throws Exception {
        return (InetSocketAddress) responder.getLocalAddress();
    }

    @Test
    void oneIoThreadServesAThousandSessions() throws Exception {
        List<CompletableFuture<Optional<Rmcp.Pong>>> all = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            all.add(AsfPing.pingAsync(engine, bmc(), Duration.ofSeconds(20)));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        assertThat(all).allSatisfy(f -> assertThat(f.join()).hasValueSatisfying(p -> assertThat(p.ipmiSupported()).isTrue()));
        long ioThreads = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("ipmi-io-test")).count();
        assertThat(ioThreads).isEqualTo(1);
    }

    @Test
    void tasksAndTimedTasksRunOnTheIoThreadInDeadlineOrder() throws Exception {
        List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Void> done = new CompletableFuture<>();
        long now = engine.nanoTime();
        // The immediate task is queued after the early timer; the early deadline is far enough out that
        // a caller thread descheduled on a loaded machine (2 cores, several builds) still queues it in
        // time (at 5 ms the timer won whenever this thread lost the CPU between the two calls).
        engine.schedule(now + TimeUnit.MILLISECONDS.toNanos(600), () -> {
            seen.add("late:" + engine.inIoThread());
            done.complete(null);
        });
        engine.schedule(now + TimeUnit.MILLISECONDS.toNanos(300), () -> seen.add("early:" + engine.inIoThread()));
        engine.execute(() -> seen.add("now:" + Thread.currentThread().getName()));
        engine.execute(() -> {
            throw new IllegalStateException("a failing task must not stop the engine");
        });
        done.get(30, TimeUnit.SECONDS);
        assertThat(seen).containsExactly("now:ipmi-io-test", "early:true", "late:true");
        assertThat(engine.inIoThread()).isFalse();
        assertThat(AsfPing.pingAsync(engine, bmc(), Duration.ofSeconds(20)).get(30, TimeUnit.SECONDS)).isPresent();
    }

    @Test
    void completionsRunOffTheIoThreadByDefault() throws Exception {
        AtomicReference<String> thread = new AtomicReference<>();
        AsfPing.pingAsync(engine, bmc(), Duration.ofSeconds(20))
                .thenRun(() -> thread.set(Thread.currentThread().getName()))
                .get(30, TimeUnit.SECONDS);
        assertThat(thread.get()).isNotEqualTo("ipmi-io-test");
    }

    @Test
    void completionsRunOnTheIoThreadWhenAskedTo() throws Exception {
        // Record where the engine hands over the completion: a stage attached to the future would run
        // on the caller instead whenever the loopback reply beats the attachment.
        AtomicReference<String> thread = new AtomicReference<>();
        Executor recording = r -> {
            thread.set(Thread.currentThread().getName());
            r.run();
        };
        try (UdpEngine inline = UdpEngine.builder().threadName("ipmi-io-inline").completionExecutor(recording)
                .build()) {
            AsfPing.pingAsync(inline, bmc(), Duration.ofSeconds(20)).get(30, TimeUnit.SECONDS);
            assertThat(thread.get()).isEqualTo("ipmi-io-inline");
        }
    }

    @Test
    void closingTheEngineFailsOpenSessions() throws Exception {
        CompletableFuture<Optional<Rmcp.Pong>> silent = AsfPing.pingAsync(engine,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 9), Duration.ofMinutes(5));
        engine.close();
        Throwable e = Assertions.catchThrowable(() -> silent.get(10, TimeUnit.SECONDS));
        assertThat(e).hasCauseInstanceOf(IpmiTransportException.class);
        Assertions.assertThatThrownBy(() -> AsfPing.pingAsync(engine, bmc(), Duration.ofSeconds(1)))
                .isInstanceOf(IpmiTransportException.class);
    }

    @Test
    void aMachineThatThrowsEndsOnlyItsOwnSession() throws Exception {
        CompletableFuture<Void> failed = new CompletableFuture<>();
        SessionMachine broken = machine(now -> {
            throw new IllegalStateException("bug");
        }, cause -> new Actions().fail(failed, cause).end());
        UdpEngine.Registration reg = engine.register(bmc(), broken, IpmiEventListener.NONE);
        Throwable e = Assertions.catchThrowable(() -> failed.get(10, TimeUnit.SECONDS));
        assertThat(e).hasCauseInstanceOf(IpmiTransportException.class);
        reg.ended().get(10, TimeUnit.SECONDS);
        assertThat(AsfPing.pingAsync(engine, bmc(), Duration.ofSeconds(20)).get(30, TimeUnit.SECONDS)).isPresent();
    }

    /** A BMC the test answers by hand: {@link #ping} starts, {@link #answer} reads the ping and answers it. */
    private static final class HandBmc implements AutoCloseable {
        final DatagramChannel channel;

        HandBmc() throws Exception {
            channel = DatagramChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        }

        InetSocketAddress address() throws Exception {
            return (InetSocketAddress) channel.getLocalAddress();
        }

        /** Waits for a ping (blocking, the engine retransmits it), answers from {@code from} and says where it came from. */
        InetSocketAddress answer(DatagramChannel from) throws Exception {
            ByteBuffer buf = ByteBuffer.allocate(512);
            InetSocketAddress sender = (InetSocketAddress) channel.receive(buf);
            byte[] ping = new byte[buf.flip().remaining()];
            buf.get(ping);
            byte[] pong = new Rmcp.Pong(ping[9] & 0xFF, Rmcp.ASF_IANA, 0, 0x81, 0).encode();
            from.send(ByteBuffer.wrap(pong), sender);
            return sender;
        }

        @Override
        public void close() throws Exception {
            channel.close();
        }
    }

    @Test
    void sessionsToDifferentBmcsShareASocketAndTwoToOneBmcDoNot() throws Exception {
        try (HandBmc a = new HandBmc(); HandBmc b = new HandBmc()) {
            var toA1 = AsfPing.pingAsync(engine, a.address(), Duration.ofSeconds(20));
            var toB = AsfPing.pingAsync(engine, b.address(), Duration.ofSeconds(20));
            var toA2 = AsfPing.pingAsync(engine, a.address(), Duration.ofSeconds(20));
            InetSocketAddress first = a.answer(a.channel);
            InetSocketAddress second = a.answer(a.channel);
            InetSocketAddress fromB = b.answer(b.channel);
            assertThat(List.of(toA1, toB, toA2)).allSatisfy(f -> assertThat(f.get(30, TimeUnit.SECONDS)).isPresent());
            // the kernel tells replies apart by local port: two sessions to one BMC on one socket could not be
            assertThat(first.getPort()).isNotEqualTo(second.getPort());
            assertThat(List.of(first.getPort(), second.getPort())).contains(fromB.getPort());
        }
    }

    @Test
    void aDatagramFromAnAddressNoSessionTalksToIsCountedAndDropped() throws Exception {
        try (HandBmc a = new HandBmc(); DatagramChannel stranger = DatagramChannel.open()
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            var ping = AsfPing.pingAsync(engine, a.address(), Duration.ofSeconds(20));
            long before = engine.strayDatagrams();
            // the same pong, from the wrong port: with a socket per session the kernel dropped it
            a.answer(stranger);
            for (int i = 0; i < 200 && engine.strayDatagrams() == before; i++) {
                Thread.sleep(50);
            }
            assertThat(engine.strayDatagrams()).isEqualTo(before + 1);
            assertThat(ping).isNotDone();
            a.answer(a.channel);
            assertThat(ping.get(30, TimeUnit.SECONDS)).isPresent();
        }
    }

    @Test
    void theSharedEnginesThreadEndsWithItsLastSessionAndComesBackForTheNext() throws Exception {
        UdpEngine shared = UdpEngine.shared();
        assertThat(AsfPing.pingAsync(shared, bmc(), Duration.ofSeconds(20)).get(30, TimeUnit.SECONDS)).isPresent();
        // bounded wait: the thread ends right after the session; other tests of this JVM may use the engine too
        for (int i = 0; i < 200 && sharedIoThreadAlive(); i++) {
            Thread.sleep(50);
        }
        assertThat(sharedIoThreadAlive()).as("the shared engine's I/O thread with no session").isFalse();
        assertThat(AsfPing.pingAsync(shared, bmc(), Duration.ofSeconds(20)).get(30, TimeUnit.SECONDS)).isPresent();
        CompletableFuture<Boolean> onIo = new CompletableFuture<>();
        shared.execute(() -> onIo.complete(shared.inIoThread()));
        assertThat(onIo.get(30, TimeUnit.SECONDS)).isTrue();
    }

    private static boolean sharedIoThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("ipmi-io-shared") && t.isAlive());
    }

    /** A machine that completes {@code futures} in its first step: one batch of completions in one turn. */
    private static SessionMachine completingAtStart(List<CompletableFuture<Integer>> futures) {
        return machine(now -> {
            Actions a = new Actions();
            for (int i = 0; i < futures.size(); i++) {
                a.complete(futures.get(i), i);
            }
            return a.end();
        }, cause -> new Actions().end());
    }

    @Test
    void aCallerRunsExecutorRunsABatchInOrderWithoutNestingARunnerPerCompletion() throws Exception {
        // one pool thread and no queue: the runner's hand-off to a next runner is rejected and run by
        // the runner's own thread (CallerRunsPolicy), which once nested a frame per completion
        var pool = new java.util.concurrent.ThreadPoolExecutor(1, 1, 1, TimeUnit.SECONDS,
                new java.util.concurrent.SynchronousQueue<>(), new java.util.concurrent.ThreadPoolExecutor.CallerRunsPolicy());
        try (UdpEngine callerRuns = UdpEngine.builder().threadName("ipmi-io-callerruns").completionExecutor(pool).build()) {
            int n = 20_000;
            List<CompletableFuture<Integer>> futures = new ArrayList<>(n);
            List<Integer> order = java.util.Collections.synchronizedList(new ArrayList<>(n));
            java.util.concurrent.atomic.AtomicInteger deepest = new java.util.concurrent.atomic.AtomicInteger();
            List<CompletableFuture<Void>> recorded = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                CompletableFuture<Integer> f = new CompletableFuture<>();
                recorded.add(f.thenAccept(v -> {
                    order.add(v);
                    deepest.accumulateAndGet(Thread.currentThread().getStackTrace().length, Math::max);
                }));
                futures.add(f);
            }
            callerRuns.register(bmc(), completingAtStart(futures), IpmiEventListener.NONE);
            // the recording stages, not the futures: the last stage may still run when its future is done
            CompletableFuture.allOf(recorded.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            assertThat(order).hasSize(n).isSorted();
            assertThat(deepest.get()).as("stack depth of a completion").isLessThan(200);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSocketThatCannotBeOpenedFailsItsSessionAndNotTheEngine() throws Exception {
        // a JVM without IPv6 sockets (-Djava.net.preferIPv4Stack=true, as many enterprise JVMs run, or a
        // kernel with ipv6.disable=1) throws UnsupportedOperationException when a session to an IPv6 BMC
        // opens its socket on the I/O thread; that once stopped the engine for every session
        Path out = java.nio.file.Files.createTempFile("ipv4only", ".txt");
        try {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Djava.net.preferIPv4Stack=true", "-cp", System.getProperty("java.class.path"),
                    Ipv4OnlyEngine.class.getName(), Integer.toString(bmc().getPort()))
                    .redirectErrorStream(true).redirectOutput(out.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            String text = java.nio.file.Files.readString(out);
            assertThat(p.exitValue()).as(text).isZero();
            assertThat(text).contains("ipv6 session failed: IpmiTransportException", "ipv4 ping answered: true");
        } finally {
            java.nio.file.Files.deleteIfExists(out);
        }
    }

    /** Run by the test above in a JVM with {@code -Djava.net.preferIPv4Stack=true}. */
    static final class Ipv4OnlyEngine {
        public static void main(String[] args) throws Exception {
            try (UdpEngine e = UdpEngine.builder().build()) {
                CompletableFuture<Void> failed = new CompletableFuture<>();
                e.register(new InetSocketAddress(InetAddress.getByName("::1"), 9),
                        machine(now -> new Actions(), cause -> new Actions().fail(failed, cause)), IpmiEventListener.NONE);
                Throwable cause = Assertions.catchThrowable(() -> failed.get(10, TimeUnit.SECONDS)).getCause();
                System.out.println("ipv6 session failed: " + cause.getClass().getSimpleName() + ": " + cause.getMessage());
                InetSocketAddress v4 = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), Integer.parseInt(args[0]));
                System.out.println("ipv4 ping answered: " + AsfPing.pingAsync(e, v4, Duration.ofSeconds(20))
                        .get(30, TimeUnit.SECONDS).isPresent());
            }
        }
    }

    /** A machine that only starts, fails and closes: {@code start} and {@code onFailure} say how; close ends it. */
    static SessionMachine machine(java.util.function.LongFunction<Actions> start,
                                  java.util.function.Function<Throwable, Actions> onFailure) {
        return new SessionMachine() {
            @Override
            public Actions start(long now) {
                return start.apply(now);
            }

            @Override
            public Actions onDatagram(byte[] d, long now) {
                return new Actions();
            }

            @Override
            public Actions onTimer(long now) {
                return new Actions();
            }

            @Override
            public Actions submit(IpmiCall call, long now) {
                return new Actions();
            }

            @Override
            public Actions close(long now) {
                return new Actions().end();
            }

            @Override
            public Actions onFailure(Throwable cause, long now) {
                return onFailure.apply(cause);
            }
        };
    }
}
