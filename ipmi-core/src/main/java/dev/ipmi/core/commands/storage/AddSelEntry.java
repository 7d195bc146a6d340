package dev.ipmi.core.commands.storage;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.types.ByteString;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;
import java.util.Objects;

/** Add SEL Entry — IPMI v2.0 §31.6, table 31-6. NetFn Storage (0Ah), cmd 44h. */
public final class AddSelEntry {
    public static final CommandId ID = CommandId.of(NetFn.STORAGE, 0x44, "Add SEL Entry");

    private AddSelEntry() {}

    /** @param record the 16-byte SEL record; the BMC assigns the record ID and (for type 02h) the timestamp */
    public record Request(ByteString record) implements IpmiRequest<Response> {
        public Request {
            Objects.requireNonNull(record, "record");
            if (record.size() != 16) {
                throw new IllegalArgumentException("a SEL record is 16 bytes, got " + record.size());
            }
        }

        /** Copies the byte array. */
        public Request(byte[] record) {
            this(ByteString.of(record));
        }

        @Override
        public CommandId id() {
            return ID;
        }

        @Override
        public void encode(ByteWriter out) {
            out.bytes(record);
        }

        @Override
        public Response decodeResponse(ByteReader in) {
            return Response.decode(in);
        }
    }

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
