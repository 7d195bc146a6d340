package dev.ipmi.lanplus.sol;

import dev.ipmi.core.IpmiException;
import dev.ipmi.core.sol.SolEvent;
import java.util.Arrays;
import java.util.Optional;

/** What {@link SolStateMachine} asks its driver to do. */
public sealed interface SolAction {

    /** Send this SOL payload (payload type 01h) in the session, with the payload's security bits. */
    record Send(byte[] payload) implements SolAction {
        public Send {
            payload = payload.clone();
        }

        @Override
        public byte[] payload() {
            return payload.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Send s && Arrays.equals(s.payload, payload);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(payload);
        }

        @Override
        public String toString() {
            return "Send[" + payload.length + " bytes]";
        }
    }

    /** Hand these characters from the host's serial port to the application, in order. */
    record Deliver(byte[] data) implements SolAction {
        public Deliver {
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Deliver d && Arrays.equals(d.data, data);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Deliver[" + data.length + " bytes]";
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
