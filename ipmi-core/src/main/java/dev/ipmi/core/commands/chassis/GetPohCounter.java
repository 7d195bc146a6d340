package dev.ipmi.core.commands.chassis;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;
import java.time.Duration;

/** Get POH Counter — IPMI v2.0 §28.14, table 28-15. NetFn Chassis (00h), cmd 0Fh. */
public final class GetPohCounter {
    public static final CommandId ID = CommandId.of(NetFn.CHASSIS, 0x0F, "Get POH Counter");

    private GetPohCounter() {}

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

    /**
     * @param minutesPerCount byte 2
     * @param counter         bytes 3-6, power-on counts (LS byte first)
     */
    public record Response(int minutesPerCount, long counter) implements IpmiResponse {
        public Response {
            if (minutesPerCount < 0 || minutesPerCount > 0xFF) {
                throw new IllegalArgumentException("minutes per count is one byte: " + minutesPerCount);
            }
            if (counter < 0 || counter > 0xFFFFFFFFL) {
                throw new IllegalArgumentException("counter is 32 bits: " + counter);
            }
        }

        static Response decode(ByteReader in) {
            int minutes = in.u8("minutes per count");
            long counter = in.u32("counter reading");
            return new Response(minutes, counter);
        }

        /** Total power-on time (counter × minutes per count). */
        public Duration powerOnTime() {
            return Duration.ofMinutes(counter * minutesPerCount);
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8(minutesPerCount).u32(counter);
        }
    }
}
