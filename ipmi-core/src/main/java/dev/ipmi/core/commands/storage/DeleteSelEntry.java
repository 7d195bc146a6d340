package dev.ipmi.core.commands.storage;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;

/** Delete SEL Entry — IPMI v2.0 §31.8, table 31-8. NetFn Storage (0Ah), cmd 46h. */
public final class DeleteSelEntry {
    public static final CommandId ID = CommandId.of(NetFn.STORAGE, 0x46, "Delete SEL Entry");

    private DeleteSelEntry() {}

    public record Request(int reservationId, int recordId) implements IpmiRequest<Response> {
        public Request {
            GetSdr.check(reservationId, 0xFFFF, "reservation ID");
            GetSdr.check(recordId, 0xFFFF, "record ID");
        }

        @Override
        public CommandId id() {
            return ID;
        }

        @Override
        public void encode(ByteWriter out) {
            out.u16(reservationId).u16(recordId);
        }

        @Override
        public Response decodeResponse(ByteReader in) {
            return Response.decode(in);
        }
    }

    /** @param recordId the ID of the record that was deleted */
    public record Response(int recordId) implements IpmiResponse {
        static Response decode(ByteReader in) {
            return new Response(in.u16("record ID"));
        }

        @Override
        public void encode(ByteWriter out) {
            out.u16(recordId);
        }
    }
}
