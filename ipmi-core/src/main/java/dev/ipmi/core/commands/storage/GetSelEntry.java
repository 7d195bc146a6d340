package dev.ipmi.core.commands.storage;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;

/**
 * Get SEL Entry — IPMI v2.0 §31.5, table 31-5. NetFn Storage (0Ah), cmd 43h. Same request and
 * response shape as Get SDR: the response is a {@link GetSdr.Response} (next record ID + bytes).
 */
public final class GetSelEntry {
    public static final CommandId ID = CommandId.of(NetFn.STORAGE, 0x43, "Get SEL Entry");
    public static final int FIRST = 0x0000;
    public static final int LAST = 0xFFFF;
    public static final int ENTIRE_RECORD = 0xFF;

    private GetSelEntry() {}

    /**
     * @param reservationId 0 is accepted for whole-record reads; partial reads need a reservation
     * @param recordId      0000h first entry, FFFFh last entry
     * @param offset        offset into the 16-byte record
     * @param count         bytes to read, FFh = entire record
     */
    public record Request(int reservationId, int recordId, int offset, int count)
            implements IpmiRequest<GetSdr.Response> {
        public Request {
            GetSdr.check(reservationId, 0xFFFF, "reservation ID");
            GetSdr.check(recordId, 0xFFFF, "record ID");
            GetSdr.check(offset, 0xFF, "offset");
            GetSdr.check(count, 0xFF, "count");
        }

        /** Decodes the request bytes (the BMC side of the exchange). */
        public static Request decode(ByteReader in) {
            return new Request(in.u16("reservation ID"), in.u16("SEL record ID"), in.u8("offset"),
                    in.u8("bytes to read"));
        }

        @Override
        public CommandId id() {
            return ID;
        }

        @Override
        public void encode(ByteWriter out) {
            out.u16(reservationId).u16(recordId).u8(offset).u8(count);
        }

        @Override
        public GetSdr.Response decodeResponse(ByteReader in) {
            return GetSdr.Response.decode(in);
        }
    }
}
