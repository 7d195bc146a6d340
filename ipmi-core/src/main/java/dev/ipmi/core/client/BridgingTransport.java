package dev.ipmi.core.client;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiTransportException;
import dev.ipmi.core.MalformedMessageException;
import dev.ipmi.core.commands.bridging.Bridging;
import dev.ipmi.core.commands.bridging.BridgedResponse;
import dev.ipmi.core.commands.bridging.SendMessage;
import dev.ipmi.core.spi.IpmiTransport;
import dev.ipmi.core.spi.RequestTarget;
import dev.ipmi.core.wire.Hex;
import dev.ipmi.core.wire.LanMessage;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reaches controllers behind the BMC (ipmitool's {@code -t address -b channel}): a request for a
 * {@link RequestTarget} other than the BMC is wrapped in Send Message (IPMI v2.0 §22.7) with
 * request tracking, addressed to the target on the given channel, and the target's response is
 * taken out of the reply. Requests to the BMC pass through untouched. A decorator over any
 * {@link IpmiTransport}, so IPMI 1.5 and RMCP+ sessions bridge the same way; {@code IpmiClient}
 * applies it to every transport.
 *
 * <p>Single bridging only. The embedded IPMB request is {@code target, netFn<<2|lun, chk, 20h,
 * seq<<2, cmd, data, chk} as ipmitool builds it ({@link Bridging#wrap}); its rqSeq comes from this
 * decorator's own counter because the outer sequence number belongs to the session.
 *
 * <p>Replies: an error completion code on Send Message means the target was not reached
 * ({@link dev.ipmi.core.CompletionCodeException} for Send Message). When the reply carries the
 * embedded response it is checked (checksums, netFn, command, responder, sequence) and returned.
 * A BMC that acknowledges with no data and delivers the target's response as a separate message
 * needs that message matched in the session layer; this decorator cannot see it and fails with an
 * {@link IpmiTransportException} that says so, rather than returning something wrong.
 */
public final class BridgingTransport implements IpmiTransport {
    private final IpmiTransport delegate;
    private final AtomicInteger seq = new AtomicInteger();

    private BridgingTransport(IpmiTransport delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** {@code transport} with bridging; a transport that already bridges is returned as is. */
    public static IpmiTransport wrap(IpmiTransport transport) {
        return transport instanceof BridgingTransport ? transport : new BridgingTransport(transport);
    }

    @Override
    public CompletableFuture<byte[]> exchange(RequestTarget target, CommandId id, byte[] data) {
        if (target.isBmc()) {
            return delegate.exchange(target, id, data);
        }
        int rqSeq = seq.getAndIncrement() & 0x3F;
        LanMessage outer = Bridging.wrap(target, id, data, rqSeq);
        return delegate.exchange(RequestTarget.BMC, SendMessage.ID, outer.body())
                .thenApply(body -> unwrap(body, target, id, rqSeq));
    }

    /** The target's completion code and data, from the Send Message reply body (completion code first). */
    static byte[] unwrap(byte[] body, RequestTarget target, CommandId id, int rqSeq) {
        LanMessage reply = new LanMessage(LanMessage.REMOTE_CONSOLE_ADDRESS, SendMessage.ID.netFn().code() | 1, 0,
                LanMessage.BMC_ADDRESS, rqSeq, 0, SendMessage.ID.cmd(), body);
        BridgedResponse r = Bridging.unwrapResponse(reply).orElseThrow(() -> new IpmiTransportException(
                "the BMC accepted Send Message for " + id + " to " + Hex.u8(target.address())
                        + " but returned no embedded response (separate delivery is not supported)"));
        if (!r.answers(id, rqSeq) || r.responderAddress() != target.address()) {
            throw new MalformedMessageException("bridged response", 1, body, String.format(
                    "expected a reply to netFn %02Xh cmd %02Xh seq %d from %02Xh, got %s", id.netFn().code(),
                    id.cmd(), rqSeq, target.address(), r));
        }
        return r.ccAndData();
    }

    @Override
    public <T> java.util.Optional<T> unwrap(Class<T> type) {
        return type.isInstance(this) ? java.util.Optional.of(type.cast(this)) : delegate.unwrap(type);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
