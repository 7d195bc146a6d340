package dev.ipmi.core.sol;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How to activate and run a SOL console. Immutable; made by {@link #builder()} (or
 * {@link #defaults()}), with the names the session options use for the same ideas
 * ({@code keepalive}, {@code retry…}).
 *
 * <p>Defaults: payload instance 1; {@link AlreadyActivePolicy#FAIL}; retry count and interval from the BMC's SOL
 * parameter 4 when it has one, else 7 retries every 500 ms; keepalive after {@value #DEFAULT_KEEPALIVE_SECONDS} s
 * without traffic (ipmitool's interval; BMC session timeouts are commonly 30-60 s); startup probe on; inbound
 * buffer {@value #DEFAULT_INBOUND_BUFFER} bytes.
 */
public final class SolOptions {
    /** Default {@link #inboundBuffer()}: 64 KiB, a few screens of boot log at serial speeds. */
    public static final int DEFAULT_INBOUND_BUFFER = 64 * 1024;
    /** Smallest {@link #inboundBuffer()}: one full SOL packet (255 characters) fits. */
    public static final int MIN_INBOUND_BUFFER = 256;
    public static final int MAX_INBOUND_BUFFER = 64 * 1024 * 1024;
    /** Default {@link #keepalive()} in seconds. */
    public static final int DEFAULT_KEEPALIVE_SECONDS = 15;

    private static final SolOptions DEFAULTS = builder().build();

    /** What {@code activate} does when the BMC answers Activate Payload with 80h (already active). */
    public enum AlreadyActivePolicy {
        /** Throw {@link SolAlreadyActiveException}; the other console is left alone. */
        FAIL,
        /** Send Deactivate Payload (ending the other console) and activate again once. */
        TAKE_OVER
    }

    private final int instance;
    private final AlreadyActivePolicy alreadyActive;
    private final OptionalInt retries;
    private final Optional<Duration> retryInterval;
    private final Duration keepalive;
    private final boolean startupProbe;
    private final int inboundBuffer;

    private SolOptions(Builder b) {
        instance = b.instance;
        alreadyActive = b.alreadyActive;
        retries = b.retries;
        retryInterval = b.retryInterval;
        keepalive = b.keepalive;
        startupProbe = b.startupProbe;
        inboundBuffer = b.inboundBuffer;
    }

    /** The default options (see the class comment). */
    public static SolOptions defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options, to change some of them. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.instance = instance;
        b.alreadyActive = alreadyActive;
        b.retries = retries;
        b.retryInterval = retryInterval;
        b.keepalive = keepalive;
        b.startupProbe = startupProbe;
        b.inboundBuffer = inboundBuffer;
        return b;
    }

    /** SOL payload instance, 1..15 (BMCs commonly have only 1). */
    public int instance() {
        return instance;
    }

    /** What to do when the instance is active on another session. */
    public AlreadyActivePolicy alreadyActive() {
        return alreadyActive;
    }

    /** Resends of an unacknowledged packet before the console counts as lost; empty = the BMC's or the default. */
    public OptionalInt retries() {
        return retries;
    }

    /** Wait for an acknowledgement; empty = the BMC's or the default. */
    public Optional<Duration> retryInterval() {
        return retryInterval;
    }

    /**
     * Keepalive interval while idle; {@link Duration#ZERO} when disabled (as in the session options).
     * The keepalive is Get Payload Instance Info when the session knows its BMC-side ID (it also
     * notices a console taken over by another session, which some BMCs do not announce), else Get
     * Device ID.
     */
    public Duration keepalive() {
        return keepalive;
    }

    /**
     * Whether an empty SOL packet goes out before the first characters, so that a BMC which kept the
     * last sequence number of an earlier console (ipmi_sim) cannot swallow them.
     */
    public boolean startupProbe() {
        return startupProbe;
    }

    /**
     * Bytes from the host that may wait in the console for the application to read
     * {@code SolSession.input()}. When it is full the console acknowledges only the characters that
     * fit (the BMC sends the rest again) or NACKs a packet it cannot take at all, so the BMC holds its
     * output back (and, at the host's serial port, stops reading) until the application reads; nothing
     * is dropped. Memory per console is bounded by this size.
     */
    public int inboundBuffer() {
        return inboundBuffer;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SolOptions s && s.instance == instance && s.alreadyActive == alreadyActive
                && s.retries.equals(retries) && s.retryInterval.equals(retryInterval) && s.keepalive.equals(keepalive)
                && s.startupProbe == startupProbe && s.inboundBuffer == inboundBuffer;
    }

    @Override
    public int hashCode() {
        return Objects.hash(instance, alreadyActive, retries, retryInterval, keepalive, startupProbe, inboundBuffer);
    }

    @Override
    public String toString() {
        return "SolOptions[instance=" + instance + ", alreadyActive=" + alreadyActive + ", retries=" + retries
                + ", retryInterval=" + retryInterval + ", keepalive=" + keepalive + ", startupProbe=" + startupProbe
                + ", inboundBuffer=" + inboundBuffer + "]";
    }

    /** Builds {@link SolOptions}; every setting starts at its default. Each setter checks its value and names it. */
    public static final class Builder {
        private int instance = 1;
        private AlreadyActivePolicy alreadyActive = AlreadyActivePolicy.FAIL;
        private OptionalInt retries = OptionalInt.empty();
        private Optional<Duration> retryInterval = Optional.empty();
        private Duration keepalive = Duration.ofSeconds(DEFAULT_KEEPALIVE_SECONDS);
        private boolean startupProbe = true;
        private int inboundBuffer = DEFAULT_INBOUND_BUFFER;

        private Builder() {
        }

        /** Another payload instance, 1..15 (ipmitool's {@code sol activate instance=N}). */
        public Builder instance(int n) {
            if (n < 1 || n > 15) {
                throw new IllegalArgumentException("SOL payload instance must be 1..15: " + n);
            }
            instance = n;
            return this;
        }

        public Builder alreadyActive(AlreadyActivePolicy policy) {
            alreadyActive = Objects.requireNonNull(policy, "alreadyActive");
            return this;
        }

        /** Deactivate a console active on another session and take it over. */
        public Builder takeOver() {
            return alreadyActive(AlreadyActivePolicy.TAKE_OVER);
        }

        /** Retry count and interval both set by the caller, overriding the BMC's SOL parameter 4. */
        public Builder retry(int retries, Duration interval) {
            return retries(retries).retryInterval(interval);
        }

        /** Resends before the console counts as lost, 0..100 (the interval stays the BMC's unless set). */
        public Builder retries(int count) {
            if (count < 0 || count > 100) {
                throw new IllegalArgumentException("retries must be 0..100: " + count);
            }
            retries = OptionalInt.of(count);
            return this;
        }

        /** Wait for an acknowledgement, 1 ms..60 s (the count stays the BMC's unless set). */
        public Builder retryInterval(Duration interval) {
            Objects.requireNonNull(interval, "retryInterval");
            if (interval.toMillis() < 1 || interval.toSeconds() > 60) {
                throw new IllegalArgumentException("retry interval must be 1 ms..60 s: " + interval);
            }
            retryInterval = Optional.of(interval);
            return this;
        }

        /** Keepalive interval while idle; {@link Duration#ZERO} disables it. */
        public Builder keepalive(Duration interval) {
            Objects.requireNonNull(interval, "keepalive");
            if (interval.isNegative() || (!interval.isZero() && interval.toMillis() < 1)) {
                throw new IllegalArgumentException("keepalive must be zero (off) or at least 1 ms: " + interval);
            }
            keepalive = interval;
            return this;
        }

        /** Turn the startup probe off for BMCs that mishandle an empty first packet (see {@link #startupProbe()}). */
        public Builder startupProbe(boolean on) {
            startupProbe = on;
            return this;
        }

        /** Bytes from the host buffered for the application before the console applies back-pressure. */
        public Builder inboundBuffer(int bytes) {
            if (bytes < MIN_INBOUND_BUFFER || bytes > MAX_INBOUND_BUFFER) {
                throw new IllegalArgumentException("inbound buffer must be " + MIN_INBOUND_BUFFER + ".."
                        + MAX_INBOUND_BUFFER + " bytes: " + bytes);
            }
            inboundBuffer = bytes;
            return this;
        }

        public SolOptions build() {
            return new SolOptions(this);
        }
    }
}
