package dev.ipmi.core.commands.bridging;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.types.ByteString;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;
import java.util.Objects;

/**
 * Send Message — IPMI v2.0 §22.7, table 22-10. NetFn App (06h), cmd 34h. Carries a complete
 * message for another channel (for IPMB: rsSA, netFn/LUN, checksum, rqSA, seq/LUN, cmd, data,
 * checksum). Command-specific completion codes: 80h invalid session handle, 81h lost
 * arbitration, 82h bus error, 83h NAK on write (no device at the target address — what ipmi_sim
 * 2.0.33 answers for an absent IPMB target).
 */
public final class SendMessage {
    public static final CommandId ID = CommandId.of(NetFn.APP, 0x34, "Send Message");

    private SendMessage() {}

    /** Byte 1 bits 7:6. */
    public enum Tracking {
        /** The BMC forwards the message and does not track a response. */
        NO_TRACKING,
        /** The BMC tracks the request and routes the response back to the requester (ipmitool's choice). */
        TRACK_REQUEST,
        /** Send raw (test mode). */
        SEND_RAW;

        public int code() {
            return ordinal();
        }
    }

    /**
     * @param channel         byte 1 bits 3:0, the channel to send on (ipmitool {@code -b})
     * @param tracking        byte 1 bits 7:6
     * @param authenticated   bit 4: send with authentication (for session-based target channels)
     * @param encrypted       bit 5: send with encryption
     * @param message         the message bytes for the target channel
     */
    public record Request(int channel, Tracking tracking, boolean authenticated, boolean encrypted, ByteString message)
            implements IpmiRequest<Response> {
        public Request {
            if (channel < 0 || channel > 0x0F) {
                throw new IllegalArgumentException("channel number is 0..15: " + channel);
            }
            Objects.requireNonNull(tracking, "tracking");
            Objects.requireNonNull(message, "message");
        }

        /** Copies the byte array. */
        public Request(int channel, Tracking tracking, boolean authenticated, boolean encrypted, byte[] message) {
            this(channel, tracking, authenticated, encrypted, ByteString.of(message));
        }

        public static Request decode(ByteReader in) {
            int b = in.u8("channel / tracking");
            int t = b >>> 6;
            if (t == 3) {
                throw in.malformed("tracking", "reserved value 11b");
            }
            return new Request(b & 0x0F, Tracking.values()[t], (b & 0x10) != 0, (b & 0x20) != 0, in.rest());
        }

        @Override
        public CommandId id() {
            return ID;
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8(tracking.code() << 6 | (encrypted ? 0x20 : 0) | (authenticated ? 0x10 : 0) | channel);
            out.bytes(message);
        }

        @Override
        public Response decodeResponse(ByteReader in) {
            return Response.decode(in);
        }
    }

    /**
     * @param data response data: empty for a tracked IPMB request (the target's response arrives as
     *             its own message later); some BMCs put the embedded response message here instead
     */
    public record Response(ByteString data) implements IpmiResponse {
        public Response {
            Objects.requireNonNull(data, "data");
        }

        /** Copies the byte array. */
        public Response(byte[] data) {
            this(ByteString.of(data));
        }

        static Response decode(ByteReader in) {
            return new Response(in.rest());
        }

        @Override
        public void encode(ByteWriter out) {
            out.bytes(data);
        }
    }
}
