package dev.ipmi.core.commands.dcmi;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;

/**
 * Get Power Reading — DCMI v1.5 §6.6.1, table 6-16. NetFn Group Extension (2Ch), cmd 02h, group
 * extension DCh.
 */
public final class GetPowerReading {
    public static final CommandId ID = CommandId.of(NetFn.GROUP_EXTENSION, 0x02, "Get Power Reading");
    /** Mode 1: system power statistics. */
    public static final int MODE_SYSTEM_POWER_STATISTICS = 0x01;
    /** Mode 2: enhanced system power statistics (rolling average period in the attributes byte). */
    public static final int MODE_ENHANCED_SYSTEM_POWER_STATISTICS = 0x02;

    private GetPowerReading() {}

    /**
     * @param mode           byte 2: 01h or 02h
     * @param modeAttributes byte 3: 0 for mode 1; for mode 2 the rolling average period, bits 7:6 unit
     *                       (0 seconds, 1 minutes, 2 hours, 3 days) and bits 5:0 the count
     */
    public record Request(int mode, int modeAttributes) implements IpmiRequest<Response> {
        public Request {
            if (mode < 0 || mode > 0xFF || modeAttributes < 0 || modeAttributes > 0xFF) {
                throw new IllegalArgumentException("mode and attributes are one byte each");
            }
        }

        /** What ipmitool's {@code dcmi power reading} sends: DC 01 00 00. */
        public static Request systemPowerStatistics() {
            return new Request(MODE_SYSTEM_POWER_STATISTICS, 0);
        }

        public static Request enhanced(int rollingAveragePeriod) {
            return new Request(MODE_ENHANCED_SYSTEM_POWER_STATISTICS, rollingAveragePeriod);
        }

        public static Request decode(ByteReader in) {
            Dcmi.readGroupId(in);
            int mode = in.u8("mode");
            int attributes = in.u8("mode attributes");
            in.skip(1, "reserved");
            return new Request(mode, attributes);
        }

        @Override
        public CommandId id() {
            return ID;
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8(Dcmi.GROUP_EXTENSION_ID).u8(mode).u8(modeAttributes).u8(0);
        }

        @Override
        public Response decodeResponse(ByteReader in) {
            return Response.decode(in);
        }
    }

    /**
     * @param currentWatts        bytes 2-3
     * @param minimumWatts        bytes 4-5, over the sampling period
     * @param maximumWatts        bytes 6-7
     * @param averageWatts        bytes 8-9
     * @param timestamp           bytes 10-13, IPMI timestamp (seconds since 1970) of the reading
     * @param reportingPeriodMs   bytes 14-17, statistics reporting time period in milliseconds
     * @param measurementActive   byte 18 bit 6: when false the readings carry no meaning
     */
    public record Response(int currentWatts, int minimumWatts, int maximumWatts, int averageWatts, long timestamp,
                           long reportingPeriodMs, boolean measurementActive) implements IpmiResponse {
        public Response {
            for (int w : new int[] {currentWatts, minimumWatts, maximumWatts, averageWatts}) {
                if (w < 0 || w > 0xFFFF) {
                    throw new IllegalArgumentException("power readings are 16 bits: " + w);
                }
            }
            if (timestamp < 0 || timestamp > 0xFFFFFFFFL || reportingPeriodMs < 0 || reportingPeriodMs > 0xFFFFFFFFL) {
                throw new IllegalArgumentException("timestamp and period are 32 bits");
            }
        }

        static Response decode(ByteReader in) {
            Dcmi.readGroupId(in);
            int current = in.u16("current power");
            int min = in.u16("minimum power");
            int max = in.u16("maximum power");
            int avg = in.u16("average power");
            long ts = in.u32("timestamp");
            long period = in.u32("statistics reporting time period");
            int state = in.u8("power reading state");
            return new Response(current, min, max, avg, ts, period, (state & 0x40) != 0);
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8(Dcmi.GROUP_EXTENSION_ID).u16(currentWatts).u16(minimumWatts).u16(maximumWatts).u16(averageWatts)
                    .u32(timestamp).u32(reportingPeriodMs).u8(measurementActive ? 0x40 : 0);
        }
    }
}
