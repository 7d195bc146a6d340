package dev.ipmi.core.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How long to wait for an answer and how often to send a request again. The only retransmission
 * rule in the library: the request tracker (the LAN engine's request tracker) and the session set-up steps
 * both take their timeouts from here.
 *
 * <p>The timeout after the {@code n}-th transmission (1-based) is
 * {@code min(firstTimeout * backoff^(n-1), maxTimeout)} plus a random jitter of up to
 * {@code jitter} times that value, so that many sessions started together do not retransmit in
 * lock-step. ipmitool and FreeIPMI use numbers of the same order (1–2 s, 4 retries).
 *
 * @param firstTimeout how long to wait after the first transmission; positive
 * @param backoff      factor by which each further timeout grows; at least 1.0
 * @param maxTimeout   cap on a single timeout (before jitter); at least {@code firstTimeout}
 * @param retries      transmissions after the first one; 0 = send once
 * @param jitter       extra random fraction added to each timeout, 0.0 (none) to 1.0
 */
public record RetryPolicy(Duration firstTimeout, double backoff, Duration maxTimeout, int retries, double jitter) {

    /** 1 s first timeout, growing ×1.5 per retry up to 4 s, 4 retries, up to 20 % jitter (about 12 s in all). */
    public static final RetryPolicy DEFAULT =
            new RetryPolicy(Duration.ofSeconds(1), 1.5, Duration.ofSeconds(4), 4, 0.2);

    public RetryPolicy {
        Objects.requireNonNull(firstTimeout, "firstTimeout");
        Objects.requireNonNull(maxTimeout, "maxTimeout");
        if (firstTimeout.isNegative() || firstTimeout.isZero()) {
            throw new IllegalArgumentException("firstTimeout must be positive: " + firstTimeout);
        }
        if (maxTimeout.compareTo(firstTimeout) < 0) {
            throw new IllegalArgumentException("maxTimeout " + maxTimeout + " is below firstTimeout " + firstTimeout);
        }
        if (!(backoff >= 1.0) || Double.isInfinite(backoff)) {
            throw new IllegalArgumentException("backoff must be >= 1.0: " + backoff);
        }
        if (retries < 0 || retries > 100) {
            throw new IllegalArgumentException("retries must be 0..100: " + retries);
        }
        if (!(jitter >= 0.0 && jitter <= 1.0)) {
            throw new IllegalArgumentException("jitter must be 0.0..1.0: " + jitter);
        }
    }

    /** {@link #DEFAULT}. */
    public static RetryPolicy defaults() {
        return DEFAULT;
    }

    /** A policy with the given first timeout and retries, the default backoff, and a cap of 4× the first timeout. */
    public static RetryPolicy of(Duration firstTimeout, int retries) {
        return new RetryPolicy(firstTimeout, DEFAULT.backoff, firstTimeout.multipliedBy(4), retries, DEFAULT.jitter);
    }

    public RetryPolicy withRetries(int n) {
        return new RetryPolicy(firstTimeout, backoff, maxTimeout, n, jitter);
    }

    public RetryPolicy withFirstTimeout(Duration d) {
        return new RetryPolicy(d, backoff, maxTimeout.compareTo(d) < 0 ? d : maxTimeout, retries, jitter);
    }

    public RetryPolicy withJitter(double j) {
        return new RetryPolicy(firstTimeout, backoff, maxTimeout, retries, j);
    }

    /** Transmissions in all: {@code retries + 1}. */
    public int attempts() {
        return retries + 1;
    }

    /**
     * Nanoseconds to wait after transmission number {@code attempt} (1-based).
     *
     * @param random01 a random value in [0, 1) that scales the jitter (pass 0 for none)
     */
    public long timeoutNanos(int attempt, double random01) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt is 1-based: " + attempt);
        }
        double base = firstTimeout.toNanos() * Math.pow(backoff, attempt - 1);
        base = Math.min(base, maxTimeout.toNanos());
        return (long) (base * (1.0 + jitter * Math.max(0.0, Math.min(random01, 1.0))));
    }

    /** Upper bound of the whole budget: the sum of all timeouts with maximal jitter. */
    public Duration worstCaseTotal() {
        long sum = 0;
        for (int i = 1; i <= attempts(); i++) {
            sum += timeoutNanos(i, 1.0);
        }
        return Duration.ofNanos(sum);
    }
}
