package dev.ipmi.core.commands.sensor;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;

/** Set Sensor Thresholds — IPMI v2.0 §35.8, table 35-8. NetFn Sensor/Event (04h), cmd 26h. */
public final class SetSensorThresholds {
    public static final CommandId ID = CommandId.of(NetFn.SENSOR_EVENT, 0x26, "Set Sensor Thresholds");

    private SetSensorThresholds() {}

    /** Raw values; only the thresholds whose bit ({@link GetSensorThresholds#LNC} …) is in {@code setMask} change. */
    public record Request(int sensorNumber, int setMask, int lnc, int lcr, int lnr, int unc, int ucr, int unr)
            implements IpmiRequest<Response> {
        public Request {
            new GetSensorReading.Request(sensorNumber);
            if ((setMask & ~0x3F) != 0) {
                throw new IllegalArgumentException("threshold mask has 6 bits: " + setMask);
            }
            for (int v : new int[] {lnc, lcr, lnr, unc, ucr, unr}) {
                if (v < 0 || v > 0xFF) {
                    throw new IllegalArgumentException("raw threshold out of range 0..255: " + v);
                }
            }
        }

        @Override
        public CommandId id() {
            return ID;
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8(sensorNumber).u8(setMask).u8(lnc).u8(lcr).u8(lnr).u8(unc).u8(ucr).u8(unr);
        }

        @Override
        public Response decodeResponse(ByteReader in) {
            return new Response();
        }
    }

    public record Response() implements IpmiResponse {
        @Override
        public void encode(ByteWriter out) {}
    }
}
