package dev.ipmi.bmc.internal;

import dev.ipmi.bmc.BmcQuirk;
import dev.ipmi.bmc.BmcUser;
import dev.ipmi.core.types.AuthType;
import dev.ipmi.core.types.PrivilegeLevel;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What both session responders (IPMI 1.5 and RMCP+) of one BMC share.
 *
 * @param channel          LAN channel number reported in Get Channel Auth Caps (1 on most BMCs)
 * @param users            the user table
 * @param authTypes        IPMI 1.5 auth types accepted for sessions (empty disables IPMI 1.5 logins)
 * @param rmcpPlus         whether RMCP+ (IPMI 2.0) sessions are offered
 * @param kgConfigured     whether a non-zero BMC key K_G is set (reported in auth caps)
 * @param sessionLimit     most concurrent sessions over both protocols
 * @param idleTimeoutNanos a session without traffic for this long is closed
 * @param quirks           vendor faults to reproduce
 * @param halfOpenLimit    most RMCP+ logins in their handshake (Open Session or RAKP1 seen, no RAKP3 yet); they
 *                         take no session slot, and the oldest gives way to a new one
 * @param halfOpenTimeoutNanos a login that has not finished its handshake within this time is forgotten
 */
public record ResponderConfig(int channel, List<BmcUser> users, Set<AuthType> authTypes, boolean rmcpPlus,
                              boolean kgConfigured, int sessionLimit, long idleTimeoutNanos, Set<BmcQuirk> quirks,
                              int halfOpenLimit, long halfOpenTimeoutNanos) {
    /** Default {@link #halfOpenTimeoutNanos}: a loopback login takes milliseconds, a slow network a second or two. */
    public static final long DEFAULT_HALF_OPEN_TIMEOUT_NANOS = 3_000_000_000L;
    /** Default {@link #halfOpenLimit}. */
    public static final int DEFAULT_HALF_OPEN_LIMIT = 64;

    public ResponderConfig {
        users = List.copyOf(users);
        authTypes = Set.copyOf(authTypes);
        quirks = Set.copyOf(quirks);
        if (channel < 1 || channel > 0x0B) {
            throw new IllegalArgumentException("channel must be 1..11: " + channel);
        }
        if (sessionLimit < 1) {
            throw new IllegalArgumentException("session limit must be positive: " + sessionLimit);
        }
        if (idleTimeoutNanos <= 0) {
            throw new IllegalArgumentException("idle timeout must be positive");
        }
        if (halfOpenLimit < 1) {
            throw new IllegalArgumentException("half-open limit must be positive: " + halfOpenLimit);
        }
        if (halfOpenTimeoutNanos <= 0) {
            throw new IllegalArgumentException("half-open timeout must be positive");
        }
    }

    /** A configuration without quirks. */
    public ResponderConfig(int channel, List<BmcUser> users, Set<AuthType> authTypes, boolean rmcpPlus,
                           boolean kgConfigured, int sessionLimit, long idleTimeoutNanos) {
        this(channel, users, authTypes, rmcpPlus, kgConfigured, sessionLimit, idleTimeoutNanos, Set.of(),
                DEFAULT_HALF_OPEN_LIMIT, DEFAULT_HALF_OPEN_TIMEOUT_NANOS);
    }

    public boolean has(BmcQuirk quirk) {
        return quirks.contains(quirk);
    }

    public Optional<BmcUser> user(byte[] wireName) {
        return users.stream().filter(u -> u.hasName(wireName)).findFirst();
    }

    public Optional<BmcUser> user(int id) {
        return users.stream().filter(u -> u.id() == id).findFirst();
    }

    /** A user matching name and, unless {@code nameOnly}, exactly the given privilege (RAKP1 lookup rules). */
    public Optional<BmcUser> user(byte[] wireName, PrivilegeLevel requested, boolean nameOnly) {
        return users.stream()
                .filter(u -> u.hasName(wireName))
                .filter(u -> nameOnly || requested.code() == 0 || u.maxPrivilege().code() >= requested.code())
                .findFirst();
    }
}
