package dev.ipmi.gateway.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed-login limiting: after {@code maxFailures} failures for one key (a user name, or a client
 * address) within a lockout period, further attempts are refused until the period has passed,
 * whether the password is right or not. The table is bounded: when full, expired entries are
 * dropped, and if none expired the attempt is refused (a flood of distinct names cannot grow it).
 */
public final class LoginThrottle {
    private static final int MAX_ENTRIES = 100_000;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final int maxFailures;
    private final Duration lockout;
    private final Clock clock;

    private record Window(int failures, Instant start) {}

    public LoginThrottle(int maxFailures, Duration lockout, Clock clock) {
        this.maxFailures = maxFailures;
        this.lockout = lockout;
        this.clock = clock;
    }

    /** Zero when an attempt for every key may go ahead, else how long until one may. */
    public Duration retryAfter(String... keys) {
        Instant now = clock.instant();
        Duration wait = Duration.ZERO;
        for (String k : keys) {
            Window w = windows.get(k);
            if (w != null && w.failures >= maxFailures) {
                Duration left = Duration.between(now, w.start.plus(lockout));
                if (left.isNegative() || left.isZero()) {
                    windows.remove(k, w);
                } else if (left.compareTo(wait) > 0) {
                    wait = left;
                }
            }
        }
        return wait;
    }

    public void failure(String... keys) {
        Instant now = clock.instant();
        if (windows.size() >= MAX_ENTRIES) {
            windows.values().removeIf(w -> !w.start.plus(lockout).isAfter(now));
        }
        for (String k : keys) {
            windows.compute(k, (key, w) -> w == null || !w.start.plus(lockout).isAfter(now)
                    ? new Window(1, now) : new Window(w.failures + 1, w.start));
        }
    }

    public void success(String... keys) {
        for (String k : keys) {
            windows.remove(k);
        }
    }
}
