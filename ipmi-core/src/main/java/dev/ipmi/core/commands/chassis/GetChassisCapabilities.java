package dev.ipmi.core.commands.chassis;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;
import java.util.Objects;
import java.util.OptionalInt;

/** Get Chassis Capabilities — IPMI v2.0 §28.1, table 28-2. NetFn Chassis (00h), cmd 00h. */
public final class GetChassisCapabilities {
    public static final CommandId ID = CommandId.of(NetFn.CHASSIS, 0x00, "Get Chassis Capabilities");

    private GetChassisCapabilities() {}

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
     * @param powerInterlock            byte 2 bit 3: chassis provides a power interlock
     * @param diagnosticInterrupt       bit 2: diagnostic interrupt (FP NMI) provided
     * @param frontPanelLockout         bit 1: front panel lockout provided
     * @param intrusionSensor           bit 0: physical security (intrusion) sensor provided
     * @param fruDeviceAddress          byte 3, chassis FRU info device address
     * @param sdrDeviceAddress          byte 4
     * @param selDeviceAddress          byte 5
     * @param systemManagementAddress   byte 6
     * @param bridgeDeviceAddress       optional byte 7 (absent: the BMC is the bridge)
     */
    public record Response(boolean powerInterlock, boolean diagnosticInterrupt, boolean frontPanelLockout,
                           boolean intrusionSensor, int fruDeviceAddress, int sdrDeviceAddress, int selDeviceAddress,
                           int systemManagementAddress, OptionalInt bridgeDeviceAddress) implements IpmiResponse {
        public Response {
            Objects.requireNonNull(bridgeDeviceAddress, "bridgeDeviceAddress");
        }

        static Response decode(ByteReader in) {
            int flags = in.u8("capabilities flags");
            int fru = in.u8("FRU info device address");
            int sdr = in.u8("SDR device address");
            int sel = in.u8("SEL device address");
            int sm = in.u8("system management device address");
            int bridge = in.u8OrAbsent("bridge device address");
            return new Response((flags & 0x08) != 0, (flags & 0x04) != 0, (flags & 0x02) != 0, (flags & 0x01) != 0,
                    fru, sdr, sel, sm, bridge < 0 ? OptionalInt.empty() : OptionalInt.of(bridge));
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8((powerInterlock ? 0x08 : 0) | (diagnosticInterrupt ? 0x04 : 0) | (frontPanelLockout ? 0x02 : 0)
                    | (intrusionSensor ? 0x01 : 0));
            out.u8(fruDeviceAddress).u8(sdrDeviceAddress).u8(selDeviceAddress).u8(systemManagementAddress);
            bridgeDeviceAddress.ifPresent(out::u8);
        }
    }
}
