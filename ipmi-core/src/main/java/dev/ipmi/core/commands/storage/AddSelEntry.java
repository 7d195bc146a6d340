package dev.ipmi.core.commands.storage;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;
import dev.ipmi.core.wire.Hex;
import java.util.Arrays;

/** Add SEL Entry — IPMI v2.0 §31.6, table 31-6. NetFn Storage (0Ah), cmd 44h. */
public final class AddSelEntry {
    public static final CommandId ID = CommandId.of(NetFn.STORAGE, 0x44, "Add SEL Entry");

    private AddSelEntry() {}

    /** @param record the 16-byte SEL record; the BMC assigns the record ID and (for type 02h) the timestamp */
    public record Request(byte[] record) implements IpmiRequest<Response> {
        public Request {
            if (record.length != 16) {
                throw new IllegalArgumentException("a SEL record is 16 bytes, got " + record.length);
            }
            record = record.clone();
        }

        @Override
        public byte[] record() {
            return record.clone();
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

        @Override
        public boolean equals(Object o) {
            return o instanceof Request r && Arrays.equals(r.record, record);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(record);
        }

        @Override
        public String toString() {
            return "AddSelEntry.Request[" + Hex.dump(record) + "]";
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
