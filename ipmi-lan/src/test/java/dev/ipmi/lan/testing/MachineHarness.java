package dev.ipmi.lan.testing;

import dev.ipmi.lan.engine.Actions;
import dev.ipmi.lan.engine.IpmiCall;
import dev.ipmi.lan.engine.SessionMachine;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.OptionalLong;

/**
 * Drives a {@link SessionMachine} the way the engine does, with a fake clock and no network:
 * collects sent datagrams, keeps the single timer, runs completions inline. Loss is simulated by
 * simply not delivering a datagram; late replies by delivering it after {@link #advance}.
 */
public final class MachineHarness {
    private final SessionMachine machine;
    private long now;
    private OptionalLong timer = OptionalLong.empty();
    private final Deque<byte[]> sent = new ArrayDeque<>();
    private boolean ended;

    public MachineHarness(SessionMachine machine, long startNanos) {
        this.machine = machine;
        this.now = startNanos;
    }

    public MachineHarness(SessionMachine machine) {
        this(machine, 1_000_000_000L);
    }

    public long now() {
        return now;
    }

    public OptionalLong timer() {
        return timer;
    }

    public boolean ended() {
        return ended;
    }

    public MachineHarness start() {
        return apply(machine.start(now));
    }

    public MachineHarness deliver(byte[] datagram) {
        return apply(machine.onDatagram(datagram, now));
    }

    public MachineHarness submit(IpmiCall call) {
        return apply(machine.submit(call, now));
    }

    public MachineHarness close() {
        return apply(machine.close(now));
    }

    /** Any other step of the machine (what {@code UdpEngine.Registration.execute} runs). */
    public MachineHarness step(java.util.function.LongFunction<Actions> step) {
        return apply(step.apply(now));
    }

    public MachineHarness fail(Throwable t) {
        return apply(machine.onFailure(t, now));
    }

    /** Moves the clock forward, firing the timer (repeatedly, as re-armed) whenever it is due. */
    public MachineHarness advance(long nanos) {
        long target = now + nanos;
        for (int guard = 0; guard < 10_000; guard++) {
            if (timer.isEmpty() || timer.getAsLong() - target > 0 || ended) {
                break;
            }
            now = Math.max(now, timer.getAsLong());
            timer = OptionalLong.empty();
            apply(machine.onTimer(now));
        }
        now = target;
        return this;
    }

    public MachineHarness advanceMillis(long ms) {
        return advance(ms * 1_000_000L);
    }

    /** Advances to the armed timer and fires it once. */
    public MachineHarness fireTimer() {
        if (timer.isEmpty()) {
            throw new AssertionError("no timer armed");
        }
        now = Math.max(now, timer.getAsLong());
        timer = OptionalLong.empty();
        return apply(machine.onTimer(now));
    }

    /** The next datagram sent and not yet taken, or an AssertionError. */
    public byte[] takeSent() {
        byte[] d = sent.poll();
        if (d == null) {
            throw new AssertionError("nothing was sent");
        }
        return d;
    }

    public List<byte[]> takeAllSent() {
        List<byte[]> all = new ArrayList<>(sent);
        sent.clear();
        return all;
    }

    public int sentCount() {
        return sent.size();
    }

    private MachineHarness apply(Actions a) {
        if (ended && (!a.datagrams().isEmpty() || !a.completions().isEmpty())) {
            throw new AssertionError("machine acted after it ended");
        }
        sent.addAll(a.datagrams());
        if (a.timerChanged()) {
            timer = a.timer();
        }
        a.callbacks().forEach(Runnable::run);
        a.completions().forEach(Actions.Completion::run);
        if (a.ended()) {
            ended = true;
            timer = OptionalLong.empty();
        }
        return this;
    }
}
