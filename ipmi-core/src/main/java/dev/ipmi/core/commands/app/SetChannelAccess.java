package dev.ipmi.core.commands.app;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;
import java.util.Objects;

/** Set Channel Access — IPMI v2.0 §22.22. NetFn App (06h), cmd 40h. */
public final class SetChannelAccess {
    public static final CommandId ID = CommandId.of(NetFn.APP, 0x40, "Set Channel Access");

    private SetChannelAccess() {}

    /**
     * @param channel                byte 1 bits 3:0
     * @param accessUpdate           byte 2 bits 7:6: where the access bits below go (or no change)
     * @param alertingDisabled       byte 2 bit 5
     * @param perMessageAuthDisabled bit 4
     * @param userLevelAuthDisabled  bit 3
     * @param accessMode             bits 2:0
     * @param privilegeUpdate        byte 3 bits 7:6: where the privilege limit goes (or no change)
     * @param privilegeLimit         byte 3 bits 3:0
     */
    public record Request(int channel, ChannelAccessUpdate accessUpdate, boolean alertingDisabled,
                          boolean perMessageAuthDisabled, boolean userLevelAuthDisabled, ChannelAccessMode accessMode,
                          ChannelAccessUpdate privilegeUpdate, PrivilegeLevel privilegeLimit)
            implements IpmiRequest<Response> {
        public Request {
            Channels.check(channel);
            Objects.requireNonNull(accessUpdate, "accessUpdate");
            Objects.requireNonNull(accessMode, "accessMode");
            Objects.requireNonNull(privilegeUpdate, "privilegeUpdate");
            Objects.requireNonNull(privilegeLimit, "privilegeLimit");
        }

        public static Request decode(ByteReader in) {
            int channel = in.u8("channel number") & 0x0F;
            int a = in.u8("channel access");
            int p = in.u8("channel privilege limit");
            ChannelAccessUpdate au = ChannelAccessUpdate.fromCode(a >>> 6);
            ChannelAccessUpdate pu = ChannelAccessUpdate.fromCode(p >>> 6);
            if (au == null || pu == null) {
                throw in.malformed("access update", "reserved value 11b");
            }
            return new Request(channel, au, (a & 0x20) != 0, (a & 0x10) != 0, (a & 0x08) != 0,
                    ChannelAccessMode.valueOf(a), pu, PrivilegeLevel.valueOf(p & 0x0F));
        }

        @Override
        public CommandId id() {
            return ID;
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8(channel);
            out.u8(accessUpdate.code() << 6 | (alertingDisabled ? 0x20 : 0) | (perMessageAuthDisabled ? 0x10 : 0)
                    | (userLevelAuthDisabled ? 0x08 : 0) | (accessMode.code() & 0x07));
            out.u8(privilegeUpdate.code() << 6 | (privilegeLimit.code() & 0x0F));
        }

        @Override
        public Response decodeResponse(ByteReader in) {
            return Response.decode(in);
        }
    }

    /** No data beyond the completion code. */
    public record Response() implements IpmiResponse {
        static Response decode(ByteReader in) {
            return new Response();
        }

        @Override
        public void encode(ByteWriter out) {}
    }
}
