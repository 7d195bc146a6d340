package dev.ipmi.lanplus.sol;

import dev.ipmi.core.IpmiException;
import dev.ipmi.core.sol.SolEvent;
import dev.ipmi.core.types.ByteString;
import java.util.Optional;

/**
 * One thing a {@link SolStateMachine} step asked for, as the tests state expectations: the step's
 * {@link dev.ipmi.lan.engine.Actions} and the {@link SolStateMachine.Output} calls its callbacks
 * made, listed in the order the engine carries them out (payloads, timer, callbacks). Recorded by
 * {@link SolDriver}.
 */
sealed interface SolAction {
    record Send(ByteString payload) implements SolAction {}

    record Deliver(ByteString data) implements SolAction {}

    record Status(SolEvent event) implements SolAction {}

    record ArmTimer(long atMillis) implements SolAction {}

    record Keepalive() implements SolAction {}

    record Closed(SolEvent reason, Optional<IpmiException> failure) implements SolAction {}
}
