package dev.ipmi.core;

import java.time.Duration;

/** No answer after every attempt the retry policy allows. */
public class IpmiTimeoutException extends IpmiTransportException {
    private final int attempts;
    private final Duration elapsed;

    public IpmiTimeoutException(String what, int attempts, Duration elapsed) {
        super("no reply to " + what + " after " + attempts + " attempt" + (attempts == 1 ? "" : "s")
                + " in " + elapsed.toMillis() + " ms");
        this.attempts = attempts;
        this.elapsed = elapsed;
    }

    public int attempts() {
        return attempts;
    }

    public Duration elapsed() {
        return elapsed;
    }
}
