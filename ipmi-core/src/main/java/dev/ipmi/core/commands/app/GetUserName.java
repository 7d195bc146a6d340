package dev.ipmi.core.commands.app;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;

/** Get User Name — IPMI v2.0 §22.29, table 22-34. NetFn App (06h), cmd 46h. */
public final class GetUserName {
    public static final CommandId ID = CommandId.of(NetFn.APP, 0x46, "Get User Name");

    private GetUserName() {}

    /** @param userId byte 1 bits 5:0 */
    public record Request(int userId) implements IpmiRequest<Response> {
        public Request {
            Channels.checkUser(userId);
        }

        public static Request decode(ByteReader in) {
            return new Request(in.u8("user ID") & 0x3F);
        }

        @Override
        public CommandId id() {
            return ID;
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8(userId);
        }

        @Override
        public Response decodeResponse(ByteReader in) {
            return Response.decode(in);
        }
    }

    /** @param name bytes 2-17 up to the first NUL (empty for an unused slot) */
    public record Response(String name) implements IpmiResponse {
        public Response {
            UserNames.check(name);
        }

        static Response decode(ByteReader in) {
            return new Response(UserNames.read(in, "user name"));
        }

        @Override
        public void encode(ByteWriter out) {
            out.padded(UserNames.bytes(name), UserNames.LENGTH);
        }
    }
}
