package dev.ipmi.lan.engine;

import dev.ipmi.core.IpmiTransportException;
import dev.ipmi.core.MalformedMessageException;
import dev.ipmi.core.event.DropReason;
import dev.ipmi.core.event.IpmiEventListener;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * RMCP/ASF presence ping (ASF 2.0 §3.2.4.2): does a host answer on the RMCP port, and does it
 * claim IPMI support? A {@link SessionMachine} like any session: it sends the ping, sends it once
 * more at half the timeout (one lost datagram should not make a host look dead) and completes
 * with the pong or empty at the timeout. ICMP "port unreachable" is ignored, as ipmitool does:
 * the verdict comes from the timeout.
 */
public final class AsfPing implements SessionMachine {
    private final CompletableFuture<Optional<Rmcp.Pong>> result = new CompletableFuture<>();
    private final long timeoutNanos;
    private final int tag;
    private final InetSocketAddress bmc;
    private final IpmiEventListener listener;
    private long deadline;
    private boolean resent;

    AsfPing(InetSocketAddress bmc, Duration timeout, int tag, IpmiEventListener listener) {
        this.bmc = bmc;
        this.timeoutNanos = timeout.toNanos();
        this.tag = tag;
        this.listener = IpmiEventListener.safe(listener);
    }

    /** True when {@code host:port} answers an ASF presence ping within {@code timeout}. Blocks the caller. */
    public static boolean ping(String host, int port, Duration timeout) {
        try {
            return pingAsync(UdpEngine.shared(), new InetSocketAddress(host, port), timeout).get().isPresent();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return false;
        } catch (IpmiTransportException e) {
            return false;
        }
    }

    /** Pings asynchronously; completes with the pong, or empty after {@code timeout}. */
    public static CompletableFuture<Optional<Rmcp.Pong>> pingAsync(UdpEngine engine, InetSocketAddress bmc,
                                                                  Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        AsfPing p = new AsfPing(bmc, timeout, ThreadLocalRandom.current().nextInt(0xFF), IpmiEventListener.NONE);
        engine.register(bmc, p, IpmiEventListener.NONE);
        return p.result;
    }

    @Override
    public Actions start(long now) {
        deadline = now + timeoutNanos;
        return new Actions().send(Rmcp.presencePing(tag)).armTimer(now + timeoutNanos / 2);
    }

    @Override
    public Actions onDatagram(byte[] datagram, long now) {
        try {
            Rmcp.Pong pong = Rmcp.Pong.decode(datagram);
            if (pong.tag() != tag) {
                listener.packetDropped(bmc, DropReason.UNMATCHED_RESPONSE, "pong with tag " + pong.tag());
                return new Actions();
            }
            return new Actions().complete(result, Optional.of(pong)).cancelTimer().end();
        } catch (MalformedMessageException e) {
            listener.packetDropped(bmc, DropReason.MALFORMED, "field '" + e.field() + "' at offset " + e.offset());
            return new Actions();
        }
    }

    @Override
    public Actions onTimer(long now) {
        if (!resent && deadline - now > 0) {
            resent = true;
            return new Actions().send(Rmcp.presencePing(tag)).armTimer(deadline);
        }
        return new Actions().complete(result, Optional.<Rmcp.Pong>empty()).end();
    }

    @Override
    public Actions submit(IpmiCall call, long now) {
        return new Actions().fail(call.future(), new UnsupportedOperationException("a ping carries no IPMI requests"));
    }

    @Override
    public Actions close(long now) {
        return new Actions().complete(result, Optional.<Rmcp.Pong>empty()).end();
    }

    @Override
    public Actions onFailure(Throwable cause, long now) {
        return new Actions().fail(result, cause).end();
    }
}
