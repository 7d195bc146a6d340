package dev.ipmi.core.commands.chassis;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;
import java.util.Objects;

/** Set Power Restore Policy — IPMI v2.0 §28.8, table 28-9. NetFn Chassis (00h), cmd 06h. */
public final class SetPowerRestorePolicy {
    public static final CommandId ID = CommandId.of(NetFn.CHASSIS, 0x06, "Set Power Restore Policy");

    private SetPowerRestorePolicy() {}

    /** @param policy the new policy; {@link PowerRestorePolicy#UNKNOWN} (3) = no change, only report support */
    public record Request(PowerRestorePolicy policy) implements IpmiRequest<Response> {
        public Request {
            Objects.requireNonNull(policy, "policy");
        }

        /** The "no change" request ipmitool sends for {@code chassis policy list}. */
        public static Request query() {
            return new Request(PowerRestorePolicy.UNKNOWN);
        }

        public static Request decode(ByteReader in) {
            return new Request(PowerRestorePolicy.valueOf(in.u8("power restore policy")));
        }

        @Override
        public CommandId id() {
            return ID;
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8(policy.code() & 0x03);
        }

        @Override
        public Response decodeResponse(ByteReader in) {
            return Response.decode(in);
        }
    }

    /** Byte 2, the policies the chassis supports: bit 2 always on, bit 1 previous, bit 0 always off. */
    public record Response(boolean alwaysOnSupported, boolean previousSupported, boolean alwaysOffSupported)
            implements IpmiResponse {
        static Response decode(ByteReader in) {
            int b = in.u8("power restore policy support");
            return new Response((b & 0x04) != 0, (b & 0x02) != 0, (b & 0x01) != 0);
        }

        public boolean supports(PowerRestorePolicy p) {
            return p.equals(PowerRestorePolicy.ALWAYS_ON) ? alwaysOnSupported
                    : p.equals(PowerRestorePolicy.PREVIOUS) ? previousSupported
                    : p.equals(PowerRestorePolicy.ALWAYS_OFF) && alwaysOffSupported;
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8((alwaysOnSupported ? 0x04 : 0) | (previousSupported ? 0x02 : 0) | (alwaysOffSupported ? 0x01 : 0));
        }
    }
}
