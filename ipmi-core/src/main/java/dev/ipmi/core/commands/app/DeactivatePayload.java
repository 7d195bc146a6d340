package dev.ipmi.core.commands.app;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;

/**
 * Deactivate Payload — IPMI v2.0 §24.2, table 24-4. NetFn App (06h), cmd 49h. Completion codes 80h
 * payload already deactivated, 81h payload type disabled.
 */
public final class DeactivatePayload {
    public static final CommandId ID = CommandId.of(NetFn.APP, 0x49, "Deactivate Payload");
    public static final int ALREADY_DEACTIVATED = 0x80;
    public static final int PAYLOAD_DISABLED = 0x81;

    private DeactivatePayload() {}

    public record Request(int payloadType, int instance) implements IpmiRequest<Response> {
        public Request {
            Payloads.checkType(payloadType);
            Payloads.checkInstance(instance);
        }

        public static Request sol() {
            return new Request(Payloads.SOL, 1);
        }

        @Override
        public CommandId id() {
            return ID;
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8(payloadType).u8(instance).zeros(4);
        }

        public static Request decode(ByteReader in) {
            int type = in.u8("payload type") & 0x3F;
            int instance = in.u8("payload instance") & 0x0F;
            if (instance == 0) {
                throw in.malformed("payload instance", "instance 0 is reserved");
            }
            in.skip(4, "payload auxiliary data");
            return new Request(type, instance);
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
