package dev.ipmi.core.commands.sensor;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.commands.storage.GetSdr;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;

/**
 * Get Device SDR — IPMI v2.0 §35.3, table 35-3. NetFn Sensor/Event (04h), cmd 21h. Request and
 * response have the layout of {@link GetSdr}.
 */
public final class GetDeviceSdr {
    public static final CommandId ID = CommandId.of(NetFn.SENSOR_EVENT, 0x21, "Get Device SDR");

    private GetDeviceSdr() {}

    public record Request(int reservationId, int recordId, int offset, int count)
            implements IpmiRequest<GetSdr.Response> {
        public Request {
            new GetSdr.Request(reservationId, recordId, offset, count);
        }

        @Override
        public CommandId id() {
            return ID;
        }

        @Override
        public void encode(ByteWriter out) {
            out.u16(reservationId).u16(recordId).u8(offset).u8(count);
        }

        @Override
        public GetSdr.Response decodeResponse(ByteReader in) {
            return GetSdr.Response.decode(in);
        }
    }
}
