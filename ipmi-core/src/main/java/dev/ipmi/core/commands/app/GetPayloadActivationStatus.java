package dev.ipmi.core.commands.app;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;

/** Get Payload Activation Status — IPMI v2.0 §24.4, table 24-6. NetFn App (06h), cmd 4Ah. */
public final class GetPayloadActivationStatus {
    public static final CommandId ID = CommandId.of(NetFn.APP, 0x4A, "Get Payload Activation Status");

    private GetPayloadActivationStatus() {}

    public record Request(int payloadType) implements IpmiRequest<Response> {
        public Request {
            Payloads.checkType(payloadType);
        }

        @Override
        public CommandId id() {
            return ID;
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8(payloadType);
        }

        @Override
        public Response decodeResponse(ByteReader in) {
            return Response.decode(in);
        }
    }

    /**
     * @param instanceCapacity how many instances of the payload the BMC supports (some BMCs report 0:
     *                         treat as 1)
     * @param activeBitmap     bit n-1 set = instance n active (instances 1..16)
     */
    public record Response(int instanceCapacity, int activeBitmap) implements IpmiResponse {
        public Response {
            if (instanceCapacity < 0 || instanceCapacity > 0x0F) {
                throw new IllegalArgumentException("instance capacity is 4 bits: " + instanceCapacity);
            }
            if (activeBitmap < 0 || activeBitmap > 0xFFFF) {
                throw new IllegalArgumentException("active bitmap is 16 bits: " + activeBitmap);
            }
        }

        static Response decode(ByteReader in) {
            int capacity = in.u8("instance capacity") & 0x0F;
            int bitmap = in.u16("instance activation bitmap");
            return new Response(capacity, bitmap);
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8(instanceCapacity).u16(activeBitmap);
        }

        public boolean isActive(int instance) {
            if (instance < 1 || instance > 16) {
                throw new IllegalArgumentException("payload instance must be 1..16: " + instance);
            }
            return (activeBitmap & (1 << (instance - 1))) != 0;
        }
    }
}
