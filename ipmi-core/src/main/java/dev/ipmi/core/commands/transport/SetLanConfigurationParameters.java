package dev.ipmi.core.commands.transport;

import dev.ipmi.core.commands.ParameterFamily;
import dev.ipmi.core.commands.RawParameter;
import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.types.SetInProgressState;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;
import java.net.Inet4Address;
import java.util.List;
import java.util.Objects;

/**
 * Set LAN Configuration Parameters — IPMI v2.0 §23.1, table 23-2. NetFn Transport (0Ch), cmd 01h.
 * Command-specific completion codes: 80h parameter not supported, 81h set-in-progress violation,
 * 82h write to a read-only parameter.
 */
public final class SetLanConfigurationParameters {
    public static final CommandId ID = CommandId.of(NetFn.TRANSPORT, 0x01, "Set LAN Configuration Parameters");

    private SetLanConfigurationParameters() {}

    /**
     * @param channel   byte 1 bits 3:0
     * @param parameter selector (byte 2) and data
     */
    public record Request(int channel, LanParameter parameter) implements IpmiRequest<Response> {
        public Request {
            if (channel < 0 || channel > 0x0F) {
                throw new IllegalArgumentException("channel number is 0..15: " + channel);
            }
            Objects.requireNonNull(parameter, "parameter");
            RawParameter.requireFamily(parameter, ParameterFamily.LAN, "parameter");
        }

        public static Request decode(ByteReader in) {
            int channel = in.u8("channel number") & 0x0F;
            int selector = in.u8("parameter selector");
            return new Request(channel, LanParameter.decode(selector, in));
        }

        @Override
        public CommandId id() {
            return ID;
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8(channel).u8(parameter.selector());
            parameter.encodeData(out);
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

    /**
     * The Set requests ipmitool 1.8.19 sends for one {@code lan set} change, in order: parameter
     * 0 = set in progress, the parameter, parameter 0 = commit write, parameter 0 = set complete.
     * Between them ipmitool reads back: parameter 0 before and after marking it in progress
     * (retrying up to 3 times while another set is in progress), and the written parameter after
     * writing it. Parameter 0 is optional in the spec: when the BMC rejects it a client goes on
     * with the write alone; ipmitool ignores a failed commit.
     */
    public static List<Request> ipmitoolSequence(int channel, LanParameter parameter) {
        return List.of(
                new Request(channel, new LanParameter.SetInProgress(SetInProgressState.SET_IN_PROGRESS)),
                new Request(channel, parameter),
                new Request(channel, new LanParameter.SetInProgress(SetInProgressState.COMMIT_WRITE)),
                new Request(channel, new LanParameter.SetInProgress(SetInProgressState.SET_COMPLETE)));
    }

    /** {@code lan set N ipaddr A}. */
    public static List<Request> setIpAddress(int channel, Inet4Address address) {
        return ipmitoolSequence(channel, new LanParameter.IpAddress(address));
    }

    /** {@code lan set N netmask M}. */
    public static List<Request> setSubnetMask(int channel, Inet4Address mask) {
        return ipmitoolSequence(channel, new LanParameter.SubnetMask(mask));
    }

    /** {@code lan set N defgw ipaddr A}. */
    public static List<Request> setDefaultGateway(int channel, Inet4Address address) {
        return ipmitoolSequence(channel, new LanParameter.DefaultGatewayIp(address));
    }

    /** {@code lan set N ipsrc static|dhcp|bios|none}. */
    public static List<Request> setIpSource(int channel, IpSource source) {
        return ipmitoolSequence(channel, new LanParameter.IpAddressSource(source));
    }

    /** {@code lan set N vlan id ID} (1..4094). */
    public static List<Request> setVlanId(int channel, int vlanId) {
        if (vlanId < 1 || vlanId > 4094) {
            throw new IllegalArgumentException("VLAN ID is 1..4094: " + vlanId);
        }
        return ipmitoolSequence(channel, new LanParameter.VlanId(true, vlanId));
    }

    /** {@code lan set N vlan id off}. */
    public static List<Request> disableVlan(int channel) {
        return ipmitoolSequence(channel, LanParameter.VlanId.disabled());
    }

    /** {@code lan set N vlan priority P}. */
    public static List<Request> setVlanPriority(int channel, int priority) {
        return ipmitoolSequence(channel, new LanParameter.VlanPriority(priority));
    }
}
