package dev.ipmi.core.commands.chassis;

import dev.ipmi.core.commands.ParameterFamily;
import dev.ipmi.core.commands.RawParameter;
import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.types.SetInProgressState;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;
import java.util.List;
import java.util.Objects;

/**
 * Set System Boot Options — IPMI v2.0 §28.12, table 28-13. NetFn Chassis (00h), cmd 08h.
 * Command-specific completion codes: 80h parameter not supported, 81h set-in-progress violation,
 * 82h write to a read-only parameter.
 */
public final class SetSystemBootOptions {
    public static final CommandId ID = CommandId.of(NetFn.CHASSIS, 0x08, "Set System Boot Options");

    private SetSystemBootOptions() {}

    /**
     * @param markInvalid byte 1 bit 7: mark the parameter invalid/locked (ipmitool always sends 0)
     * @param parameter   selector (byte 1 bits 6:0) and data
     */
    public record Request(boolean markInvalid, BootOptionParameter parameter) implements IpmiRequest<Response> {
        public Request {
            Objects.requireNonNull(parameter, "parameter");
            RawParameter.requireFamily(parameter, ParameterFamily.BOOT_OPTIONS, "parameter");
        }

        public static Request of(BootOptionParameter parameter) {
            return new Request(false, parameter);
        }

        public static Request decode(ByteReader in) {
            int b = in.u8("parameter selector");
            return new Request((b & 0x80) != 0, BootOptionParameter.decode(b & 0x7F, in));
        }

        @Override
        public CommandId id() {
            return ID;
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8((markInvalid ? 0x80 : 0) | parameter.selector());
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
     * The requests ipmitool 1.8.19 sends for {@code chassis bootdev}, in order: parameter 0 = set
     * in progress; parameter 4 = boot info acknowledge {01h, 01h}; parameter 5 = the flags with the
     * valid bit set; parameter 0 = commit write; parameter 0 = set complete. When the BMC rejects
     * the first step (parameter 0 is optional; ipmi_sim 2.0.33 answers CCh) ipmitool carries on
     * with steps 2 and 3 and skips 4 and 5; a client should do the same.
     */
    public static List<Request> ipmitoolSequence(BootFlags flags) {
        BootFlags valid = flags.valid() ? flags : flags.toBuilder().valid(true).build();
        return List.of(
                Request.of(new BootOptionParameter.SetInProgress(SetInProgressState.SET_IN_PROGRESS)),
                Request.of(BootOptionParameter.BootInfoAcknowledge.ipmitoolBiosPost()),
                Request.of(valid),
                Request.of(new BootOptionParameter.SetInProgress(SetInProgressState.COMMIT_WRITE)),
                Request.of(new BootOptionParameter.SetInProgress(SetInProgressState.SET_COMPLETE)));
    }
}
