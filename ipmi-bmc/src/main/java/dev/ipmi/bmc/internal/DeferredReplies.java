package dev.ipmi.bmc.internal;

import dev.ipmi.core.types.CompletionCode;
import dev.ipmi.core.wire.LanMessage;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * In-session replies a backend finishes later (a power command still running): the responder hands the
 * reply's future here and goes on with other datagrams; the reply is sent from the server's I/O thread
 * when it is ready, if the session still exists. A retransmission of a request still running is dropped,
 * since its answer is on the way (running the command twice would be worse than answering late).
 */
public final class DeferredReplies {
    private static final byte[] UNSPECIFIED = Reply.error(CompletionCode.UNSPECIFIED).toBytes();

    private final Set<Long> running = ConcurrentHashMap.newKeySet();
    private volatile Executor loop = Runnable::run;

    /**
     * Where finished replies are sent from: the server's I/O thread. Without one (a responder driven by
     * hand) they are sent from the thread that finished them.
     */
    public void runOn(Executor loop) {
        this.loop = loop;
    }

    /** True if {@code request} repeats one of this session that is still running. */
    boolean stillRunning(int sessionId, LanMessage request) {
        return !running.isEmpty() && running.contains(key(sessionId, request));
    }

    /**
     * Passes the reply to {@code send} now if it is ready, otherwise later on the I/O thread while
     * {@code alive} holds. {@code send} gets null when the handler wants nothing sent.
     */
    void answer(int sessionId, LanMessage request, CompletableFuture<byte[]> reply, BooleanSupplier alive,
                Consumer<byte[]> send) {
        if (reply.isDone()) {
            send.accept(result(reply));
            return;
        }
        long key = key(sessionId, request);
        running.add(key);
        reply.whenComplete((r, e) -> loop.execute(() -> {
            running.remove(key);
            if (alive.getAsBoolean()) {
                send.accept(result(reply));
            }
        }));
    }

    private static byte[] result(CompletableFuture<byte[]> reply) {
        try {
            return reply.join();
        } catch (CompletionException | java.util.concurrent.CancellationException e) {
            return UNSPECIFIED.clone();
        }
    }

    private static long key(int sessionId, LanMessage request) {
        return (long) sessionId << 32 | request.netFn() << 16 | request.command() << 8 | request.seq();
    }
}
