package dev.ipmi.core.commands.storage;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;

/** Set SEL Time — IPMI v2.0 §31.11, table 31-11. NetFn Storage (0Ah), cmd 49h. */
public final class SetSelTime {
    public static final CommandId ID = CommandId.of(NetFn.STORAGE, 0x49, "Set SEL Time");

    private SetSelTime() {}

    /** @param time seconds since 1970-01-01 (32-bit) */
    public record Request(long time) implements IpmiRequest<Response> {
        public Request {
            if (time < 0 || time > 0xFFFFFFFFL) {
                throw new IllegalArgumentException("SEL time is an unsigned 32-bit value: " + time);
            }
        }

        @Override
        public CommandId id() {
            return ID;
        }

        @Override
        public void encode(ByteWriter out) {
            out.u32(time);
        }

        @Override
        public Response decodeResponse(ByteReader in) {
            return new Response();
        }
    }

    public record Response() implements IpmiResponse {
        @Override
        public void encode(ByteWriter out) {}
    }
}
