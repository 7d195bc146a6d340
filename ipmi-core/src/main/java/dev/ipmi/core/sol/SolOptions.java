package dev.ipmi.core.sol;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How to activate and run a SOL console. Immutable; start from {@link #defaults()}.
 *
 * <p>Defaults: payload instance 1; {@link AlreadyActivePolicy#FAIL}; retry count and interval from the BMC's SOL
 * parameter 4 when it has one, else 7 retries every 500 ms; keepalive after 15 s without traffic
 * (ipmitool's interval; BMC session timeouts are commonly 30-60 s); startup probe on; inbound buffer
 * {@value #DEFAULT_INBOUND_BUFFER} bytes.
 *
 * @param instance      SOL payload instance, 1..15 (BMCs commonly have only 1)
 * @param alreadyActive what to do when the instance is active on another session
 * @param retries       resends of an unacknowledged packet before the console counts as lost; empty = BMC/default
 * @param retryInterval wait for an acknowledgement; empty = BMC/default
 * @param keepalive     keepalive interval while idle; empty = none. The keepalive is Get Payload Instance
 *                      Info when the session knows its BMC-side ID (it also notices a console taken over by
 *                      another session, which some BMCs do not announce), else Get Device ID
 * @param startupProbe  send an empty SOL packet before the first characters, so that a BMC which kept
 *                      the last sequence number of an earlier console (ipmi_sim) cannot swallow them
 * @param inboundBuffer bytes from the host that may wait in the console for the application to read
 *                      {@code SolSession.input()}, {@value #MIN_INBOUND_BUFFER}..{@value #MAX_INBOUND_BUFFER}.
 *                      When it is full the console acknowledges only the characters that fit (the BMC
 *                      sends the rest again) or NACKs a packet it cannot take at all, so the BMC holds its
 *                      output back (and, at the host's serial port, stops reading) until the application
 *                      reads; nothing is dropped. Memory per console is bounded by this size
 */
public record SolOptions(int instance, AlreadyActivePolicy alreadyActive, OptionalInt retries, Optional<Duration> retryInterval,
                         Optional<Duration> keepalive, boolean startupProbe, int inboundBuffer) {
    /** Default {@link #inboundBuffer()}: 64 KiB, a few screens of boot log at serial speeds. */
    public static final int DEFAULT_INBOUND_BUFFER = 64 * 1024;
    /** Smallest {@link #inboundBuffer()}: one full SOL packet (255 characters) fits. */
    public static final int MIN_INBOUND_BUFFER = 256;
    public static final int MAX_INBOUND_BUFFER = 64 * 1024 * 1024;

    /** What {@code activate} does when the BMC answers Activate Payload with 80h (already active). */
    public enum AlreadyActivePolicy {
        /** Throw {@link SolAlreadyActiveException}; the other console is left alone. */
        FAIL,
        /** Send Deactivate Payload (ending the other console) and activate again once. */
        TAKE_OVER
    }

    public SolOptions {
        if (instance < 1 || instance > 15) {
            throw new IllegalArgumentException("SOL payload instance must be 1..15: " + instance);
        }
        Objects.requireNonNull(alreadyActive, "alreadyActive");
        Objects.requireNonNull(retries, "retries");
        Objects.requireNonNull(retryInterval, "retryInterval");
        Objects.requireNonNull(keepalive, "keepalive");
        if (retries.isPresent() && (retries.getAsInt() < 0 || retries.getAsInt() > 100)) {
            throw new IllegalArgumentException("retries must be 0..100: " + retries.getAsInt());
        }
        retryInterval.ifPresent(d -> {
            if (d.toMillis() < 1 || d.toSeconds() > 60) {
                throw new IllegalArgumentException("retry interval must be 1 ms..60 s: " + d);
            }
        });
        keepalive.ifPresent(d -> {
            if (d.toMillis() < 1) {
                throw new IllegalArgumentException("keepalive interval must be positive: " + d);
            }
        });
        if (inboundBuffer < MIN_INBOUND_BUFFER || inboundBuffer > MAX_INBOUND_BUFFER) {
            throw new IllegalArgumentException("inbound buffer must be " + MIN_INBOUND_BUFFER + ".."
                    + MAX_INBOUND_BUFFER + " bytes: " + inboundBuffer);
        }
    }

    /** Options with the {@linkplain #DEFAULT_INBOUND_BUFFER default inbound buffer} (the earlier shape). */
    public SolOptions(int instance, AlreadyActivePolicy alreadyActive, OptionalInt retries, Optional<Duration> retryInterval,
                      Optional<Duration> keepalive, boolean startupProbe) {
        this(instance, alreadyActive, retries, retryInterval, keepalive, startupProbe, DEFAULT_INBOUND_BUFFER);
    }

    public static SolOptions defaults() {
        return new SolOptions(1, AlreadyActivePolicy.FAIL, OptionalInt.empty(), Optional.empty(),
                Optional.of(Duration.ofSeconds(15)), true, DEFAULT_INBOUND_BUFFER);
    }

    /** Another payload instance (ipmitool's {@code sol activate instance=N}). */
    public SolOptions instance(int n) {
        return new SolOptions(n, alreadyActive, retries, retryInterval, keepalive, startupProbe, inboundBuffer);
    }

    /** Deactivate a console active on another session and take it over. */
    public SolOptions takeOver() {
        return new SolOptions(instance, AlreadyActivePolicy.TAKE_OVER, retries, retryInterval, keepalive, startupProbe,
                inboundBuffer);
    }

    public SolOptions retries(int count) {
        return new SolOptions(instance, alreadyActive, OptionalInt.of(count), retryInterval, keepalive, startupProbe,
                inboundBuffer);
    }

    public SolOptions retryInterval(Duration interval) {
        return new SolOptions(instance, alreadyActive, retries, Optional.of(interval), keepalive, startupProbe,
                inboundBuffer);
    }

    public SolOptions keepalive(Duration interval) {
        return new SolOptions(instance, alreadyActive, retries, retryInterval, Optional.of(interval), startupProbe,
                inboundBuffer);
    }

    public SolOptions noKeepalive() {
        return new SolOptions(instance, alreadyActive, retries, retryInterval, Optional.empty(), startupProbe, inboundBuffer);
    }

    /** Turns the startup probe off (for BMCs that mishandle an empty first packet). */
    public SolOptions withoutStartupProbe() {
        return new SolOptions(instance, alreadyActive, retries, retryInterval, keepalive, false, inboundBuffer);
    }

    /** Bytes from the host buffered for the application before the console applies back-pressure. */
    public SolOptions inboundBuffer(int bytes) {
        return new SolOptions(instance, alreadyActive, retries, retryInterval, keepalive, startupProbe, bytes);
    }
}
