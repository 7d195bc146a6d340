package dev.ipmi.core.commands.storage;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;

/** Get SDR Repository Info — IPMI v2.0 §33.9, table 33-3. NetFn Storage (0Ah), cmd 20h. */
public final class GetSdrRepositoryInfo {
    public static final CommandId ID = CommandId.of(NetFn.STORAGE, 0x20, "Get SDR Repository Info");

    private GetSdrRepositoryInfo() {}

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
     * @param sdrVersion        BCD, 51h for IPMI v1.5/2.0
     * @param recordCount       number of records (some BMCs get it wrong: iterate to FFFFh instead)
     * @param freeSpace         free bytes; FFFEh = "64 KiB − 2 or more", FFFFh = unspecified
     * @param lastAddition      most recent addition timestamp (seconds, raw)
     * @param lastErase         most recent erase timestamp (seconds, raw)
     * @param operationSupport  byte 14: [7] overflow, [6:5] update modes, [3] Delete SDR, [2] Partial Add,
     *                          [1] Reserve SDR Repository, [0] Get Allocation Info
     */
    public record Response(int sdrVersion, int recordCount, int freeSpace, long lastAddition, long lastErase,
                           int operationSupport) implements IpmiResponse {
        public static final int OVERFLOW = 0x80;
        public static final int DELETE_SUPPORTED = 0x08;
        public static final int PARTIAL_ADD_SUPPORTED = 0x04;
        public static final int RESERVE_SUPPORTED = 0x02;
        public static final int ALLOCATION_INFO_SUPPORTED = 0x01;

        static Response decode(ByteReader in) {
            return new Response(in.u8("SDR version"), in.u16("record count"), in.u16("free space"),
                    in.u32("most recent addition timestamp"), in.u32("most recent erase timestamp"),
                    in.u8("operation support"));
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8(sdrVersion).u16(recordCount).u16(freeSpace).u32(lastAddition).u32(lastErase).u8(operationSupport);
        }

        public boolean overflow() {
            return (operationSupport & OVERFLOW) != 0;
        }

        public boolean reserveSupported() {
            return (operationSupport & RESERVE_SUPPORTED) != 0;
        }

        /** [6:5]: 0 unspecified, 1 non-modal, 2 modal, 3 both. */
        public int updateModes() {
            return (operationSupport >>> 5) & 0x03;
        }
    }
}
