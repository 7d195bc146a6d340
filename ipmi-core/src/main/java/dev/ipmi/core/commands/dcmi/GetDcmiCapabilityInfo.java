package dev.ipmi.core.commands.dcmi;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;
import java.util.Objects;

/**
 * Get DCMI Capability Info — DCMI v1.5 §6.1.1, table 6-2. NetFn Group Extension (2Ch), cmd 01h,
 * group extension DCh. ipmitool's {@code dcmi discover} starts with parameter 1.
 */
public final class GetDcmiCapabilityInfo {
    public static final CommandId ID = CommandId.of(NetFn.GROUP_EXTENSION, 0x01, "Get DCMI Capability Info");

    private GetDcmiCapabilityInfo() {}

    /** @param selector byte 2, the capability parameter */
    public record Request(int selector) implements IpmiRequest<Response> {
        public Request {
            if (selector < 0 || selector > 0xFF) {
                throw new IllegalArgumentException("parameter selector is one byte: " + selector);
            }
        }

        public static Request decode(ByteReader in) {
            Dcmi.readGroupId(in);
            return new Request(in.u8("parameter selector"));
        }

        @Override
        public CommandId id() {
            return ID;
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8(Dcmi.GROUP_EXTENSION_ID).u8(selector);
        }

        @Override
        public Response decodeResponse(ByteReader in) {
            return Response.decode(selector, in);
        }
    }

    /**
     * @param majorVersion      DCMI specification conformance, major (01h)
     * @param minorVersion      minor (e.g. 05h for 1.5)
     * @param parameterRevision parameter revision (02h for DCMI 1.5)
     * @param parameter         the data, typed by the requested selector
     */
    public record Response(int majorVersion, int minorVersion, int parameterRevision,
                           DcmiCapabilityParameter parameter) implements IpmiResponse {
        public Response {
            Objects.requireNonNull(parameter, "parameter");
            for (int b : new int[] {majorVersion, minorVersion, parameterRevision}) {
                if (b < 0 || b > 0xFF) {
                    throw new IllegalArgumentException("versions are one byte each");
                }
            }
        }

        public static Response decode(int selector, ByteReader in) {
            Dcmi.readGroupId(in);
            int major = in.u8("DCMI major version");
            int minor = in.u8("DCMI minor version");
            int revision = in.u8("parameter revision");
            return new Response(major, minor, revision, DcmiCapabilityParameter.decode(selector, in));
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8(Dcmi.GROUP_EXTENSION_ID).u8(majorVersion).u8(minorVersion).u8(parameterRevision);
            parameter.encodeData(out);
        }
    }
}
