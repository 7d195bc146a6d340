package dev.ipmi.core.commands.sensor;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;

/** Get Sensor Event Enable — IPMI v2.0 §35.11, table 35-11. NetFn Sensor/Event (04h), cmd 29h. */
public final class GetSensorEventEnable {
    public static final CommandId ID = CommandId.of(NetFn.SENSOR_EVENT, 0x29, "Get Sensor Event Enable");

    private GetSensorEventEnable() {}

    public record Request(int sensorNumber) implements IpmiRequest<Response> {
        public Request {
            new GetSensorReading.Request(sensorNumber);
        }

        @Override
        public CommandId id() {
            return ID;
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8(sensorNumber);
        }

        @Override
        public Response decodeResponse(ByteReader in) {
            return Response.decode(in);
        }
    }

    /**
     * @param flags        [7] all event messages enabled, [6] sensor scanning enabled
     * @param assertions   15 assertion-event enable bits (threshold sensors: bit 2n = going low, 2n+1 = going high
     *                     for LNC, LCR, LNR, UNC, UCR, UNR); absent bytes read as 0
     * @param deassertions 15 deassertion-event enable bits
     */
    public record Response(int flags, int assertions, int deassertions) implements IpmiResponse {
        static Response decode(ByteReader in) {
            int flags = in.u8("flags");
            int a = in.hasRemaining() ? in.u8("assertion events 0-7") : 0;
            a |= in.hasRemaining() ? (in.u8("assertion events 8-14") & 0x7F) << 8 : 0;
            int d = in.hasRemaining() ? in.u8("deassertion events 0-7") : 0;
            d |= in.hasRemaining() ? (in.u8("deassertion events 8-14") & 0x7F) << 8 : 0;
            return new Response(flags, a, d);
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8(flags).u16(assertions & 0x7FFF).u16(deassertions & 0x7FFF);
        }
    }
}
