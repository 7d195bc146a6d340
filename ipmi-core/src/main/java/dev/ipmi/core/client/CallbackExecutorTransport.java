package dev.ipmi.core.client;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.spi.IpmiTransport;
import dev.ipmi.core.client.RequestTarget;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** Moves every completion of a transport onto the caller's executor ({@code Builder.callbackExecutor}). */
final class CallbackExecutorTransport implements IpmiTransport {
    private final IpmiTransport delegate;
    private final Executor executor;

    CallbackExecutorTransport(IpmiTransport delegate, Executor executor) {
        this.delegate = delegate;
        this.executor = executor;
    }

    @Override
    public CompletableFuture<byte[]> exchange(RequestTarget target, CommandId id, byte[] data) {
        return moved(delegate.exchange(target, id, data));
    }

    @Override
    public CompletableFuture<byte[]> exchange(RequestTarget target, CommandId id, byte[] data, boolean repeatable) {
        return moved(delegate.exchange(target, id, data, repeatable));
    }

    private CompletableFuture<byte[]> moved(CompletableFuture<byte[]> from) {
        CompletableFuture<byte[]> out = new CompletableFuture<>();
        from.whenComplete((r, e) -> executor.execute(() -> {
            if (e != null) {
                out.completeExceptionally(e);
            } else {
                out.complete(r);
            }
        }));
        return out;
    }

    @Override
    public void close() {
        delegate.close();
    }
}
