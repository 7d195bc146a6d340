package dev.ipmi.core.commands.sol;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;
import java.util.Optional;

/**
 * Get SOL Configuration Parameters — IPMI v2.0 §26.3, table 26-4. NetFn Transport (0Ch), cmd 22h.
 * Completion code 80h = parameter not supported (ipmi_sim 2.0.33 answers it for parameters 2, 3, 4,
 * 7 and 8).
 */
public final class GetSolConfigurationParameters {
    public static final CommandId ID = CommandId.of(NetFn.TRANSPORT, 0x22, "Get SOL Configuration Parameters");
    public static final int PARAMETER_NOT_SUPPORTED = 0x80;

    private GetSolConfigurationParameters() {}

    /**
     * @param channel      channel number 0..0Fh (0Eh = this channel is allowed here)
     * @param selector     parameter selector 0..255
     * @param revisionOnly byte 1 bit 7: return only the parameter revision
     * @param setSelector  set selector (0 for all standard SOL parameters)
     * @param blockSelector block selector (0 for all standard SOL parameters)
     */
    public record Request(int channel, int selector, boolean revisionOnly, int setSelector, int blockSelector)
            implements IpmiRequest<Response> {
        public Request {
            if (channel < 0 || channel > 0x0F) {
                throw new IllegalArgumentException("channel is 4 bits: " + channel);
            }
            for (int v : new int[] {selector, setSelector, blockSelector}) {
                if (v < 0 || v > 0xFF) {
                    throw new IllegalArgumentException("selectors are 8 bits: " + v);
                }
            }
        }

        public static Request of(int channel, int selector) {
            return new Request(channel, selector, false, 0, 0);
        }

        @Override
        public CommandId id() {
            return ID;
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8((revisionOnly ? 0x80 : 0) | channel).u8(selector).u8(setSelector).u8(blockSelector);
        }

        public static Request decode(ByteReader in) {
            int b = in.u8("channel");
            return new Request(b & 0x0F, in.u8("parameter selector"), (b & 0x80) != 0, in.u8("set selector"),
                    in.u8("block selector"));
        }

        @Override
        public Response decodeResponse(ByteReader in) {
            return Response.decode(in, revisionOnly ? -1 : selector);
        }
    }

    /**
     * @param revision  parameter revision byte (11h: present revision 1, oldest compatible 1)
     * @param parameter the decoded data; empty when only the revision was asked for
     */
    public record Response(int revision, Optional<SolParameter> parameter) implements IpmiResponse {
        public Response {
            if (revision < 0 || revision > 0xFF) {
                throw new IllegalArgumentException("revision is 8 bits: " + revision);
            }
        }

        /** @param selector the parameter asked for, or -1 for a revision-only request */
        public static Response decode(ByteReader in, int selector) {
            int revision = in.u8("parameter revision");
            if (selector < 0) {
                return new Response(revision, Optional.empty());
            }
            return new Response(revision, Optional.of(SolParameter.decode(selector, in)));
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8(revision);
            parameter.ifPresent(p -> p.encodeData(out));
        }
    }
}
