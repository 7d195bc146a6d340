package dev.ipmi.core.client;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.spi.IpmiTransport;
import dev.ipmi.core.client.RequestTarget;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** Moves every completion of a transport onto the caller's executor ({@code SessionOptions.Builder#callbackExecutor}). */
final class CallbackExecutorTransport implements IpmiTransport {
    private final IpmiTransport delegate;
    private final Executor executor;

    CallbackExecutorTransport(IpmiTransport delegate, Executor executor) {
        this.delegate = delegate;
        this.executor = executor;
    }

    @Override
    public CompletableFuture<byte[]> exchange(RequestTarget target, CommandId id, byte[] data) {
        CompletableFuture<byte[]> out = new CompletableFuture<>();
        delegate.exchange(target, id, data).whenComplete((r, e) -> executor.execute(() -> {
            if (e != null) {
                out.completeExceptionally(e);
            } else {
                out.complete(r);
            }
        }));
        return out;
    }

    /** Looks through to the session, so capabilities such as SOL stay reachable with a callback executor. */
    @Override
    public <T> Optional<T> unwrap(Class<T> type) {
        return type.isInstance(this) ? Optional.of(type.cast(this)) : delegate.unwrap(type);
    }

    @Override
    public CompletableFuture<Void> closeAsync() {
        return delegate.closeAsync().whenCompleteAsync((v, e) -> { }, executor);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
