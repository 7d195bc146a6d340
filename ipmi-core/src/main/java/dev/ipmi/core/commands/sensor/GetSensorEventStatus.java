package dev.ipmi.core.commands.sensor;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;

/** Get Sensor Event Status — IPMI v2.0 §35.13, table 35-14. NetFn Sensor/Event (04h), cmd 2Bh. */
public final class GetSensorEventStatus {
    public static final CommandId ID = CommandId.of(NetFn.SENSOR_EVENT, 0x2B, "Get Sensor Event Status");

    private GetSensorEventStatus() {}

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
     * @param flags        [7] 0 = all event messages disabled, [6] 0 = scanning disabled, [5] reading unavailable
     * @param assertions   15 assertion-event bits (threshold sensors: bit n = table 35-14 order); absent bytes as 0
     * @param deassertions 15 deassertion-event bits
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

        public boolean scanningEnabled() {
            return (flags & 0x40) != 0;
        }

        public boolean readingUnavailable() {
            return (flags & 0x20) != 0;
        }
    }
}
