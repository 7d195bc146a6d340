package dev.ipmi.core.client;

import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.RawRequest;
import dev.ipmi.core.spi.IpmiTransport;
import dev.ipmi.core.spi.RequestTarget;
import java.util.concurrent.CompletableFuture;

/**
 * The non-blocking twin of {@link IpmiClient}: the same groups and methods, returning
 * {@link CompletableFuture}s that complete off the I/O thread (on the connection's callback
 * executor). Failures complete the future with an {@link dev.ipmi.core.IpmiException}.
 */
public final class AsyncIpmiClient {
    private final IpmiTransport transport;
    private final AsyncMc mc;

    AsyncIpmiClient(IpmiTransport transport) {
        this.transport = transport;
        this.mc = new AsyncMc(this);
    }

    public AsyncMc mc() {
        return mc;
    }

    /** Any modelled request, to the BMC. */
    public <R> CompletableFuture<R> execute(IpmiRequest<R> request) {
        return transport.send(request);
    }

    /** Any modelled request, to a LUN of the BMC or a bridged controller. */
    public <R> CompletableFuture<R> execute(RequestTarget target, IpmiRequest<R> request) {
        return transport.send(target, request);
    }

    /** A raw command; completes with the response data after a 00h completion code. */
    public CompletableFuture<byte[]> raw(int netFn, int cmd, byte... data) {
        return execute(RawRequest.of(netFn, cmd, data)).thenApply(RawRequest.Response::data);
    }

    /** Like {@link #raw(int, int, byte...)}, to another target (ipmitool's {@code -t}/{@code -b}). */
    public CompletableFuture<byte[]> raw(RequestTarget target, int netFn, int cmd, byte... data) {
        return execute(target, RawRequest.of(netFn, cmd, data)).thenApply(RawRequest.Response::data);
    }

    IpmiTransport transport() {
        return transport;
    }
}
