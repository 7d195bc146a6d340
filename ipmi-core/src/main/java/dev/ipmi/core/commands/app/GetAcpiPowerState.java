package dev.ipmi.core.commands.app;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;
import java.util.Objects;

/** Get ACPI Power State — IPMI v2.0 §20.7, table 20-7. NetFn App (06h), cmd 07h. */
public final class GetAcpiPowerState {
    public static final CommandId ID = CommandId.of(NetFn.APP, 0x07, "Get ACPI Power State");

    private GetAcpiPowerState() {}

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
     * @param system byte 2 bits 6:0
     * @param device byte 3 bits 6:0
     */
    public record Response(SystemPowerState system, DevicePowerState device) implements IpmiResponse {
        public Response {
            Objects.requireNonNull(system, "system");
            Objects.requireNonNull(device, "device");
        }

        static Response decode(ByteReader in) {
            SystemPowerState s = SystemPowerState.valueOf(in.u8("system power state"));
            return new Response(s, DevicePowerState.valueOf(in.u8("device power state")));
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8(system.code()).u8(device.code());
        }
    }
}
