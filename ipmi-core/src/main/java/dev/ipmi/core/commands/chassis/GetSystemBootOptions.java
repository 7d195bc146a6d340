package dev.ipmi.core.commands.chassis;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;
import java.util.Objects;

/** Get System Boot Options — IPMI v2.0 §28.13, table 28-14. NetFn Chassis (00h), cmd 09h. */
public final class GetSystemBootOptions {
    public static final CommandId ID = CommandId.of(NetFn.CHASSIS, 0x09, "Get System Boot Options");

    private GetSystemBootOptions() {}

    /**
     * @param selector      byte 1 bits 6:0
     * @param setSelector   byte 2
     * @param blockSelector byte 3
     */
    public record Request(int selector, int setSelector, int blockSelector) implements IpmiRequest<Response> {
        public Request {
            if (selector < 0 || selector > 0x7F) {
                throw new IllegalArgumentException("boot option selector is 0..127: " + selector);
            }
            if (setSelector < 0 || setSelector > 0xFF || blockSelector < 0 || blockSelector > 0xFF) {
                throw new IllegalArgumentException("set/block selectors are one byte each");
            }
        }

        public static Request of(int selector) {
            return new Request(selector, 0, 0);
        }

        public static Request decode(ByteReader in) {
            return new Request(in.u8("parameter selector") & 0x7F, in.u8("set selector"), in.u8("block selector"));
        }

        @Override
        public CommandId id() {
            return ID;
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8(selector).u8(setSelector).u8(blockSelector);
        }

        @Override
        public Response decodeResponse(ByteReader in) {
            return Response.decode(in);
        }
    }

    /**
     * @param parameterVersion byte 2 bits 3:0 (1)
     * @param invalid          byte 3 bit 7: parameter marked invalid/locked
     * @param parameter        the selector from byte 3 bits 6:0 and its data
     */
    public record Response(int parameterVersion, boolean invalid, BootOptionParameter parameter)
            implements IpmiResponse {
        public Response {
            Objects.requireNonNull(parameter, "parameter");
            if (parameterVersion < 0 || parameterVersion > 0x0F) {
                throw new IllegalArgumentException("parameter version is 4 bits: " + parameterVersion);
            }
        }

        static Response decode(ByteReader in) {
            int version = in.u8("parameter version") & 0x0F;
            int sel = in.u8("parameter valid / selector");
            return new Response(version, (sel & 0x80) != 0, BootOptionParameter.decode(sel & 0x7F, in));
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8(parameterVersion).u8((invalid ? 0x80 : 0) | parameter.selector());
            parameter.encodeData(out);
        }
    }
}
