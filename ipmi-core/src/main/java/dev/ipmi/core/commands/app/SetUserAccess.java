package dev.ipmi.core.commands.app;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;
import java.util.Objects;
import java.util.OptionalInt;

/** Set User Access — IPMI v2.0 §22.26, table 22-31. NetFn App (06h), cmd 43h. */
public final class SetUserAccess {
    public static final CommandId ID = CommandId.of(NetFn.APP, 0x43, "Set User Access");

    private SetUserAccess() {}

    /**
     * @param channel              byte 1 bits 3:0
     * @param changeFlags          byte 1 bit 7: apply bits 6:4 (otherwise the BMC ignores them)
     * @param callbackOnly         bit 6: restrict the user to callback
     * @param linkAuthEnabled      bit 5
     * @param ipmiMessagingEnabled bit 4
     * @param userId               byte 2 bits 5:0
     * @param privilegeLimit       byte 3 bits 3:0 (0Fh = no access)
     * @param sessionLimit         optional byte 4 bits 3:0 (0 = only the channel's limit); ipmitool always sends 0
     */
    public record Request(int channel, boolean changeFlags, boolean callbackOnly, boolean linkAuthEnabled,
                          boolean ipmiMessagingEnabled, int userId, PrivilegeLevel privilegeLimit,
                          OptionalInt sessionLimit) implements IpmiRequest<Response> {
        public Request {
            Channels.check(channel);
            Channels.checkUser(userId);
            Objects.requireNonNull(privilegeLimit, "privilegeLimit");
            Objects.requireNonNull(sessionLimit, "sessionLimit");
            if (sessionLimit.isPresent() && (sessionLimit.getAsInt() < 0 || sessionLimit.getAsInt() > 0x0F)) {
                throw new IllegalArgumentException("user session limit is 4 bits: " + sessionLimit.getAsInt());
            }
        }

        /** Only the privilege limit, flags untouched — what ipmitool's {@code user priv} sends. */
        public static Request privilegeOnly(int channel, int userId, PrivilegeLevel privilegeLimit) {
            return new Request(channel, false, false, false, false, userId, privilegeLimit, OptionalInt.of(0));
        }

        public static Request decode(ByteReader in) {
            int b1 = in.u8("channel / flags");
            int user = in.u8("user ID") & 0x3F;
            int priv = in.u8("privilege limit") & 0x0F;
            int limit = in.u8OrAbsent("user session limit");
            return new Request(b1 & 0x0F, (b1 & 0x80) != 0, (b1 & 0x40) != 0, (b1 & 0x20) != 0, (b1 & 0x10) != 0,
                    user, PrivilegeLevel.valueOf(priv), limit < 0 ? OptionalInt.empty() : OptionalInt.of(limit & 0x0F));
        }

        @Override
        public CommandId id() {
            return ID;
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8((changeFlags ? 0x80 : 0) | (callbackOnly ? 0x40 : 0) | (linkAuthEnabled ? 0x20 : 0)
                    | (ipmiMessagingEnabled ? 0x10 : 0) | channel);
            out.u8(userId).u8(privilegeLimit.code() & 0x0F);
            sessionLimit.ifPresent(out::u8);
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
