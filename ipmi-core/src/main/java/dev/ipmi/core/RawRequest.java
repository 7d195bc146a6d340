package dev.ipmi.core;

import dev.ipmi.core.types.ByteString;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;
import java.util.Objects;

/** Any command by netFn and command byte, with opaque data; the response is the raw data bytes. */
public record RawRequest(CommandId id, ByteString data) implements IpmiRequest<RawRequest.Response> {
    public RawRequest {
            Objects.requireNonNull(data, "data");
    }

        /** Copies the byte arrays. */
        public RawRequest(CommandId id, byte[] data) {
            this(id, ByteString.of(data));
        }

    public static RawRequest of(int netFn, int cmd, byte... data) {
        return new RawRequest(CommandId.of(NetFn.valueOf(netFn), cmd, "raw"), data);
    }

    @Override
    public void encode(ByteWriter out) {
        out.bytes(data);
    }

    @Override
    public Response decodeResponse(ByteReader in) {
        return new Response(in.rest());
    }

    /** The response data after a 00h completion code. */
    public record Response(ByteString data) implements IpmiResponse {
        public Response {
            Objects.requireNonNull(data, "data");
        }

        /** Copies the byte arrays. */
        public Response(byte[] data) {
            this(ByteString.of(data));
        }

        @Override
        public void encode(ByteWriter out) {
            out.bytes(data);
        }
    }
}
