package dev.ipmi.core.commands.storage;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;
import java.util.OptionalInt;

/** Get SEL Time UTC Offset — IPMI v2.0 §31.11a, table 31-11a. NetFn Storage (0Ah), cmd 5Ch. */
public final class GetSelTimeUtcOffset {
    public static final CommandId ID = CommandId.of(NetFn.STORAGE, 0x5C, "Get SEL Time UTC Offset");
    /** Raw value meaning "unspecified". */
    public static final int UNSPECIFIED = 0x07FF;

    private GetSelTimeUtcOffset() {}

    public record Request() implements IpmiRequest<Response> {
        @Override
        public CommandId id() {
            return ID;
        }

        @Override
        public void encode(ByteWriter out) {}

        @Override
        public Response decodeResponse(ByteReader in) {
            return Response.decode(in);
        }
    }

    /** @param raw the 16-bit two's-complement offset in minutes as sent (07FFh = unspecified) */
    public record Response(int raw) implements IpmiResponse {
        static Response decode(ByteReader in) {
            return new Response(in.u16("UTC offset"));
        }

        @Override
        public void encode(ByteWriter out) {
            out.u16(raw & 0xFFFF);
        }

        /** Minutes east of UTC (−1440..1440), or empty when unspecified. */
        public OptionalInt offsetMinutes() {
            return raw == UNSPECIFIED ? OptionalInt.empty() : OptionalInt.of((short) raw);
        }
    }
}
