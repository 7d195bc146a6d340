package dev.ipmi.core.commands.sensor;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;

/** Get Sensor Thresholds — IPMI v2.0 §35.9, table 35-9. NetFn Sensor/Event (04h), cmd 27h. */
public final class GetSensorThresholds {
    public static final CommandId ID = CommandId.of(NetFn.SENSOR_EVENT, 0x27, "Get Sensor Thresholds");
    public static final int LNC = 0x01;
    public static final int LCR = 0x02;
    public static final int LNR = 0x04;
    public static final int UNC = 0x08;
    public static final int UCR = 0x10;
    public static final int UNR = 0x20;

    private GetSensorThresholds() {}

    public record Request(int sensorNumber) implements IpmiRequest<Response> {
        public Request {
            new GetSensorReading.Request(sensorNumber);
        }

        /** Decodes the request bytes (the BMC side of the exchange); sensor number FFh is reserved. */
        public static Request decode(ByteReader in) {
            int n = in.u8("sensor number");
            if (n == 0xFF) {
                throw in.malformed("sensor number", "FFh is reserved");
            }
            return new Request(n);
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

    /** Raw threshold values; {@code readableMask} bits {@link #LNC} … {@link #UNR} say which are valid. */
    public record Response(int readableMask, int lnc, int lcr, int lnr, int unc, int ucr, int unr)
            implements IpmiResponse {
        static Response decode(ByteReader in) {
            return new Response(in.u8("readable thresholds mask") & 0x3F, in.u8("lower non-critical"),
                    in.u8("lower critical"), in.u8("lower non-recoverable"), in.u8("upper non-critical"),
                    in.u8("upper critical"), in.u8("upper non-recoverable"));
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8(readableMask).u8(lnc).u8(lcr).u8(lnr).u8(unc).u8(ucr).u8(unr);
        }

        public boolean readable(int bit) {
            return (readableMask & bit) != 0;
        }
    }
}
