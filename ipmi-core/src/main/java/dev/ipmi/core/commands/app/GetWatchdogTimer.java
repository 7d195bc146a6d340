package dev.ipmi.core.commands.app;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/** Get Watchdog Timer — IPMI v2.0 §27.7, table 27-8. NetFn App (06h), cmd 25h. */
public final class GetWatchdogTimer {
    public static final CommandId ID = CommandId.of(NetFn.APP, 0x25, "Get Watchdog Timer");

    private GetWatchdogTimer() {}

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

    /** Timer-use expiration flags (byte 5 bits 5:1). */
    public enum ExpirationFlag {
        BIOS_FRB2(0x02), BIOS_POST(0x04), OS_LOAD(0x08), SMS_OS(0x10), OEM(0x20);

        private final int mask;

        ExpirationFlag(int mask) {
            this.mask = mask;
        }

        public int mask() {
            return mask;
        }

        static Set<ExpirationFlag> fromBits(int bits) {
            EnumSet<ExpirationFlag> s = EnumSet.noneOf(ExpirationFlag.class);
            for (ExpirationFlag f : values()) {
                if ((bits & f.mask) != 0) {
                    s.add(f);
                }
            }
            return s;
        }

        static int toBits(Set<ExpirationFlag> flags) {
            int b = 0;
            for (ExpirationFlag f : flags) {
                b |= f.mask;
            }
            return b;
        }
    }

    /**
     * @param dontLog             byte 2 bit 7: don't log the expiration in the SEL
     * @param running             bit 6: the timer is started
     * @param timerUse            bits 2:0
     * @param preTimeoutInterrupt byte 3 bits 6:4
     * @param timeoutAction       bits 2:0
     * @param preTimeoutSeconds   byte 4
     * @param expirationFlags     byte 5
     * @param initialCountdown    bytes 6-7, in 100 ms units
     * @param presentCountdown    bytes 8-9, in 100 ms units
     */
    public record Response(boolean dontLog, boolean running, WatchdogTimerUse timerUse,
                           PreTimeoutInterrupt preTimeoutInterrupt, WatchdogAction timeoutAction,
                           int preTimeoutSeconds, Set<ExpirationFlag> expirationFlags, int initialCountdown,
                           int presentCountdown) implements IpmiResponse {
        public Response {
            Objects.requireNonNull(timerUse, "timerUse");
            Objects.requireNonNull(preTimeoutInterrupt, "preTimeoutInterrupt");
            Objects.requireNonNull(timeoutAction, "timeoutAction");
            expirationFlags = Set.copyOf(expirationFlags);
            if (preTimeoutSeconds < 0 || preTimeoutSeconds > 0xFF) {
                throw new IllegalArgumentException("pre-timeout interval is one byte: " + preTimeoutSeconds);
            }
            if (initialCountdown < 0 || initialCountdown > 0xFFFF || presentCountdown < 0 || presentCountdown > 0xFFFF) {
                throw new IllegalArgumentException("countdowns are 16 bits");
            }
        }

        static Response decode(ByteReader in) {
            int use = in.u8("timer use");
            int actions = in.u8("timer actions");
            int pre = in.u8("pre-timeout interval");
            int flags = in.u8("timer use expiration flags");
            int initial = in.u16("initial countdown");
            // ipmi_sim 2.0.33 stops after the initial countdown (6 data bytes); ipmitool then
            // shows a present countdown of 0, and so do we.
            int presentLow = Math.max(0, in.u8OrAbsent("present countdown"));
            int presentHigh = Math.max(0, in.u8OrAbsent("present countdown high byte"));
            return new Response((use & 0x80) != 0, (use & 0x40) != 0, WatchdogTimerUse.valueOf(use),
                    PreTimeoutInterrupt.valueOf(actions >>> 4), WatchdogAction.valueOf(actions), pre,
                    ExpirationFlag.fromBits(flags), initial, presentLow | presentHigh << 8);
        }

        public Duration initialCountdownDuration() {
            return Duration.ofMillis(initialCountdown * 100L);
        }

        public Duration presentCountdownDuration() {
            return Duration.ofMillis(presentCountdown * 100L);
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8((dontLog ? 0x80 : 0) | (running ? 0x40 : 0) | (timerUse.code() & 0x07));
            out.u8((preTimeoutInterrupt.code() & 0x07) << 4 | (timeoutAction.code() & 0x07));
            out.u8(preTimeoutSeconds).u8(ExpirationFlag.toBits(expirationFlags));
            out.u16(initialCountdown).u16(presentCountdown);
        }
    }
}
