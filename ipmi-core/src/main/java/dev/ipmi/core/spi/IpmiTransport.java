package dev.ipmi.core.spi;

import dev.ipmi.core.client.RequestTarget;
import dev.ipmi.core.Commands;
import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What the facade needs from a session: send one request, get the response body back. Implemented
 * by the LAN (IPMI 1.5) and LAN+ (RMCP+) sessions, and by fakes in tests.
 */
public interface IpmiTransport extends AutoCloseable {

    /**
     * Sends a request to the BMC (or the target given by {@code target}) and completes with the
     * response body: completion code first, then data. Retransmission, matching and session
     * handling live below this call; failures complete the future exceptionally with an
     * {@link dev.ipmi.core.IpmiException}.
     */
    CompletableFuture<byte[]> exchange(RequestTarget target, CommandId id, byte[] data);

    default CompletableFuture<byte[]> exchange(CommandId id, byte[] data) {
        return exchange(RequestTarget.BMC, id, data);
    }

    /** Encodes, sends, checks the completion code once and decodes. */
    default <R> CompletableFuture<R> send(IpmiRequest<R> request) {
        return send(RequestTarget.BMC, request);
    }

    default <R> CompletableFuture<R> send(RequestTarget target, IpmiRequest<R> request) {
        return exchange(target, request.id(), request.toBytes())
                .thenApply(body -> Commands.decodeResponse(request, body));
    }

    /**
     * This transport, or the one a decorator wraps, as {@code type} when it is one: how the facade
     * reaches capabilities beyond request/response, such as {@link SolSupport}. Decorators override
     * this to ask their delegate.
     */
    default <T> Optional<T> unwrap(Class<T> type) {
        return type.isInstance(this) ? Optional.of(type.cast(this)) : Optional.empty();
    }

    /**
     * Ends the session without blocking: sends Close Session and completes once the BMC answered it
     * or the transport gave up (one retry timeout), with the session's resources released. The
     * future completes normally in both cases; a BMC that does not answer is not an error here.
     *
     * <p>The default runs {@link #close()} on the calling thread, for transports that have no
     * asynchronous close; the LAN and RMCP+ sessions never block in it.
     */
    default CompletableFuture<Void> closeAsync() {
        try {
            close();
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Ends the session (Close Session) and releases its resources; a wait on {@link #closeAsync()} where it exists. */
    @Override
    void close();
}
