package dev.ipmi.core.commands.sensor;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;
import java.util.OptionalLong;

/** Get Device SDR Info — IPMI v2.0 §35.2, table 35-2. NetFn Sensor/Event (04h), cmd 20h. */
public final class GetDeviceSdrInfo {
    public static final CommandId ID = CommandId.of(NetFn.SENSOR_EVENT, 0x20, "Get Device SDR Info");

    private GetDeviceSdrInfo() {}

    /** @param sdrCount true: count SDRs (operation bit 0 = 1); false: count sensors on this LUN */
    public record Request(boolean sdrCount) implements IpmiRequest<Response> {
        @Override
        public CommandId id() {
            return ID;
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8(sdrCount ? 0x01 : 0x00);
        }

        @Override
        public Response decodeResponse(ByteReader in) {
            return Response.decode(in);
        }
    }

    /**
     * @param count              number of SDRs or sensors (per the request)
     * @param flags              [7] dynamic sensor population, [3:0] LUNs that have sensors
     * @param populationChange   sensor population change indicator (present with dynamic population)
     */
    public record Response(int count, int flags, OptionalLong populationChange) implements IpmiResponse {
        static Response decode(ByteReader in) {
            int count = in.u8("count");
            int flags = in.u8("flags");
            OptionalLong change = in.remaining() >= 4 ? OptionalLong.of(in.u32("sensor population change indicator"))
                    : OptionalLong.empty();
            return new Response(count, flags, change);
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8(count).u8(flags);
            populationChange.ifPresent(out::u32);
        }

        public boolean dynamicPopulation() {
            return (flags & 0x80) != 0;
        }
    }
}
