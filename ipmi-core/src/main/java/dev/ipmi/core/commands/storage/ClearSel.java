package dev.ipmi.core.commands.storage;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;

/** Clear SEL — IPMI v2.0 §31.9, table 31-9. NetFn Storage (0Ah), cmd 47h. */
public final class ClearSel {
    public static final CommandId ID = CommandId.of(NetFn.STORAGE, 0x47, "Clear SEL");
    public static final int INITIATE_ERASE = 0xAA;
    public static final int GET_STATUS = 0x00;

    private ClearSel() {}

    /** @param action {@link #INITIATE_ERASE} or {@link #GET_STATUS} */
    public record Request(int reservationId, int action) implements IpmiRequest<Response> {
        public Request {
            GetSdr.check(reservationId, 0xFFFF, "reservation ID");
            GetSdr.check(action, 0xFF, "action");
        }

        public static Request initiate(int reservationId) {
            return new Request(reservationId, INITIATE_ERASE);
        }

        public static Request status(int reservationId) {
            return new Request(reservationId, GET_STATUS);
        }

        @Override
        public CommandId id() {
            return ID;
        }

        @Override
        public void encode(ByteWriter out) {
            // 'C' 'L' 'R' guard the command against accidental use
            out.u16(reservationId).u8('C').u8('L').u8('R').u8(action);
        }

        @Override
        public Response decodeResponse(ByteReader in) {
            return Response.decode(in);
        }
    }

    /** @param progress [3:0] 0 = erasure in progress, 1 = erase completed */
    public record Response(int progress) implements IpmiResponse {
        static Response decode(ByteReader in) {
            return new Response(in.u8("erasure progress") & 0x0F);
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8(progress & 0x0F);
        }

        public boolean completed() {
            return progress == 1;
        }
    }
}
