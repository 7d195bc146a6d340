package dev.ipmi.core.commands.chassis;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;
import java.util.Objects;

/** Get System Restart Cause — IPMI v2.0 §28.11, table 28-11. NetFn Chassis (00h), cmd 07h. */
public final class GetSystemRestartCause {
    public static final CommandId ID = CommandId.of(NetFn.CHASSIS, 0x07, "Get System Restart Cause");

    private GetSystemRestartCause() {}

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

    /**
     * @param cause   byte 2 bits 3:0
     * @param channel byte 3, the channel the restart-causing command arrived on (bits 3:0)
     */
    public record Response(RestartCause cause, int channel) implements IpmiResponse {
        public Response {
            Objects.requireNonNull(cause, "cause");
            if (channel < 0 || channel > 0x0F) {
                throw new IllegalArgumentException("channel is 0..15: " + channel);
            }
        }

        static Response decode(ByteReader in) {
            RestartCause cause = RestartCause.valueOf(in.u8("restart cause"));
            int channel = in.u8("channel number") & 0x0F;
            return new Response(cause, channel);
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8(cause.code() & 0x0F).u8(channel);
        }
    }
}
