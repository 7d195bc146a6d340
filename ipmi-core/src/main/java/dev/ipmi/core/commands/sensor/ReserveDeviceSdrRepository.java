package dev.ipmi.core.commands.sensor;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;

/** Reserve Device SDR Repository — IPMI v2.0 §35.4, table 35-4. NetFn Sensor/Event (04h), cmd 22h. */
public final class ReserveDeviceSdrRepository {
    public static final CommandId ID = CommandId.of(NetFn.SENSOR_EVENT, 0x22, "Reserve Device SDR Repository");

    private ReserveDeviceSdrRepository() {}

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

    public record Response(int reservationId) implements IpmiResponse {
        static Response decode(ByteReader in) {
            return new Response(in.u16("reservation ID"));
        }

        @Override
        public void encode(ByteWriter out) {
            out.u16(reservationId);
        }
    }
}
