package dev.ipmi.core.commands.app;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;

/** Set User Name — IPMI v2.0 §22.28, table 22-33. NetFn App (06h), cmd 45h. */
public final class SetUserName {
    public static final CommandId ID = CommandId.of(NetFn.APP, 0x45, "Set User Name");

    private SetUserName() {}

    /**
     * @param userId byte 1 bits 5:0
     * @param name   bytes 2-17, NUL padded (at most 16 Latin-1 characters)
     */
    public record Request(int userId, String name) implements IpmiRequest<Response> {
        public Request {
            Channels.checkUser(userId);
            UserNames.check(name);
        }

        public static Request decode(ByteReader in) {
            int user = in.u8("user ID") & 0x3F;
            return new Request(user, UserNames.read(in, "user name"));
        }

        @Override
        public CommandId id() {
            return ID;
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8(userId).padded(UserNames.bytes(name), UserNames.LENGTH);
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
