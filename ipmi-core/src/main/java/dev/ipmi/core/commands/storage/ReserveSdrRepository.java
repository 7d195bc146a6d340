package dev.ipmi.core.commands.storage;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;

/** Reserve SDR Repository — IPMI v2.0 §33.11, table 33-5. NetFn Storage (0Ah), cmd 22h. */
public final class ReserveSdrRepository {
    public static final CommandId ID = CommandId.of(NetFn.STORAGE, 0x22, "Reserve SDR Repository");

    private ReserveSdrRepository() {}

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
