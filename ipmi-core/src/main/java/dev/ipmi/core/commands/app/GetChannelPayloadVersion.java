package dev.ipmi.core.commands.app;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;

/** Get Channel Payload Version — IPMI v2.0 §24.9, table 24-11. NetFn App (06h), cmd 4Fh. */
public final class GetChannelPayloadVersion {
    public static final CommandId ID = CommandId.of(NetFn.APP, 0x4F, "Get Channel Payload Version");
    /** Completion code 80h: the payload type is not available on the channel. */
    public static final int PAYLOAD_NOT_AVAILABLE = 0x80;

    private GetChannelPayloadVersion() {}

    /**
     * @param channel     channel number (0Eh = this channel)
     * @param payloadType payload type, 0..3Fh
     */
    public record Request(int channel, int payloadType) implements IpmiRequest<Response> {
        public Request {
            if (channel < 0 || channel > 0x0F) {
                throw new IllegalArgumentException("channel is 4 bits: " + channel);
            }
            Payloads.checkType(payloadType);
        }

        public static Request decode(ByteReader in) {
            int channel = in.u8("channel") & 0x0F;
            return new Request(channel, in.u8("payload type") & 0x3F);
        }

        @Override
        public CommandId id() {
            return ID;
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8(channel).u8(payloadType);
        }

        @Override
        public Response decodeResponse(ByteReader in) {
            return Response.decode(in);
        }
    }

    /** @param formatVersion byte 2: major version in bits 7:4, minor in bits 3:0 (10h = 1.0) */
    public record Response(int formatVersion) implements IpmiResponse {
        public static final int VERSION_1_0 = 0x10;

        public Response {
            if (formatVersion < 0 || formatVersion > 0xFF) {
                throw new IllegalArgumentException("format version is one byte: " + formatVersion);
            }
        }

        static Response decode(ByteReader in) {
            return new Response(in.u8("format version"));
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8(formatVersion);
        }
    }
}
