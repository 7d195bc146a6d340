package dev.ipmi.lanplus.sol;

import dev.ipmi.core.IpmiException;
import dev.ipmi.core.sol.SolEvent;
import dev.ipmi.core.types.ByteString;
import java.util.Objects;
import java.util.Optional;

/** What {@link SolStateMachine} asks its driver to do. */
public sealed interface SolAction {

    /**
     * Send this SOL payload (payload type 01h) in the session, with the payload's security bits.
     * {@code toString} gives the size only: console characters may be typed secrets.
     */
    record Send(ByteString payload) implements SolAction {
        public Send {
            Objects.requireNonNull(payload, "payload");
        }

        public Send(byte[] payload) {
            this(ByteString.of(payload));
        }

        @Override
        public String toString() {
            return "Send[" + payload.size() + " bytes]";
        }
    }

    /** Hand these characters from the host's serial port to the application, in order (size-only {@code toString}). */
    record Deliver(ByteString data) implements SolAction {
        public Deliver {
            Objects.requireNonNull(data, "data");
        }

        public Deliver(byte[] data) {
            this(ByteString.of(data));
        }

        @Override
        public String toString() {
            return "Deliver[" + data.size() + " bytes]";
        }
    }

    /** Tell the status listener. */
    record Status(SolEvent event) implements SolAction {}

    /** Call {@link SolStateMachine#onTimer} at (or after) this time; replaces any earlier request. */
    record ArmTimer(long atMillis) implements SolAction {}

    /** Nothing was sent for the keepalive interval: send a keepalive IPMI command in the session. */
    record Keepalive() implements SolAction {}

    /**
     * The console is finished: the BMC deactivated it, or it failed ({@code failure} present). The
     * driver should stop feeding the machine; after a failure it should still try Deactivate Payload.
     */
    record Closed(SolEvent reason, Optional<IpmiException> failure) implements SolAction {}
}
