package dev.ipmi.core.commands.app;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;
import java.util.Objects;

/** Get Channel Info — IPMI v2.0 §22.24, table 22-28. NetFn App (06h), cmd 42h. */
public final class GetChannelInfo {
    public static final CommandId ID = CommandId.of(NetFn.APP, 0x42, "Get Channel Info");
    /** "The channel this request arrived on". */
    public static final int CURRENT_CHANNEL = 0x0E;

    private GetChannelInfo() {}

    /** @param channel byte 1 bits 3:0 */
    public record Request(int channel) implements IpmiRequest<Response> {
        public Request {
            Channels.check(channel);
        }

        public static Request decode(ByteReader in) {
            return new Request(in.u8("channel number") & 0x0F);
        }

        @Override
        public CommandId id() {
            return ID;
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8(channel);
        }

        @Override
        public Response decodeResponse(ByteReader in) {
            return Response.decode(in);
        }
    }

    /**
     * @param channel        byte 2 bits 3:0 (the actual number, also when 0Eh was asked)
     * @param medium         byte 3
     * @param protocol       byte 4
     * @param sessionSupport byte 5 bits 7:6
     * @param activeSessions byte 5 bits 5:0
     * @param vendorId       bytes 6-8, IANA number of the protocol's vendor (7154 = IPMI forum)
     * @param auxInfo1       byte 9 (system interface: SMS interrupt type; otherwise reserved)
     * @param auxInfo2       byte 10 (system interface: event message buffer interrupt type)
     */
    public record Response(int channel, ChannelMedium medium, ChannelProtocol protocol,
                           SessionSupport sessionSupport, int activeSessions, int vendorId, int auxInfo1,
                           int auxInfo2) implements IpmiResponse {
        public Response {
            Channels.check(channel);
            Objects.requireNonNull(medium, "medium");
            Objects.requireNonNull(protocol, "protocol");
            Objects.requireNonNull(sessionSupport, "sessionSupport");
            if (activeSessions < 0 || activeSessions > 0x3F) {
                throw new IllegalArgumentException("active session count is 6 bits: " + activeSessions);
            }
            if (vendorId < 0 || vendorId > 0xFFFFFF || auxInfo1 < 0 || auxInfo1 > 0xFF || auxInfo2 < 0
                    || auxInfo2 > 0xFF) {
                throw new IllegalArgumentException("vendor ID is 24 bits, aux info one byte each");
            }
        }

        static Response decode(ByteReader in) {
            int channel = in.u8("channel number") & 0x0F;
            ChannelMedium medium = ChannelMedium.valueOf(in.u8("channel medium type"));
            ChannelProtocol protocol = ChannelProtocol.valueOf(in.u8("channel protocol type"));
            int session = in.u8("session support");
            int vendor = in.u24("protocol vendor ID");
            int aux1 = in.u8("auxiliary channel info 1");
            int aux2 = in.u8("auxiliary channel info 2");
            return new Response(channel, medium, protocol, SessionSupport.valueOf(session >>> 6), session & 0x3F,
                    vendor, aux1, aux2);
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8(channel).u8(medium.code()).u8(protocol.code())
                    .u8(sessionSupport.code() << 6 | activeSessions).u24(vendorId).u8(auxInfo1).u8(auxInfo2);
        }
    }
}
