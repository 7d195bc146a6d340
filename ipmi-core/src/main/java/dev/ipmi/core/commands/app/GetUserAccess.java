package dev.ipmi.core.commands.app;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;
import java.util.Objects;

/** Get User Access — IPMI v2.0 §22.27, table 22-32. NetFn App (06h), cmd 44h. */
public final class GetUserAccess {
    public static final CommandId ID = CommandId.of(NetFn.APP, 0x44, "Get User Access");

    private GetUserAccess() {}

    /**
     * @param channel byte 1 bits 3:0
     * @param userId  byte 2 bits 5:0
     */
    public record Request(int channel, int userId) implements IpmiRequest<Response> {
        public Request {
            Channels.check(channel);
            Channels.checkUser(userId);
        }

        public static Request decode(ByteReader in) {
            int channel = in.u8("channel number") & 0x0F;
            return new Request(channel, in.u8("user ID") & 0x3F);
        }

        @Override
        public CommandId id() {
            return ID;
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8(channel).u8(userId);
        }

        @Override
        public Response decodeResponse(ByteReader in) {
            return Response.decode(in);
        }
    }

    /**
     * @param maxUserIds          byte 2 bits 5:0
     * @param enableStatus        byte 3 bits 7:6 (of the requested user)
     * @param enabledUserIds      byte 3 bits 5:0
     * @param fixedNameUserIds    byte 4 bits 5:0
     * @param callbackOnly        byte 5 bit 6: user restricted to callback
     * @param linkAuthEnabled     bit 5
     * @param ipmiMessagingEnabled bit 4
     * @param privilegeLimit      bits 3:0 (0Fh = no access)
     */
    public record Response(int maxUserIds, UserEnableStatus enableStatus, int enabledUserIds, int fixedNameUserIds,
                           boolean callbackOnly, boolean linkAuthEnabled, boolean ipmiMessagingEnabled,
                           PrivilegeLevel privilegeLimit) implements IpmiResponse {
        public Response {
            Objects.requireNonNull(enableStatus, "enableStatus");
            Objects.requireNonNull(privilegeLimit, "privilegeLimit");
            for (int n : new int[] {maxUserIds, enabledUserIds, fixedNameUserIds}) {
                if (n < 0 || n > 0x3F) {
                    throw new IllegalArgumentException("user counts are 6 bits: " + n);
                }
            }
        }

        static Response decode(ByteReader in) {
            int max = in.u8("maximum user IDs") & 0x3F;
            int enabled = in.u8("enabled user IDs");
            int fixed = in.u8("fixed name user IDs") & 0x3F;
            int access = in.u8("channel access");
            return new Response(max, UserEnableStatus.valueOf(enabled >>> 6), enabled & 0x3F, fixed,
                    (access & 0x40) != 0, (access & 0x20) != 0, (access & 0x10) != 0,
                    PrivilegeLevel.valueOf(access & 0x0F));
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8(maxUserIds).u8(enableStatus.code() << 6 | enabledUserIds).u8(fixedNameUserIds);
            out.u8((callbackOnly ? 0x40 : 0) | (linkAuthEnabled ? 0x20 : 0) | (ipmiMessagingEnabled ? 0x10 : 0)
                    | (privilegeLimit.code() & 0x0F));
        }
    }
}
