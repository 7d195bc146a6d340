package dev.ipmi.core;

/**
 * The session ended (BMC restart, idle expiry, Close Session by another client, failed re-login)
 * while this request was queued or in flight. The request fails once with this exception; the next
 * call on a healing client opens a new session. {@link #mayHaveExecuted()} says whether the request
 * had reached the wire, {@link #repeatable()} whether sending it again is harmless anyway.
 */
public class IpmiSessionLostException extends IpmiSessionException {
    private final boolean mayHaveExecuted;
    private final boolean repeatable;

    public IpmiSessionLostException(String message, boolean mayHaveExecuted, boolean repeatable, Throwable cause) {
        super(message + (mayHaveExecuted ? (repeatable ? "; the request was sent and is repeatable"
                : "; the request was sent and may have executed") : "; the request was not sent"), cause);
        this.mayHaveExecuted = mayHaveExecuted;
        this.repeatable = repeatable;
    }

    /** True when the request reached the wire before the session ended. */
    public boolean mayHaveExecuted() {
        return mayHaveExecuted;
    }

    /** True when the command is harmless to repeat. */
    public boolean repeatable() {
        return repeatable;
    }

    /** True when sending the request again cannot execute it twice. */
    public boolean safeToRetry() {
        return repeatable || !mayHaveExecuted;
    }
}
