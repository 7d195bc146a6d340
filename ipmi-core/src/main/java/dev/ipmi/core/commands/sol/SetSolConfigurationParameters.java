package dev.ipmi.core.commands.sol;

import dev.ipmi.core.commands.ParameterFamily;
import dev.ipmi.core.commands.RawParameter;
import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;

/**
 * Set SOL Configuration Parameters — IPMI v2.0 §26.2, table 26-3. NetFn Transport (0Ch), cmd 21h.
 * Completion codes 80h parameter not supported, 81h attempt to set "set in progress" while not in
 * "set complete" state, 82h write to a read-only parameter.
 *
 * <p>ipmitool wraps every set in set-in-progress (1), the parameter, commit-write (2), set-complete
 * (0); when the parameter write fails it skips commit-write. ipmi_sim 2.0.33 ignores set-complete
 * written straight after set-in-progress (parameter 0 keeps reading "set in progress", and every
 * later ipmitool {@code sol set} fails with 81h); writing commit-write (2) returns it to set-complete.
 */
public final class SetSolConfigurationParameters {
    public static final CommandId ID = CommandId.of(NetFn.TRANSPORT, 0x21, "Set SOL Configuration Parameters");
    public static final int PARAMETER_NOT_SUPPORTED = 0x80;
    public static final int SET_IN_PROGRESS_VIOLATION = 0x81;
    public static final int READ_ONLY = 0x82;

    private SetSolConfigurationParameters() {}

    public record Request(int channel, SolParameter parameter) implements IpmiRequest<Response> {
        public Request {
            if (channel < 0 || channel > 0x0F) {
                throw new IllegalArgumentException("channel is 4 bits: " + channel);
            }
            if (parameter == null) {
                throw new IllegalArgumentException("parameter must not be null");
            }
            RawParameter.requireFamily(parameter, ParameterFamily.SOL, "parameter");
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

        public static Request decode(ByteReader in) {
            int channel = in.u8("channel") & 0x0F;
            int selector = in.u8("parameter selector");
            return new Request(channel, SolParameter.decode(selector, in));
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
