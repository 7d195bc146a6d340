package dev.ipmi.core.commands.app;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.types.Guid;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;
import java.util.Objects;

/**
 * Get System GUID — IPMI v2.0 §22.14, table 22-23. NetFn App (06h), cmd 37h. Allowed before a
 * session exists; ipmitool's {@code mc guid} sends this command.
 */
public final class GetSystemGuid {
    public static final CommandId ID = CommandId.of(NetFn.APP, 0x37, "Get System GUID");

    private GetSystemGuid() {}

    public record Request() implements IpmiRequest<Response> {
        @Override
        public CommandId id() {
            return ID;
        }

        @Override
        public void encode(ByteWriter out) {}

        @Override
        public Response decodeResponse(ByteReader in) {
            return Response.decode(in);
        }
    }

    /** @param guid bytes 2-17 */
    public record Response(Guid guid) implements IpmiResponse {
        public Response {
            Objects.requireNonNull(guid, "guid");
        }

        static Response decode(ByteReader in) {
            return new Response(new Guid(in.bytes(16, "GUID")));
        }

        @Override
        public void encode(ByteWriter out) {
            out.bytes(guid.bytes());
        }
    }
}
