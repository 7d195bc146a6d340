package dev.ipmi.core.commands.chassis;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;
import java.util.OptionalInt;

/**
 * Chassis Identify — IPMI v2.0 §28.5, table 28-6. NetFn Chassis (00h), cmd 04h. Without data the
 * BMC uses its default interval (15 s); byte 2 (force on) is optional and some BMCs reject it.
 */
public final class ChassisIdentify {
    public static final CommandId ID = CommandId.of(NetFn.CHASSIS, 0x04, "Chassis Identify");

    private ChassisIdentify() {}

    /**
     * @param intervalSeconds identify interval, 0 turns identify off; empty = BMC default
     * @param forceOn         turn identify on indefinitely (byte 2 bit 0); the interval is then sent as 0 unless given
     */
    public record Request(OptionalInt intervalSeconds, boolean forceOn) implements IpmiRequest<Response> {
        public Request {
            if (intervalSeconds.isPresent() && (intervalSeconds.getAsInt() < 0 || intervalSeconds.getAsInt() > 255)) {
                throw new IllegalArgumentException("identify interval is 0..255 s: " + intervalSeconds.getAsInt());
            }
            if (forceOn && intervalSeconds.isEmpty()) {
                intervalSeconds = OptionalInt.of(0);
            }
        }

        public static Request defaultInterval() {
            return new Request(OptionalInt.empty(), false);
        }

        public static Request seconds(int seconds) {
            return new Request(OptionalInt.of(seconds), false);
        }

        public static Request force() {
            return new Request(OptionalInt.of(0), true);
        }

        public static Request decode(ByteReader in) {
            int interval = in.u8OrAbsent("identify interval");
            int force = in.u8OrAbsent("force identify on");
            return new Request(interval < 0 ? OptionalInt.empty() : OptionalInt.of(interval),
                    force >= 0 && (force & 0x01) != 0);
        }

        @Override
        public CommandId id() {
            return ID;
        }

        @Override
        public void encode(ByteWriter out) {
            intervalSeconds.ifPresent(out::u8);
            if (forceOn) {
                out.u8(0x01);
            }
        }

        @Override
        public Response decodeResponse(ByteReader in) {
            return Response.decode(in);
        }
    }

    /** No data beyond the completion code (ipmi_sim 2.0.33 appends junk bytes, which are ignored). */
    public record Response() implements IpmiResponse {
        static Response decode(ByteReader in) {
            return new Response();
        }

        @Override
        public void encode(ByteWriter out) {}
    }
}
