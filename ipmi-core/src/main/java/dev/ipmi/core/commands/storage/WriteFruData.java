package dev.ipmi.core.commands.storage;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;
import dev.ipmi.core.wire.Hex;
import java.util.Arrays;

/** Write FRU Data — IPMI v2.0 §34.3, table 34-4. NetFn Storage (0Ah), cmd 12h. */
public final class WriteFruData {
    public static final CommandId ID = CommandId.of(NetFn.STORAGE, 0x12, "Write FRU Data");

    private WriteFruData() {}

    public record Request(int fruId, int offset, byte[] data) implements IpmiRequest<Response> {
        public Request {
            GetSdr.check(fruId, 0xFE, "FRU device ID");
            GetSdr.check(offset, 0xFFFF, "offset");
            if (data.length == 0 || data.length > 0xFF) {
                throw new IllegalArgumentException("write 1..255 bytes at a time, got " + data.length);
            }
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public CommandId id() {
            return ID;
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8(fruId).u16(offset).bytes(data);
        }

        @Override
        public Response decodeResponse(ByteReader in) {
            return Response.decode(in);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Request r && r.fruId == fruId && r.offset == offset && Arrays.equals(r.data, data);
        }

        @Override
        public int hashCode() {
            return (fruId * 31 + offset) * 31 + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "WriteFruData.Request[fruId=" + fruId + ", offset=" + offset + ", data=" + Hex.dump(data) + "]";
        }
    }

    /** @param count bytes (words) written */
    public record Response(int count) implements IpmiResponse {
        static Response decode(ByteReader in) {
            return new Response(in.u8("count written"));
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8(count);
        }
    }
}
