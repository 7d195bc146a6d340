package dev.ipmi.core.commands.storage;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.types.ByteString;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;
import java.util.Objects;

/**
 * Get SDR — IPMI v2.0 §33.12, table 33-6. NetFn Storage (0Ah), cmd 23h. Also the response shape of
 * Get Device SDR (§35.3).
 */
public final class GetSdr {
    public static final CommandId ID = CommandId.of(NetFn.STORAGE, 0x23, "Get SDR");
    /** Record ID of the first record when asking, and "no more records" when answered as next. */
    public static final int FIRST = 0x0000;
    public static final int LAST = 0xFFFF;
    /** Bytes-to-read value meaning "the entire record". */
    public static final int ENTIRE_RECORD = 0xFF;

    private GetSdr() {}

    /**
     * @param reservationId 0 is allowed when reading whole records from offset 0
     * @param recordId      record to read (0000h = first)
     * @param offset        offset into the record
     * @param count         bytes to read, FFh = entire record
     */
    public record Request(int reservationId, int recordId, int offset, int count) implements IpmiRequest<Response> {
        public Request {
            check(reservationId, 0xFFFF, "reservation ID");
            check(recordId, 0xFFFF, "record ID");
            check(offset, 0xFF, "offset");
            check(count, 0xFF, "count");
        }

        /** Decodes the request bytes (the BMC side of the exchange). */
        public static Request decode(ByteReader in) {
            return new Request(in.u16("reservation ID"), in.u16("record ID"), in.u8("offset"), in.u8("bytes to read"));
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
        public Response decodeResponse(ByteReader in) {
            return Response.decode(in);
        }
    }

    static void check(int v, int max, String what) {
        if (v < 0 || v > max) {
            throw new IllegalArgumentException(what + " out of range 0.." + max + ": " + v);
        }
    }

    /**
     * @param nextRecordId record ID of the following record, FFFFh after the last one
     * @param data         the requested bytes of the record
     */
    public record Response(int nextRecordId, ByteString data) implements IpmiResponse {
        public Response {
            Objects.requireNonNull(data, "data");
        }

        /** Copies the byte array. */
        public Response(int nextRecordId, byte[] data) {
            this(nextRecordId, ByteString.of(data));
        }

        public static Response decode(ByteReader in) {
            return new Response(in.u16("next record ID"), in.rest());
        }

        @Override
        public void encode(ByteWriter out) {
            out.u16(nextRecordId).bytes(data);
        }
    }
}
