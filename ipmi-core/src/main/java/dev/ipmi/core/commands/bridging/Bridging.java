package dev.ipmi.core.commands.bridging;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.CompletionCodeException;
import dev.ipmi.core.MalformedMessageException;
import dev.ipmi.core.client.RequestTarget;
import dev.ipmi.core.types.CompletionCode;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.wire.ByteWriter;
import dev.ipmi.core.wire.LanMessage;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Single bridging of a request to a controller behind the BMC (ipmitool {@code -t ADDR -b CHANNEL})
 * with Send Message and request tracking — IPMI v2.0 §6.13 and §22.7. Pure functions; a transport
 * sends {@link #wrap}'s message in its session and feeds every reply to {@link #unwrapResponse}.
 *
 * <p>What goes out (as ipmitool 1.8.19 builds it): a LAN request to the BMC, App netFn, cmd 34h,
 * data = {@code 40h | channel} then the embedded IPMB request {@code target, netFn<<2|lun, chk,
 * 20h, seq<<2, cmd, data, chk}; the embedded request carries the BMC's own IPMB address as
 * requester and the same rqSeq as the outer message.
 *
 * <p>What comes back: first the Send Message response. With an error completion code the target
 * was not reached. With no data the BMC accepted the request and delivers the target's response
 * later as a message of its own (netFn/cmd of the embedded command, rsSA = target). Some BMCs
 * instead return the embedded response inside the Send Message response data.
 *
 * <p>Double bridging ({@link RequestTarget#hasTransit()}, ipmitool {@code -T -B -t -b}): the Send
 * Message goes to the transit controller on the transit channel and carries a second Send Message
 * ({@code 40h | channel}, then the embedded request to the target). Every level carries the same
 * rqSeq and the BMC's IPMB address as requester, with each level's checksum closing it, as ipmitool
 * 1.8.19 builds it over {@code -I lan}. The response nests the same way: the BMC's Send Message
 * response carries the transit's Send Message response, which carries the target's; unwrap the
 * levels one at a time with {@link #unwrapResponse(LanMessage, CommandId)}.
 */
public final class Bridging {
    /** The requester address ipmitool puts in the embedded request: the BMC's IPMB address. */
    public static final int BMC_IPMB_ADDRESS = 0x20;

    private Bridging() {}

    /** The outer LAN request that carries {@code id}/{@code data} to {@code target}. */
    public static LanMessage wrap(RequestTarget target, CommandId id, byte[] data, int seq) {
        return wrap(target, id, data, seq, BMC_IPMB_ADDRESS);
    }

    /** As {@link #wrap(RequestTarget, CommandId, byte[], int)} with another requester address (ipmitool {@code -m}). */
    public static LanMessage wrap(RequestTarget target, CommandId id, byte[] data, int seq, int requesterAddress) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(id, "id");
        if (seq < 0 || seq > 0x3F) {
            throw new IllegalArgumentException("rqSeq is 6 bits: " + seq);
        }
        if (target.isBmc()) {
            throw new IllegalArgumentException("target is the BMC itself; no bridging needed");
        }
        byte[] inner = new LanMessage(target.address(), id.netFn().code(), target.lun(), requesterAddress, seq, 0,
                id.cmd(), data).encode();
        byte[] sendData = sendMessageData(target.channel(), inner);
        if (target.hasTransit()) {
            byte[] viaTransit = new LanMessage(target.transitAddress(), NetFn.APP.code(), 0, requesterAddress, seq, 0,
                    SendMessage.ID.cmd(), sendData).encode();
            sendData = sendMessageData(target.transitChannel(), viaTransit);
        }
        return LanMessage.request(NetFn.APP.code(), 0, seq, SendMessage.ID.cmd(), sendData);
    }

    private static byte[] sendMessageData(int channel, byte[] message) {
        ByteWriter w = new ByteWriter();
        new SendMessage.Request(channel, SendMessage.Tracking.TRACK_REQUEST, false, false, message).encode(w);
        return w.toByteArray();
    }

    /**
     * Interprets one reply received for a bridged request.
     *
     * @return the target's response; empty when {@code received} is the Send Message acknowledgement
     *         and the target's response is still to come
     * @throws CompletionCodeException   when Send Message itself failed (target not reached)
     * @throws MalformedMessageException when an embedded response is cut short or its checksums are wrong
     */
    public static Optional<BridgedResponse> unwrapResponse(LanMessage received) {
        return unwrapResponse(received, SendMessage.ID);
    }

    /**
     * As {@link #unwrapResponse(LanMessage)}, naming a failed Send Message {@code sendMessage} in the
     * {@link CompletionCodeException} (to tell the outer Send Message from the inner one).
     */
    public static Optional<BridgedResponse> unwrapResponse(LanMessage received, CommandId sendMessage) {
        byte[] body = received.body();
        boolean sendMessageReply = received.netFn() == (NetFn.APP.code() | 1)
                && received.command() == SendMessage.ID.cmd();
        if (!sendMessageReply) {
            return Optional.of(new BridgedResponse(received.address2(), received.netFn(), received.command(),
                    received.seq(), body));
        }
        if (body.length == 0) {
            throw new MalformedMessageException("completion code", 0, body, "Send Message response without completion code");
        }
        CompletionCode cc = CompletionCode.valueOf(body[0] & 0xFF);
        if (!cc.isSuccess()) {
            throw new CompletionCodeException(sendMessage, cc);
        }
        if (body.length == 1) {
            return Optional.empty();
        }
        LanMessage inner = LanMessage.decode(Arrays.copyOfRange(body, 1, body.length));
        return Optional.of(new BridgedResponse(inner.address2(), inner.netFn(), inner.command(), inner.seq(),
                inner.body()));
    }
}
