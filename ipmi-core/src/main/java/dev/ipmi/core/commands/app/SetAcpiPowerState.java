package dev.ipmi.core.commands.app;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;
import java.util.Objects;
import java.util.Optional;

/**
 * Set ACPI Power State — IPMI v2.0 §20.6, table 20-6. NetFn App (06h), cmd 06h. Only records the
 * state in the controller; it does not change the system's power.
 */
public final class SetAcpiPowerState {
    public static final CommandId ID = CommandId.of(NetFn.APP, 0x06, "Set ACPI Power State");

    private SetAcpiPowerState() {}

    /**
     * @param system byte 1: bit 7 set = set the system state in bits 6:0; empty = leave it
     * @param device byte 2: the same for the device state
     */
    public record Request(Optional<SystemPowerState> system, Optional<DevicePowerState> device)
            implements IpmiRequest<Response> {
        public Request {
            Objects.requireNonNull(system, "system");
            Objects.requireNonNull(device, "device");
        }

        public static Request decode(ByteReader in) {
            int s = in.u8("system power state");
            int d = in.u8("device power state");
            return new Request((s & 0x80) != 0 ? Optional.of(SystemPowerState.valueOf(s)) : Optional.empty(),
                    (d & 0x80) != 0 ? Optional.of(DevicePowerState.valueOf(d)) : Optional.empty());
        }

        @Override
        public CommandId id() {
            return ID;
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8(system.map(s -> 0x80 | s.code()).orElse(SystemPowerState.NO_CHANGE.code()));
            out.u8(device.map(d -> 0x80 | d.code()).orElse(DevicePowerState.NO_CHANGE.code()));
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
