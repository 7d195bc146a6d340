package dev.ipmi.core.client;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiAuthenticationException;
import dev.ipmi.core.IpmiSessionException;
import dev.ipmi.core.IpmiSessionLostException;
import dev.ipmi.core.IpmiTimeoutException;
import dev.ipmi.core.spi.IpmiTransport;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * A session that logs in again on the next call once it ended, so an {@link IpmiClient} is never
 * permanently dead: after a BMC restart, an expired session, a failed re-login or a login that
 * failed, the call that saw the end fails once (typed, as the session failed it) and the next call
 * opens a new session with the same options. A session given up is closed (Close Session sent
 * once, without waiting), so one client never holds more than one session on the BMC. A timeout
 * alone does not end the session: the session itself decides that. A call the ended session never
 * sent ({@link IpmiSessionLostException} with {@code mayHaveExecuted() == false}, e.g. the first call
 * after a re-login inside the session timed out) is sent once more, on a new session, instead of
 * failing: nothing of it ran.
 *
 * <p>Only {@link #close()} ends this for good.
 */
final class ReconnectingTransport implements IpmiTransport {
    private final Supplier<CompletableFuture<IpmiTransport>> open;
    private final Object lock = new Object();
    private CompletableFuture<IpmiTransport> current;
    private boolean closed;

    /** @param first the session already being opened; {@code open} opens the next ones */
    ReconnectingTransport(CompletableFuture<IpmiTransport> first, Supplier<CompletableFuture<IpmiTransport>> open) {
        this.current = Objects.requireNonNull(first, "first");
        this.open = Objects.requireNonNull(open, "open");
    }

    private CompletableFuture<IpmiTransport> session() {
        synchronized (lock) {
            if (closed) {
                return CompletableFuture.failedFuture(new IpmiSessionException("the client is closed"));
            }
            if (current.isCompletedExceptionally()) {
                current = open.get();
            }
            return current;
        }
    }

    /** Forgets {@code dead} (if it is still the current session) and closes it without waiting. */
    private void giveUp(CompletableFuture<IpmiTransport> dead) {
        synchronized (lock) {
            if (current != dead) {
                return;
            }
            current = CompletableFuture.failedFuture(new IpmiSessionException("session ended"));
        }
        dead.thenAccept(t -> {
            try {
                t.closeAsync();
            } catch (RuntimeException ignored) {
                // it ended already: nothing left to free
            }
        });
    }

    static boolean ended(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t instanceof IpmiSessionException && !(t instanceof IpmiAuthenticationException)
                && !(t instanceof IpmiTimeoutException);
    }

    @Override
    public CompletableFuture<byte[]> exchange(RequestTarget target, CommandId id, byte[] data) {
        return exchange(target, id, data, dev.ipmi.core.Idempotency.repeatable(id, data));
    }

    @Override
    public CompletableFuture<byte[]> exchange(RequestTarget target, CommandId id, byte[] data, boolean repeatable) {
        CompletableFuture<IpmiTransport> s = session();
        CompletableFuture<byte[]> out = new CompletableFuture<>();
        send(s, target, id, data, repeatable).whenComplete((r, e) -> {
            if (e == null) {
                out.complete(r);
                return;
            }
            if (!ended(e)) {
                out.completeExceptionally(e);
                return;
            }
            giveUp(s);
            if (!neverSent(e)) {
                out.completeExceptionally(e);
                return;
            }
            // once only: a session that fails every call unsent (it cannot log in) fails this one too
            CompletableFuture<IpmiTransport> next = session();
            send(next, target, id, data, repeatable).whenComplete((r2, e2) -> {
                if (e2 == null) {
                    out.complete(r2);
                    return;
                }
                if (ended(e2)) {
                    giveUp(next);
                }
                out.completeExceptionally(e2);
            });
        });
        return out;
    }

    /** The exchange on {@code s}; straight away when the session is open (the common case: no extra stage). */
    private static CompletableFuture<byte[]> send(CompletableFuture<IpmiTransport> s, RequestTarget target,
                                                  CommandId id, byte[] data, boolean repeatable) {
        IpmiTransport open = s.isDone() && !s.isCompletedExceptionally() ? s.join() : null;
        if (open == null) {
            return s.thenCompose(t -> t.exchange(target, id, data, repeatable));
        }
        try {
            return open.exchange(target, id, data, repeatable);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static boolean neverSent(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t instanceof IpmiSessionLostException lost && !lost.mayHaveExecuted();
    }

    @Override
    public <T> Optional<T> unwrap(Class<T> type) {
        if (type.isInstance(this)) {
            return Optional.of(type.cast(this));
        }
        CompletableFuture<IpmiTransport> s;
        synchronized (lock) {
            s = current;
        }
        return s.isDone() && !s.isCompletedExceptionally() ? s.join().unwrap(type) : Optional.empty();
    }

    @Override
    public CompletableFuture<Void> closeAsync() {
        CompletableFuture<IpmiTransport> s;
        synchronized (lock) {
            closed = true;
            s = current;
        }
        // a login still under way is closed when it completes; a failed one has nothing to close
        return s.handle((t, e) -> t).thenCompose(t -> t == null ? CompletableFuture.<Void>completedFuture(null)
                : t.closeAsync());
    }

    @Override
    public void close() {
        dev.ipmi.core.internal.Futures.awaitClose(closeAsync());
    }
}
