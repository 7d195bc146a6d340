package dev.ipmi.core.commands.app;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.types.ByteString;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;
import java.util.Arrays;
import java.util.Objects;

/**
 * Get Payload Instance Info — IPMI v2.0 §24.5, table 24-7. NetFn App (06h), cmd 4Bh. Tells which
 * session owns an active instance (0 = not active); pyghmi polls it to notice a console taken over by
 * another session.
 */
public final class GetPayloadInstanceInfo {
    public static final CommandId ID = CommandId.of(NetFn.APP, 0x4B, "Get Payload Instance Info");
    private static final int PAYLOAD_SPECIFIC_LENGTH = 8;

    private GetPayloadInstanceInfo() {}

    public record Request(int payloadType, int instance) implements IpmiRequest<Response> {
        public Request {
            Payloads.checkType(payloadType);
            Payloads.checkInstance(instance);
        }

        @Override
        public CommandId id() {
            return ID;
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8(payloadType).u8(instance);
        }

        @Override
        public Response decodeResponse(ByteReader in) {
            return Response.decode(in);
        }
    }

    /**
     * @param sessionId       the BMC's ID of the session the instance is active on (0 = not active), bitwise
     * @param payloadSpecific 8 bytes; for SOL byte 0 is the serial port number (1 = primary)
     */
    public record Response(int sessionId, ByteString payloadSpecific) implements IpmiResponse {
        public Response {
            Objects.requireNonNull(payloadSpecific, "payloadSpecific");
            if (payloadSpecific.size() != PAYLOAD_SPECIFIC_LENGTH) {
                throw new IllegalArgumentException("payload-specific data is 8 bytes: " + payloadSpecific.size());
            }
        }

        /** Copies the byte array. */
        public Response(int sessionId, byte[] payloadSpecific) {
            this(sessionId, ByteString.of(payloadSpecific));
        }

        static Response decode(ByteReader in) {
            int sid = in.i32("session ID");
            // Short replies are padded: some BMCs send only the port byte.
            byte[] rest = in.rest();
            return new Response(sid, Arrays.copyOf(rest, PAYLOAD_SPECIFIC_LENGTH));
        }

        @Override
        public void encode(ByteWriter out) {
            out.i32(sessionId).bytes(payloadSpecific);
        }

        public boolean active() {
            return sessionId != 0;
        }

        /** SOL: the serial port number the instance is attached to. */
        public int solPortNumber() {
            return payloadSpecific.u8(0);
        }
    }
}
