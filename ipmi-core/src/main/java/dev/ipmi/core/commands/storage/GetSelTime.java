package dev.ipmi.core.commands.storage;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;

/** Get SEL Time — IPMI v2.0 §31.10, table 31-10. NetFn Storage (0Ah), cmd 48h. */
public final class GetSelTime {
    public static final CommandId ID = CommandId.of(NetFn.STORAGE, 0x48, "Get SEL Time");

    private GetSelTime() {}

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

    /** @param time raw SEL time in seconds (see {@link dev.ipmi.core.sel.SelTimestamp}) */
    public record Response(long time) implements IpmiResponse {
        static Response decode(ByteReader in) {
            return new Response(in.u32("time"));
        }

        @Override
        public void encode(ByteWriter out) {
            out.u32(time);
        }
    }
}
