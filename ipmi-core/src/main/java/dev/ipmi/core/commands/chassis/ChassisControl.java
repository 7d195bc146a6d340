package dev.ipmi.core.commands.chassis;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;
import java.util.Objects;

/** Chassis Control — IPMI v2.0 §28.3, table 28-4. NetFn Chassis (00h), cmd 02h. */
public final class ChassisControl {
    public static final CommandId ID = CommandId.of(NetFn.CHASSIS, 0x02, "Chassis Control");

    private ChassisControl() {}

    public record Request(PowerAction action) implements IpmiRequest<Response> {
        public Request {
            Objects.requireNonNull(action, "action");
        }

        public static Request decode(ByteReader in) {
            return new Request(PowerAction.valueOf(in.u8("chassis control")));
        }

        @Override
        public CommandId id() {
            return ID;
        }

        /** Power up and power down reach the same state when repeated; cycle, reset, pulse and soft act each time. */
        @Override
        public boolean idempotent() {
            return (action.code() & 0x0F) <= 1;
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8(action.code() & 0x0F);
        }

        @Override
        public Response decodeResponse(ByteReader in) {
            return Response.decode(in);
        }
    }

    /** No data beyond the completion code. */
    public record Response() implements IpmiResponse {
        static Response decode(ByteReader in) {
            return new Response();
        }

        @Override
        public void encode(ByteWriter out) {}
    }
}
