package dev.ipmi.core.commands.transport;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;
import java.util.Objects;
import java.util.Optional;

/**
 * Get LAN Configuration Parameters — IPMI v2.0 §23.2, table 23-3. NetFn Transport (0Ch), cmd 02h.
 * Command-specific completion code 80h: parameter not supported (ipmitool prints "Not Available").
 */
public final class GetLanConfigurationParameters {
    public static final CommandId ID = CommandId.of(NetFn.TRANSPORT, 0x02, "Get LAN Configuration Parameters");

    private GetLanConfigurationParameters() {}

    /**
     * @param channel       byte 1 bits 3:0
     * @param revisionOnly  byte 1 bit 7: return only the parameter revision
     * @param selector      byte 2
     * @param setSelector   byte 3
     * @param blockSelector byte 4
     */
    public record Request(int channel, boolean revisionOnly, int selector, int setSelector, int blockSelector)
            implements IpmiRequest<Response> {
        public Request {
            if (channel < 0 || channel > 0x0F) {
                throw new IllegalArgumentException("channel number is 0..15: " + channel);
            }
            for (int b : new int[] {selector, setSelector, blockSelector}) {
                if (b < 0 || b > 0xFF) {
                    throw new IllegalArgumentException("selectors are one byte each");
                }
            }
        }

        /** What ipmitool sends for {@code lan print}: set and block selector 0. */
        public static Request of(int channel, int selector) {
            return new Request(channel, false, selector, 0, 0);
        }

        public static Request decode(ByteReader in) {
            int b = in.u8("channel number");
            return new Request(b & 0x0F, (b & 0x80) != 0, in.u8("parameter selector"), in.u8("set selector"),
                    in.u8("block selector"));
        }

        @Override
        public CommandId id() {
            return ID;
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8((revisionOnly ? 0x80 : 0) | channel).u8(selector).u8(setSelector).u8(blockSelector);
        }

        @Override
        public Response decodeResponse(ByteReader in) {
            return Response.decode(selector, in);
        }
    }

    /**
     * @param revision  byte 2: [7:4] oldest compatible, [3:0] present revision (11h)
     * @param parameter the data, typed by the requested selector; empty when only the revision came back
     */
    public record Response(int revision, Optional<LanParameter> parameter) implements IpmiResponse {
        public Response {
            Objects.requireNonNull(parameter, "parameter");
            if (revision < 0 || revision > 0xFF) {
                throw new IllegalArgumentException("revision is one byte: " + revision);
            }
        }

        /** Decodes the data of parameter {@code selector}. */
        public static Response decode(int selector, ByteReader in) {
            int revision = in.u8("parameter revision");
            if (!in.hasRemaining()) {
                return new Response(revision, Optional.empty());
            }
            return new Response(revision, Optional.of(LanParameter.decode(selector, in)));
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8(revision);
            parameter.ifPresent(p -> p.encodeData(out));
        }
    }
}
