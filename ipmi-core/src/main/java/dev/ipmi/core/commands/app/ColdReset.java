package dev.ipmi.core.commands.app;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;

/**
 * Cold Reset — IPMI v2.0 §20.2. NetFn App (06h), cmd 02h. The controller restarts and may not
 * answer at all; a missing response is normal.
 */
public final class ColdReset {
    public static final CommandId ID = CommandId.of(NetFn.APP, 0x02, "Cold Reset");

    private ColdReset() {}

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

    /** No data beyond the completion code. */
    public record Response() implements IpmiResponse {
        static Response decode(ByteReader in) {
            return new Response();
        }

        @Override
        public void encode(ByteWriter out) {}
    }
}
