package dev.ipmi.core.client;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiTransportException;
import dev.ipmi.core.MalformedMessageException;
import dev.ipmi.core.client.RequestTarget;
import dev.ipmi.core.commands.bridging.BridgedResponse;
import dev.ipmi.core.commands.bridging.Bridging;
import dev.ipmi.core.commands.bridging.SendMessage;
import dev.ipmi.core.spi.IpmiTransport;
import dev.ipmi.core.types.NetFn;
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
 * <p>Single or double bridging ({@link RequestTarget#hasTransit()}: the Send Message goes to the
 * transit controller and carries a second one for the target; see {@link Bridging}). A failed
 * Send Message at either level is a {@link dev.ipmi.core.CompletionCodeException} whose command
 * name says which ("outer Send Message" to the transit, "inner Send Message" from it). The embedded IPMB request is {@code target, netFn<<2|lun, chk, 20h,
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
        if (!target.hasTransit()) {
            return level(body, SendMessage.ID, "the BMC", target.address(), id, target, id, rqSeq);
        }
        String transit = Hex.u8(target.transitAddress());
        CommandId outer = CommandId.of(NetFn.APP, SendMessage.ID.cmd(), "outer Send Message (to transit " + transit
                + " on channel " + target.transitChannel() + ")");
        CommandId inner = CommandId.of(NetFn.APP, SendMessage.ID.cmd(), "inner Send Message (transit " + transit
                + " to " + Hex.u8(target.address()) + " on channel " + target.channel() + ")");
        byte[] transitReply = level(body, outer, "the BMC", target.transitAddress(), SendMessage.ID, target, id, rqSeq);
        return level(transitReply, inner, "transit " + transit, target.address(), id, target, id, rqSeq);
    }

    /**
     * One level of nesting: {@code body} is a Send Message response (completion code first) whose
     * data must hold {@code responder}'s response to {@code expected}; returns that response's
     * completion code and data.
     */
    private static byte[] level(byte[] body, CommandId sendMessage, String sender, int responder, CommandId expected,
                                RequestTarget target, CommandId id, int rqSeq) {
        LanMessage reply = new LanMessage(LanMessage.REMOTE_CONSOLE_ADDRESS, SendMessage.ID.netFn().code() | 1, 0,
                LanMessage.BMC_ADDRESS, rqSeq, 0, SendMessage.ID.cmd(), body);
        BridgedResponse r = Bridging.unwrapResponse(reply, sendMessage).orElseThrow(() -> new IpmiTransportException(
                sender + " accepted Send Message for " + id + " to " + Hex.u8(target.address())
                        + " but returned no embedded response (separate delivery is not supported)"));
        if (!r.answers(expected, rqSeq) || r.responderAddress() != responder) {
            throw new MalformedMessageException("bridged response", 1, body, String.format(
                    "expected a reply to netFn %02Xh cmd %02Xh seq %d from %02Xh, got %s", expected.netFn().code(),
                    expected.cmd(), rqSeq, responder, r));
        }
        return r.ccAndData().toByteArray();
    }

    @Override
    public <T> java.util.Optional<T> unwrap(Class<T> type) {
        return type.isInstance(this) ? java.util.Optional.of(type.cast(this)) : delegate.unwrap(type);
    }

    @Override
    public CompletableFuture<Void> closeAsync() {
        return delegate.closeAsync();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
