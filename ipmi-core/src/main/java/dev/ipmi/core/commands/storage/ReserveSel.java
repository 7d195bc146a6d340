package dev.ipmi.core.commands.storage;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;

/** Reserve SEL — IPMI v2.0 §31.4, table 31-4. NetFn Storage (0Ah), cmd 42h. */
public final class ReserveSel {
    public static final CommandId ID = CommandId.of(NetFn.STORAGE, 0x42, "Reserve SEL");

    private ReserveSel() {}

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

    public record Response(int reservationId) implements IpmiResponse {
        static Response decode(ByteReader in) {
            return new Response(in.u16("reservation ID"));
        }

        @Override
        public void encode(ByteWriter out) {
            out.u16(reservationId);
        }
    }
}
