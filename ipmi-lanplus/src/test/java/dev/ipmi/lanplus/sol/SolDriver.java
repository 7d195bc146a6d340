package dev.ipmi.lanplus.sol;

import dev.ipmi.core.IpmiException;
import dev.ipmi.core.sol.SolEvent;
import dev.ipmi.core.sol.SolSettings;
import dev.ipmi.core.types.ByteString;
import dev.ipmi.lan.engine.Actions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Drives a {@link SolStateMachine} the way {@link SolConsole} does (payloads, then the timer, then
 * the callbacks of each step) and records each step as a list of {@link SolAction}s.
 */
final class SolDriver {
    final SolStateMachine machine;
    private final List<SolAction> recorded = new ArrayList<>();

    SolDriver(SolSettings settings) {
        machine = new SolStateMachine(settings, new SolStateMachine.Output() {
            @Override
            public void deliver(ByteString data) {
                recorded.add(new SolAction.Deliver(data));
            }

            @Override
            public void status(SolEvent event) {
                recorded.add(new SolAction.Status(event));
            }

            @Override
            public void keepalive() {
                recorded.add(new SolAction.Keepalive());
            }

            @Override
            public void closed(SolEvent reason, Optional<IpmiException> failure) {
                recorded.add(new SolAction.Closed(reason, failure));
            }
        });
    }

    /** The step's actions in the engine's order; a cancelled timer is not listed (nothing to do). */
    private List<SolAction> run(Actions a) {
        List<SolAction> out = new ArrayList<>();
        a.datagrams().forEach(d -> out.add(new SolAction.Send(ByteString.of(d))));
        a.timer().ifPresent(t -> out.add(new SolAction.ArmTimer(t)));
        recorded.clear();
        a.callbacks().forEach(Runnable::run);
        out.addAll(recorded);
        recorded.clear();
        return out;
    }

    List<SolAction> start(long now) {
        return run(machine.start(now));
    }

    List<SolAction> write(byte[] data, long now) {
        return run(machine.write(data, now));
    }

    List<SolAction> write(byte[] data, int off, int len, long now) {
        return run(machine.write(data, off, len, now));
    }

    List<SolAction> sendBreak(long now) {
        return run(machine.sendBreak(now));
    }

    List<SolAction> sendOperations(Set<ConsoleOperation> ops, long now) {
        return run(machine.sendOperations(ops, now));
    }

    List<SolAction> setModemLines(boolean ctsPause, boolean dropDcdDsr, long now) {
        return run(machine.setModemLines(ctsPause, dropDcdDsr, now));
    }

    List<SolAction> onInboundPayload(byte[] payload, long now) {
        return run(machine.onInboundPayload(payload, now));
    }

    List<SolAction> onTimer(long now) {
        return run(machine.onTimer(now));
    }

    List<SolAction> deactivatedElsewhere() {
        return run(machine.deactivatedElsewhere());
    }

    List<SolAction> consumed(int n, long now) {
        return run(machine.consumed(n, now));
    }

    SolSettings settings() {
        return machine.settings();
    }

    int inboundBuffered() {
        return machine.inboundBuffered();
    }

    boolean isClosed() {
        return machine.isClosed();
    }

    int unacknowledgedBytes() {
        return machine.unacknowledgedBytes();
    }

    OptionalLong nextDeadline() {
        return machine.nextDeadline();
    }

    long duplicateCount() {
        return machine.duplicateCount();
    }

    long malformedCount() {
        return machine.malformedCount();
    }

    void setNotes(java.util.function.Consumer<String> notes) {
        machine.setNotes(notes);
    }
}
