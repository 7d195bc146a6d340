package dev.ipmi.core.commands.chassis;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;
import java.util.Objects;
import java.util.Optional;

/** Get Chassis Status — IPMI v2.0 §28.2, table 28-3. NetFn Chassis (00h), cmd 01h. */
public final class GetChassisStatus {
    public static final CommandId ID = CommandId.of(NetFn.CHASSIS, 0x01, "Get Chassis Status");

    private GetChassisStatus() {}

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

    /** Byte 3, "last power event". */
    public record LastPowerEvent(boolean acFailed, boolean powerOverload, boolean powerInterlock,
                                 boolean powerFault, boolean powerOnByIpmiCommand) {
        static LastPowerEvent decode(int b) {
            return new LastPowerEvent((b & 0x01) != 0, (b & 0x02) != 0, (b & 0x04) != 0, (b & 0x08) != 0,
                    (b & 0x10) != 0);
        }

        int encode() {
            return (acFailed ? 0x01 : 0) | (powerOverload ? 0x02 : 0) | (powerInterlock ? 0x04 : 0)
                    | (powerFault ? 0x08 : 0) | (powerOnByIpmiCommand ? 0x10 : 0);
        }
    }

    /** Optional byte 5, front panel button capabilities and disable/enable status. */
    public record FrontPanelControls(boolean standbyDisableAllowed, boolean diagnosticDisableAllowed,
                                     boolean resetDisableAllowed, boolean powerOffDisableAllowed,
                                     boolean standbyDisabled, boolean diagnosticDisabled, boolean resetDisabled,
                                     boolean powerOffDisabled) {
        static FrontPanelControls decode(int b) {
            return new FrontPanelControls((b & 0x80) != 0, (b & 0x40) != 0, (b & 0x20) != 0, (b & 0x10) != 0,
                    (b & 0x08) != 0, (b & 0x04) != 0, (b & 0x02) != 0, (b & 0x01) != 0);
        }

        int encode() {
            return (standbyDisableAllowed ? 0x80 : 0) | (diagnosticDisableAllowed ? 0x40 : 0)
                    | (resetDisableAllowed ? 0x20 : 0) | (powerOffDisableAllowed ? 0x10 : 0)
                    | (standbyDisabled ? 0x08 : 0) | (diagnosticDisabled ? 0x04 : 0) | (resetDisabled ? 0x02 : 0)
                    | (powerOffDisabled ? 0x01 : 0);
        }
    }

    /**
     * @param powerOn            system power is on (byte 2 bit 0)
     * @param powerOverload      bit 1
     * @param interlockActive    bit 2
     * @param mainPowerFault     bit 3
     * @param powerControlFault  bit 4
     * @param restorePolicy      bits 6:5
     * @param lastPowerEvent     byte 3
     * @param intrusionActive    byte 4 bit 0
     * @param frontPanelLockout  byte 4 bit 1
     * @param driveFault         byte 4 bit 2
     * @param coolingFault       byte 4 bit 3 (cooling/fan fault)
     * @param identifyState      byte 4 bits 5:4, present when bit 6 says the field is supported
     * @param frontPanel         optional byte 5
     */
    public record Response(boolean powerOn, boolean powerOverload, boolean interlockActive, boolean mainPowerFault,
                           boolean powerControlFault, PowerRestorePolicy restorePolicy, LastPowerEvent lastPowerEvent,
                           boolean intrusionActive, boolean frontPanelLockout, boolean driveFault,
                           boolean coolingFault, Optional<ChassisIdentifyState> identifyState,
                           Optional<FrontPanelControls> frontPanel) implements IpmiResponse {
        public Response {
            Objects.requireNonNull(restorePolicy, "restorePolicy");
            Objects.requireNonNull(lastPowerEvent, "lastPowerEvent");
            Objects.requireNonNull(identifyState, "identifyState");
            Objects.requireNonNull(frontPanel, "frontPanel");
        }

        static Response decode(ByteReader in) {
            int power = in.u8("current power state");
            int last = in.u8("last power event");
            int misc = in.u8("misc chassis state");
            int fp = in.u8OrAbsent("front panel button capabilities");
            return new Response((power & 0x01) != 0, (power & 0x02) != 0, (power & 0x04) != 0, (power & 0x08) != 0,
                    (power & 0x10) != 0, PowerRestorePolicy.valueOf(power >>> 5), LastPowerEvent.decode(last),
                    (misc & 0x01) != 0, (misc & 0x02) != 0, (misc & 0x04) != 0, (misc & 0x08) != 0,
                    (misc & 0x40) != 0 ? Optional.of(ChassisIdentifyState.valueOf(misc >>> 4)) : Optional.empty(),
                    fp < 0 ? Optional.empty() : Optional.of(FrontPanelControls.decode(fp)));
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8((powerOn ? 0x01 : 0) | (powerOverload ? 0x02 : 0) | (interlockActive ? 0x04 : 0)
                    | (mainPowerFault ? 0x08 : 0) | (powerControlFault ? 0x10 : 0) | restorePolicy.code() << 5);
            out.u8(lastPowerEvent.encode());
            out.u8((intrusionActive ? 0x01 : 0) | (frontPanelLockout ? 0x02 : 0) | (driveFault ? 0x04 : 0)
                    | (coolingFault ? 0x08 : 0)
                    | identifyState.map(s -> 0x40 | (s.code() & 0x03) << 4).orElse(0));
            frontPanel.ifPresent(f -> out.u8(f.encode()));
        }
    }
}
