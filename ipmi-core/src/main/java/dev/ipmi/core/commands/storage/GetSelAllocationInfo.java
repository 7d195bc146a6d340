package dev.ipmi.core.commands.storage;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;

/** Get SEL Allocation Info — IPMI v2.0 §31.3, table 31-3. NetFn Storage (0Ah), cmd 41h. */
public final class GetSelAllocationInfo {
    public static final CommandId ID = CommandId.of(NetFn.STORAGE, 0x41, "Get SEL Allocation Info");

    private GetSelAllocationInfo() {}

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
     * @param allocationUnits number of possible allocation units (0 = unspecified)
     * @param unitSize        allocation unit size in bytes (0 = unspecified)
     * @param freeUnits       number of free allocation units
     * @param largestFreeBlock largest free block in allocation units
     * @param maxRecordSize   maximum record size in allocation units
     */
    public record Response(int allocationUnits, int unitSize, int freeUnits, int largestFreeBlock, int maxRecordSize)
            implements IpmiResponse {
        static Response decode(ByteReader in) {
            return new Response(in.u16("possible allocation units"), in.u16("allocation unit size"),
                    in.u16("free allocation units"), in.u16("largest free block"), in.u8("maximum record size"));
        }

        @Override
        public void encode(ByteWriter out) {
            out.u16(allocationUnits).u16(unitSize).u16(freeUnits).u16(largestFreeBlock).u8(maxRecordSize);
        }
    }
}
