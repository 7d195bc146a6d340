package dev.ipmi.core.commands.app;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;
import java.util.Objects;
import java.util.Set;

/** Get Self Test Results — IPMI v2.0 §20.4, table 20-4. NetFn App (06h), cmd 04h. */
public final class GetSelfTestResults {
    public static final CommandId ID = CommandId.of(NetFn.APP, 0x04, "Get Self Test Results");

    private GetSelfTestResults() {}

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
     * @param result byte 2
     * @param detail byte 3: failure bits for 57h, a device-specific code for 58h and others, 00h for 55h/56h
     */
    public record Response(SelfTestResult result, int detail) implements IpmiResponse {
        public Response {
            Objects.requireNonNull(result, "result");
            if (detail < 0 || detail > 0xFF) {
                throw new IllegalArgumentException("detail is one byte: " + detail);
            }
        }

        static Response decode(ByteReader in) {
            SelfTestResult result = SelfTestResult.valueOf(in.u8("self test result"));
            return new Response(result, in.u8("self test detail"));
        }

        public boolean passed() {
            return result.equals(SelfTestResult.PASSED);
        }

        /** What failed when the result is 57h; empty otherwise. */
        public Set<SelfTestFailure> failures() {
            return result.equals(SelfTestResult.CORRUPTED_OR_INACCESSIBLE) ? SelfTestFailure.fromBits(detail) : Set.of();
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8(result.code()).u8(detail);
        }
    }
}
