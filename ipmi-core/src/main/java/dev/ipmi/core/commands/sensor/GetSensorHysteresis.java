package dev.ipmi.core.commands.sensor;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;

/** Get Sensor Hysteresis — IPMI v2.0 §35.7, table 35-7. NetFn Sensor/Event (04h), cmd 25h. */
public final class GetSensorHysteresis {
    public static final CommandId ID = CommandId.of(NetFn.SENSOR_EVENT, 0x25, "Get Sensor Hysteresis");

    private GetSensorHysteresis() {}

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
            // the second byte is the reserved "hysteresis mask", FFh per the spec
            out.u8(sensorNumber).u8(0xFF);
        }

        @Override
        public Response decodeResponse(ByteReader in) {
            return Response.decode(in);
        }
    }

    /** Raw hysteresis counts (0 = none or unspecified). */
    public record Response(int positive, int negative) implements IpmiResponse {
        static Response decode(ByteReader in) {
            return new Response(in.u8("positive-going hysteresis"), in.u8("negative-going hysteresis"));
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8(positive).u8(negative);
        }
    }
}
