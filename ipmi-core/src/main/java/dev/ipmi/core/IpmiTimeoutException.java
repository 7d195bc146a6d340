package dev.ipmi.core;

import java.time.Duration;

/**
 * No answer after every attempt the retry policy allows. {@link #mayHaveExecuted()} and
 * {@link #repeatable()} tell a caller whether sending the command again is safe: a request that
 * went out may have run on the BMC even though its reply was lost.
 */
public class IpmiTimeoutException extends IpmiTransportException {
    private final int attempts;
    private final Duration elapsed;
    private final boolean mayHaveExecuted;
    private final boolean repeatable;

    /** A timeout of a request that was transmitted and is repeatable (reads, the session's own steps). */
    public IpmiTimeoutException(String what, int attempts, Duration elapsed) {
        this(what, attempts, elapsed, attempts > 0, true);
    }

    /**
     * @param mayHaveExecuted whether the request was transmitted at least once
     * @param repeatable      whether the command is harmless to repeat ({@link IpmiRequest#idempotent()})
     */
    public IpmiTimeoutException(String what, int attempts, Duration elapsed, boolean mayHaveExecuted,
                                boolean repeatable) {
        super("no reply to " + what + " after " + attempts + " attempt" + (attempts == 1 ? "" : "s")
                + " in " + elapsed.toMillis() + " ms"
                + (mayHaveExecuted && !repeatable ? "; not retransmitted because it is not repeatable: it may have executed" : ""));
        this.attempts = attempts;
        this.elapsed = elapsed;
        this.mayHaveExecuted = mayHaveExecuted;
        this.repeatable = repeatable;
    }

    public int attempts() {
        return attempts;
    }

    public Duration elapsed() {
        return elapsed;
    }

    /** True when the request reached the wire: the BMC may have executed it although no reply came. */
    public boolean mayHaveExecuted() {
        return mayHaveExecuted;
    }

    /** True when the command is harmless to repeat, so a caller may simply send it again. */
    public boolean repeatable() {
        return repeatable;
    }

    /** True when sending the request again cannot execute it twice. */
    public boolean safeToRetry() {
        return repeatable || !mayHaveExecuted;
    }
}
