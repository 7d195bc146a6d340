package dev.ipmi.core.commands.app;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;
import java.util.Objects;

/** Get Channel Access — IPMI v2.0 §22.23, table 22-27. NetFn App (06h), cmd 41h. */
public final class GetChannelAccess {
    public static final CommandId ID = CommandId.of(NetFn.APP, 0x41, "Get Channel Access");

    private GetChannelAccess() {}

    /**
     * @param channel byte 1 bits 3:0
     * @param which   byte 2 bits 7:6: {@link ChannelAccessUpdate#NON_VOLATILE} or {@link ChannelAccessUpdate#VOLATILE}
     */
    public record Request(int channel, ChannelAccessUpdate which) implements IpmiRequest<Response> {
        public Request {
            Channels.check(channel);
            if (which == null || which == ChannelAccessUpdate.NO_CHANGE) {
                throw new IllegalArgumentException("Get Channel Access reads NON_VOLATILE or VOLATILE settings");
            }
        }

        public static Request decode(ByteReader in) {
            int channel = in.u8("channel number") & 0x0F;
            int b = in.u8("access type");
            ChannelAccessUpdate which = ChannelAccessUpdate.fromCode(b >>> 6);
            if (which == null || which == ChannelAccessUpdate.NO_CHANGE) {
                throw in.malformed("access type", "reserved value " + (b >>> 6));
            }
            return new Request(channel, which);
        }

        @Override
        public CommandId id() {
            return ID;
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8(channel).u8(which.code() << 6);
        }

        @Override
        public Response decodeResponse(ByteReader in) {
            return Response.decode(in);
        }
    }

    /**
     * @param alertingDisabled       byte 2 bit 5 (PEF alerting disabled)
     * @param perMessageAuthDisabled bit 4
     * @param userLevelAuthDisabled  bit 3
     * @param accessMode             bits 2:0
     * @param privilegeLimit         byte 3 bits 3:0
     */
    public record Response(boolean alertingDisabled, boolean perMessageAuthDisabled, boolean userLevelAuthDisabled,
                           ChannelAccessMode accessMode, PrivilegeLevel privilegeLimit) implements IpmiResponse {
        public Response {
            Objects.requireNonNull(accessMode, "accessMode");
            Objects.requireNonNull(privilegeLimit, "privilegeLimit");
        }

        static Response decode(ByteReader in) {
            int a = in.u8("channel access");
            int p = in.u8("channel privilege limit");
            return new Response((a & 0x20) != 0, (a & 0x10) != 0, (a & 0x08) != 0, ChannelAccessMode.valueOf(a),
                    PrivilegeLevel.valueOf(p & 0x0F));
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8((alertingDisabled ? 0x20 : 0) | (perMessageAuthDisabled ? 0x10 : 0)
                    | (userLevelAuthDisabled ? 0x08 : 0) | (accessMode.code() & 0x07));
            out.u8(privilegeLimit.code() & 0x0F);
        }
    }
}
