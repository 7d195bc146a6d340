package dev.ipmi.core;

import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;
import dev.ipmi.core.wire.Hex;

/** Any command by netFn and command byte, with opaque data; the response is the raw data bytes. */
public record RawRequest(CommandId id, byte[] data) implements IpmiRequest<RawRequest.Response> {
    public RawRequest {
        data = data.clone();
    }

    public static RawRequest of(int netFn, int cmd, byte... data) {
        return new RawRequest(CommandId.of(NetFn.valueOf(netFn), cmd, "raw"), data);
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public void encode(ByteWriter out) {
        out.bytes(data);
    }

    /** By {@link Idempotency#repeatable(CommandId, byte[])}: a raw Add SEL Entry is not retransmitted either. */
    @Override
    public boolean idempotent() {
        return Idempotency.repeatable(id, data);
    }

    @Override
    public Response decodeResponse(ByteReader in) {
        return new Response(in.rest());
    }

    @Override
    public String toString() {
        return "RawRequest[" + id + ", " + Hex.dump(data) + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawRequest r && r.id.equals(id) && java.util.Arrays.equals(r.data, data);
    }

    @Override
    public int hashCode() {
        return id.hashCode() * 31 + java.util.Arrays.hashCode(data);
    }

    /** The response data after a 00h completion code. */
    public record Response(byte[] data) implements IpmiResponse {
        public Response {
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public void encode(ByteWriter out) {
            out.bytes(data);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Response r && java.util.Arrays.equals(r.data, data);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "RawResponse[" + Hex.dump(data) + "]";
        }
    }
}
