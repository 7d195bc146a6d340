package dev.ipmi.core.client;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.CompletionCodeException;
import dev.ipmi.core.IpmiTransportException;
import dev.ipmi.core.MalformedMessageException;
import dev.ipmi.core.spi.IpmiTransport;
import dev.ipmi.core.spi.RequestTarget;
import dev.ipmi.core.types.CompletionCode;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.wire.LanMessage;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reaches controllers behind the BMC (ipmitool's {@code -t address -b channel}): a request for a
 * {@link RequestTarget} other than the BMC is wrapped in Send Message (IPMI v2.0 §22.7, App 34h)
 * with tracking requested, addressed to the target over the given channel; the embedded IPMB
 * response in the Send Message reply is checked and unwrapped. Requests to the BMC pass through.
 * A decorator, so every session type gets bridging the same way.
 *
 * <p>Single bridging only. The embedded message is {@code rsSA, netFn/rsLUN, chk1, rqSA=20h,
 * rqSeq/rqLUN, cmd, data, chk2} (the BMC is the requester on IPMB, as with ipmitool).
 * A BMC that answers Send Message with no data and delivers the bridged response as a separate
 * message needs support in the session layer; this decorator then fails with an
 * {@link IpmiTransportException} saying so rather than returning a wrong answer.
 */
public final class BridgingTransport implements IpmiTransport {
    public static final CommandId SEND_MESSAGE = CommandId.of(NetFn.APP, 0x34, "Send Message");
    /** Send Message byte 1 bits 7:6 = 01b: track request, so the BMC routes the response back. */
    static final int TRACK_REQUEST = 0x40;
    private static final int IPMB_RESPONSE_MIN = 8;

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
        byte[] request = sendMessageData(target, id, data, rqSeq);
        return delegate.exchange(RequestTarget.BMC, SEND_MESSAGE, request)
                .thenApply(body -> unwrap(body, target, id, rqSeq));
    }

    /** Send Message request data: channel with tracking, then the IPMB request for the target. */
    static byte[] sendMessageData(RequestTarget target, CommandId id, byte[] data, int rqSeq) {
        byte[] ipmb = new LanMessage(target.address(), id.netFn().code(), target.lun(), LanMessage.BMC_ADDRESS,
                rqSeq, 0, id.cmd(), data).encode();
        byte[] out = new byte[1 + ipmb.length];
        out[0] = (byte) (TRACK_REQUEST | target.channel());
        System.arraycopy(ipmb, 0, out, 1, ipmb.length);
        return out;
    }

    /** The target's completion code and data, from the Send Message reply body. */
    static byte[] unwrap(byte[] body, RequestTarget target, CommandId id, int rqSeq) {
        if (body.length == 0) {
            throw new MalformedMessageException("Send Message completion code", 0, body, "empty response");
        }
        CompletionCode cc = CompletionCode.valueOf(body[0] & 0xFF);
        if (!cc.isSuccess()) {
            throw new CompletionCodeException(SEND_MESSAGE, cc);
        }
        byte[] m = Arrays.copyOfRange(body, 1, body.length);
        if (m.length == 0) {
            throw new IpmiTransportException("the BMC accepted Send Message for " + id + " to "
                    + String.format("%02Xh", target.address()) + " but returned no embedded response");
        }
        if (m.length < IPMB_RESPONSE_MIN) {
            throw new MalformedMessageException("bridged response", 1, body,
                    "embedded IPMB response shorter than " + IPMB_RESPONSE_MIN + " bytes");
        }
        if (LanMessage.checksum(m, 0, 2) != (m[2] & 0xFF)) {
            throw new MalformedMessageException("bridged response checksum 1", 3, body, "bad checksum");
        }
        if (LanMessage.checksum(m, 3, m.length - 4) != (m[m.length - 1] & 0xFF)) {
            throw new MalformedMessageException("bridged response checksum 2", body.length - 1, body, "bad checksum");
        }
        int netFn = (m[1] & 0xFF) >>> 2;
        if (netFn != (id.netFn().code() | 1) || (m[5] & 0xFF) != id.cmd()) {
            throw new MalformedMessageException("bridged response netFn/command", 2, body,
                    String.format("expected netFn %02Xh cmd %02Xh, found netFn %02Xh cmd %02Xh",
                            id.netFn().code() | 1, id.cmd(), netFn, m[5] & 0xFF));
        }
        if ((m[3] & 0xFF) != target.address() || ((m[4] & 0xFF) >>> 2) != rqSeq) {
            throw new MalformedMessageException("bridged response address/sequence", 4, body,
                    String.format("expected %02Xh seq %d, found %02Xh seq %d", target.address(), rqSeq,
                            m[3] & 0xFF, (m[4] & 0xFF) >>> 2));
        }
        return Arrays.copyOfRange(m, 6, m.length - 1);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
