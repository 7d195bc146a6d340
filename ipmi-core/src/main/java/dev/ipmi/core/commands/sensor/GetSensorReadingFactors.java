package dev.ipmi.core.commands.sensor;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.sdr.ConversionFactors;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;

/**
 * Get Sensor Reading Factors — IPMI v2.0 §35.5, table 35-5. NetFn Sensor/Event (04h), cmd 23h.
 * Needed for non-linear sensors (linearization 70h–7Fh), whose M/B/K change with the reading.
 */
public final class GetSensorReadingFactors {
    public static final CommandId ID = CommandId.of(NetFn.SENSOR_EVENT, 0x23, "Get Sensor Reading Factors");

    private GetSensorReadingFactors() {}

    public record Request(int sensorNumber, int rawReading) implements IpmiRequest<Response> {
        public Request {
            new GetSensorReading.Request(sensorNumber);
            if (rawReading < 0 || rawReading > 0xFF) {
                throw new IllegalArgumentException("raw reading out of range 0..255: " + rawReading);
            }
        }

        @Override
        public CommandId id() {
            return ID;
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8(sensorNumber).u8(rawReading);
        }

        @Override
        public Response decodeResponse(ByteReader in) {
            return Response.decode(in);
        }
    }

    /**
     * @param nextReading the next raw reading at which the factors change
     * @param factors     M, tolerance, B, accuracy, accuracy exponent, direction, R and B exponents
     */
    public record Response(int nextReading, ConversionFactors factors) implements IpmiResponse {
        static Response decode(ByteReader in) {
            return new Response(in.u8("next reading"), ConversionFactors.decode(in));
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8(nextReading);
            factors.encode(out);
        }
    }
}
