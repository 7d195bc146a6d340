package dev.ipmi.core.commands.storage;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;

/** Get SEL Info — IPMI v2.0 §31.2, table 31-2. NetFn Storage (0Ah), cmd 40h. */
public final class GetSelInfo {
    public static final CommandId ID = CommandId.of(NetFn.STORAGE, 0x40, "Get SEL Info");

    private GetSelInfo() {}

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
     * @param selVersion       BCD, 51h for IPMI v1.5/2.0
     * @param entries          number of log entries
     * @param freeSpace        free space in bytes (FFFFh = 65535 or more)
     * @param lastAddition     most recent addition timestamp (raw seconds)
     * @param lastErase        most recent erase timestamp (raw seconds)
     * @param operationSupport [7] overflow, [3] Delete, [2] Partial Add, [1] Reserve, [0] Get Allocation Info
     */
    public record Response(int selVersion, int entries, int freeSpace, long lastAddition, long lastErase,
                           int operationSupport) implements IpmiResponse {
        public static final int OVERFLOW = 0x80;
        public static final int DELETE_SUPPORTED = 0x08;
        public static final int PARTIAL_ADD_SUPPORTED = 0x04;
        public static final int RESERVE_SUPPORTED = 0x02;
        public static final int ALLOCATION_INFO_SUPPORTED = 0x01;

        static Response decode(ByteReader in) {
            return new Response(in.u8("SEL version"), in.u16("entries"), in.u16("free space"),
                    in.u32("most recent addition timestamp"), in.u32("most recent erase timestamp"),
                    in.u8("operation support"));
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8(selVersion).u16(entries).u16(freeSpace).u32(lastAddition).u32(lastErase).u8(operationSupport);
        }

        public boolean overflow() {
            return (operationSupport & OVERFLOW) != 0;
        }

        public boolean reserveSupported() {
            return (operationSupport & RESERVE_SUPPORTED) != 0;
        }

        public boolean deleteSupported() {
            return (operationSupport & DELETE_SUPPORTED) != 0;
        }
    }
}
