package dev.ipmi.core.commands.sensor;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;
import java.util.OptionalInt;

/** Get Sensor Reading — IPMI v2.0 §35.14, table 35-15. NetFn Sensor/Event (04h), cmd 2Dh. */
public final class GetSensorReading {
    public static final CommandId ID = CommandId.of(NetFn.SENSOR_EVENT, 0x2D, "Get Sensor Reading");

    private GetSensorReading() {}

    public record Request(int sensorNumber) implements IpmiRequest<Response> {
        public Request {
            if (sensorNumber < 0 || sensorNumber > 0xFE) {
                throw new IllegalArgumentException("sensor number out of range 0..254: " + sensorNumber);
            }
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

    /**
     * @param raw    the raw reading byte (meaningless for discrete sensors and when unavailable)
     * @param flags  byte 3: [7] 0 = all event messages disabled, [6] 0 = sensor scanning disabled,
     *               [5] 1 = reading/state unavailable
     * @param state1 threshold comparison status (threshold sensors) or states 0–7 (discrete), if sent
     * @param state2 states 8–14 (discrete), if sent
     */
    public record Response(int raw, int flags, OptionalInt state1, OptionalInt state2) implements IpmiResponse {
        static Response decode(ByteReader in) {
            int raw = in.u8("sensor reading");
            int flags = in.u8("reading flags");
            OptionalInt s1 = in.hasRemaining() ? OptionalInt.of(in.u8("state byte 1")) : OptionalInt.empty();
            OptionalInt s2 = in.hasRemaining() ? OptionalInt.of(in.u8("state byte 2")) : OptionalInt.empty();
            return new Response(raw, flags, s1, s2);
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8(raw).u8(flags);
            state1.ifPresent(out::u8);
            if (state1.isPresent()) {
                state2.ifPresent(out::u8);
            }
        }

        public boolean eventMessagesEnabled() {
            return (flags & 0x80) != 0;
        }

        public boolean scanningEnabled() {
            return (flags & 0x40) != 0;
        }

        public boolean readingUnavailable() {
            return (flags & 0x20) != 0;
        }

        /** The 15 discrete state bits (state 0 = bit 0), absent bytes read as 0. */
        public int discreteStates() {
            return state1.orElse(0) | (state2.orElse(0) & 0x7F) << 8;
        }
    }
}
