package dev.ipmi.core.commands.storage;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.types.ByteString;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;
import java.util.Objects;

/** Read FRU Data — IPMI v2.0 §34.2, table 34-3. NetFn Storage (0Ah), cmd 11h. */
public final class ReadFruData {
    public static final CommandId ID = CommandId.of(NetFn.STORAGE, 0x11, "Read FRU Data");

    private ReadFruData() {}

    /**
     * @param fruId  FRU device ID
     * @param offset offset in bytes (in words for word-access devices)
     * @param count  number of bytes (words) to read, 1..255
     */
    public record Request(int fruId, int offset, int count) implements IpmiRequest<Response> {
        public Request {
            GetSdr.check(fruId, 0xFE, "FRU device ID");
            GetSdr.check(offset, 0xFFFF, "offset");
            GetSdr.check(count, 0xFF, "count");
        }

        /** Decodes the request bytes (the BMC side of the exchange). */
        public static Request decode(ByteReader in) {
            int id = in.u8("FRU device ID");
            if (id == 0xFF) {
                throw in.malformed("FRU device ID", "FFh is reserved");
            }
            return new Request(id, in.u16("FRU inventory offset"), in.u8("count to read"));
        }

        @Override
        public CommandId id() {
            return ID;
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8(fruId).u16(offset).u8(count);
        }

        @Override
        public Response decodeResponse(ByteReader in) {
            return Response.decode(in);
        }
    }

    /**
     * @param count the count the BMC claims (bytes, or words for word-access devices)
     * @param data  the data bytes actually present
     */
    public record Response(int count, ByteString data) implements IpmiResponse {
        public Response {
            Objects.requireNonNull(data, "data");
        }

        /** Copies the byte array. */
        public Response(int count, byte[] data) {
            this(count, ByteString.of(data));
        }

        static Response decode(ByteReader in) {
            return new Response(in.u8("count returned"), in.rest());
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8(count).bytes(data);
        }
    }
}
