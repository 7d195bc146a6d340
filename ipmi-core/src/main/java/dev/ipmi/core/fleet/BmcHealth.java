package dev.ipmi.core.fleet;

import java.time.Duration;
import java.util.Optional;

/**
 * A snapshot of one BMC's health as the fleet saw it (counters since the fleet started).
 *
 * @param name             the BMC's name
 * @param calls            calls finished (each may be several requests)
 * @param failedCalls      calls that failed
 * @param requests         requests answered by the BMC
 * @param retransmissions  requests sent again for want of a reply
 * @param timeouts         requests that got no reply within the retry policy
 * @param logins           sessions opened (the first login included)
 * @param loginFailures    logins that failed
 * @param sessionsLost     sessions the fleet discarded as dead (BMC restart, expiry, no answer to a probe)
 * @param sessionsOpen     sessions open now
 * @param inFlight         calls running now
 * @param lastLatency      round trip of the last answered request, zero before the first
 * @param meanLatency      mean round trip of the answered requests
 * @param lastError        the last failure's message, if any (never secrets)
 */
public record BmcHealth(String name, long calls, long failedCalls, long requests, long retransmissions,
                        long timeouts, long logins, long loginFailures, long sessionsLost, int sessionsOpen,
                        int inFlight, Duration lastLatency, Duration meanLatency, Optional<String> lastError) {
    /** Logins after the first one: how often the fleet had to log in again. */
    public long reLogins() {
        return Math.max(0, logins - 1);
    }
}
