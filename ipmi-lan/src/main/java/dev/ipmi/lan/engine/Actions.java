package dev.ipmi.lan.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * What a {@link SessionMachine} step wants done: datagrams to send, the timer to (re-)arm or
 * cancel, futures to complete or fail, and whether the session has ended. The machine fills it in;
 * the {@link UdpEngine} (or a test harness) carries it out in this order: send, timer, callbacks,
 * completions, end.
 *
 * <p>Callbacks run on the I/O thread itself, in order (completions go to the completion executor
 * and may be reordered): for handing over inbound data whose order matters, such as SOL payloads.
 * They must only queue and return.
 *
 * <p>Timer semantics: each session has a single timer. {@link #armTimer} replaces the armed
 * deadline, {@link #cancelTimer} removes it, and a step that does neither leaves it as it was. A
 * timer that fired is disarmed before {@link SessionMachine#onTimer} runs, so that step must arm it
 * again if it still needs one.
 * Deadlines are in the same clock the machine is given ({@code now}): nanoseconds for the session
 * machines; the SOL console's machine ({@code SolStateMachine}, driven by its console on this I/O
 * thread) counts milliseconds and its datagrams are SOL payloads sent inside the session.
 */
public final class Actions {
    /** A future to complete ({@code error == null}) or fail. */
    public record Completion(CompletableFuture<Object> future, Object value, Throwable error) {
        /** Completes or fails the future; used by the engine on its completion executor. */
        public void run() {
            if (error == null) {
                future.complete(value);
            } else {
                future.completeExceptionally(error);
            }
        }
    }

    private static final long UNCHANGED = Long.MIN_VALUE;
    private static final long CANCEL = Long.MAX_VALUE;

    private List<byte[]> datagrams = List.of();
    private List<Completion> completions = List.of();
    private List<Runnable> callbacks = List.of();
    private long timer = UNCHANGED;
    private boolean ended;

    public Actions send(byte[] datagram) {
        if (datagrams.isEmpty()) {
            datagrams = new ArrayList<>(2);
        }
        datagrams.add(datagram);
        return this;
    }

    /** Fires {@link SessionMachine#onTimer} at (or soon after) {@code deadlineNanos}. */
    public Actions armTimer(long deadlineNanos) {
        if (deadlineNanos == CANCEL || deadlineNanos == UNCHANGED) {
            throw new IllegalArgumentException("reserved deadline value");
        }
        timer = deadlineNanos;
        return this;
    }

    public Actions cancelTimer() {
        timer = CANCEL;
        return this;
    }

    /** Runs {@code callback} on the I/O thread after this step's sends; it must not block. */
    public Actions callback(Runnable callback) {
        if (callbacks.isEmpty()) {
            callbacks = new ArrayList<>(2);
        }
        callbacks.add(java.util.Objects.requireNonNull(callback));
        return this;
    }

    @SuppressWarnings("unchecked")
    public <T> Actions complete(CompletableFuture<T> future, T value) {
        add(new Completion((CompletableFuture<Object>) future, value, null));
        return this;
    }

    @SuppressWarnings("unchecked")
    public Actions fail(CompletableFuture<?> future, Throwable error) {
        add(new Completion((CompletableFuture<Object>) future, null, java.util.Objects.requireNonNull(error)));
        return this;
    }

    private void add(Completion c) {
        if (completions.isEmpty()) {
            completions = new ArrayList<>(2);
        }
        completions.add(c);
    }

    /** The session is over: the engine releases its channel and forgets the machine. */
    public Actions end() {
        ended = true;
        return this;
    }

    /** Appends everything from {@code other} (its timer and end flag win when set). */
    public Actions merge(Actions other) {
        other.datagrams.forEach(this::send);
        other.completions.forEach(this::add);
        other.callbacks.forEach(this::callback);
        if (other.timer != UNCHANGED) {
            timer = other.timer;
        }
        ended |= other.ended;
        return this;
    }

    public List<byte[]> datagrams() {
        return Collections.unmodifiableList(datagrams);
    }

    public List<Runnable> callbacks() {
        return Collections.unmodifiableList(callbacks);
    }

    public List<Completion> completions() {
        return Collections.unmodifiableList(completions);
    }

    /** True when this step changes the timer (arms or cancels it). */
    public boolean timerChanged() {
        return timer != UNCHANGED;
    }

    /** The new deadline, or empty when the step cancels the timer (see {@link #timerChanged()}). */
    public OptionalLong timer() {
        return timer == UNCHANGED || timer == CANCEL ? OptionalLong.empty() : OptionalLong.of(timer);
    }

    public boolean ended() {
        return ended;
    }
}
