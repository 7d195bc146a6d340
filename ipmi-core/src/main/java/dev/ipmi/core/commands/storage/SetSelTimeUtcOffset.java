package dev.ipmi.core.commands.storage;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;

/** Set SEL Time UTC Offset — IPMI v2.0 §31.11b, table 31-11b. NetFn Storage (0Ah), cmd 5Dh. */
public final class SetSelTimeUtcOffset {
    public static final CommandId ID = CommandId.of(NetFn.STORAGE, 0x5D, "Set SEL Time UTC Offset");

    private SetSelTimeUtcOffset() {}

    /** @param offsetMinutes −1440..1440, or {@link GetSelTimeUtcOffset#UNSPECIFIED} */
    public record Request(int offsetMinutes) implements IpmiRequest<Response> {
        public Request {
            if (offsetMinutes != GetSelTimeUtcOffset.UNSPECIFIED && (offsetMinutes < -1440 || offsetMinutes > 1440)) {
                throw new IllegalArgumentException("UTC offset must be -1440..1440 minutes: " + offsetMinutes);
            }
        }

        @Override
        public CommandId id() {
            return ID;
        }

        @Override
        public void encode(ByteWriter out) {
            out.u16(offsetMinutes & 0xFFFF);
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
