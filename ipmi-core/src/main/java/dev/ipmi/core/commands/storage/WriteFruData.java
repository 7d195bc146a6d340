package dev.ipmi.core.commands.storage;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.types.ByteString;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;
import java.util.Objects;

/** Write FRU Data — IPMI v2.0 §34.3, table 34-4. NetFn Storage (0Ah), cmd 12h. */
public final class WriteFruData {
    public static final CommandId ID = CommandId.of(NetFn.STORAGE, 0x12, "Write FRU Data");

    private WriteFruData() {}

    public record Request(int fruId, int offset, ByteString data) implements IpmiRequest<Response> {
        public Request {
            Objects.requireNonNull(data, "data");
            GetSdr.check(fruId, 0xFE, "FRU device ID");
            GetSdr.check(offset, 0xFFFF, "offset");
            if (data.size() == 0 || data.size() > 0xFF) {
                throw new IllegalArgumentException("write 1..255 bytes at a time, got " + data.size());
            }
        }

        /** Copies the byte array. */
        public Request(int fruId, int offset, byte[] data) {
            this(fruId, offset, ByteString.of(data));
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
