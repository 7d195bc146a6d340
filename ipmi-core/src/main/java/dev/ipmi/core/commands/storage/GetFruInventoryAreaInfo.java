package dev.ipmi.core.commands.storage;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;

/** Get FRU Inventory Area Info — IPMI v2.0 §34.1, table 34-2. NetFn Storage (0Ah), cmd 10h. */
public final class GetFruInventoryAreaInfo {
    public static final CommandId ID = CommandId.of(NetFn.STORAGE, 0x10, "Get FRU Inventory Area Info");

    private GetFruInventoryAreaInfo() {}

    /** @param fruId FRU device ID (0 = the BMC's own FRU; FFh reserved) */
    public record Request(int fruId) implements IpmiRequest<Response> {
        public Request {
            GetSdr.check(fruId, 0xFE, "FRU device ID");
        }

        /** Decodes the request bytes (the BMC side of the exchange). */
        public static Request decode(ByteReader in) {
            int id = in.u8("FRU device ID");
            if (id == 0xFF) {
                throw in.malformed("FRU device ID", "FFh is reserved");
            }
            return new Request(id);
        }

        @Override
        public CommandId id() {
            return ID;
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8(fruId);
        }

        @Override
        public Response decodeResponse(ByteReader in) {
            return Response.decode(in);
        }
    }

    /**
     * @param areaSize   inventory area size in bytes
     * @param wordAccess true when the device is accessed in 16-bit words (offsets and counts in words)
     */
    public record Response(int areaSize, boolean wordAccess) implements IpmiResponse {
        static Response decode(ByteReader in) {
            return new Response(in.u16("FRU inventory area size"), (in.u8("access type") & 0x01) != 0);
        }

        @Override
        public void encode(ByteWriter out) {
            out.u16(areaSize).u8(wordAccess ? 1 : 0);
        }
    }
}
