package dev.ipmi.lanplus.internal;

import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.core.types.CipherSuite;
import java.time.Duration;

/**
 * What an RMCP+ session machine looked like after its last step: one immutable value published
 * with a single volatile write, so other threads read consistent figures without locking.
 *
 * @param state            where the machine is
 * @param cipherSuite      the suite in use (after Open Session), or null
 * @param grantedPrivilege what Set Session Privilege Level reported, or null before
 * @param badIntegrity     inbound packets dropped because their integrity check (AuthCode, trailer, AES padding) failed
 * @param replayed         inbound packets dropped by the replay window
 * @param loginDuration    protocol time of the last successful login (first request sent to session ready), or null
 * @param bmcSessionId     the session ID the BMC chose (what Close Session names), or 0 before the session
 * @param channel          the channel Get Channel Authentication Capabilities reported ("this channel"
 *                         answered with the real number), or -1 before that answer
 * @param logins           successful logins so far (more than one after re-logins)
 */
public record LanPlusDiagnostics(State state, CipherSuite cipherSuite, PrivilegeLevel grantedPrivilege,
                                 long badIntegrity, long replayed, Duration loginDuration, int bmcSessionId,
                                 int channel, int logins) {

    /** The name of the machine's phase (and, while logging in, of the login step). */
    public enum State { AUTH_CAPS, CIPHER_SUITES, OPEN_SESSION, RAKP2, RAKP4, SET_PRIVILEGE, ACTIVE, CLOSING, ENDED }

    static final LanPlusDiagnostics INITIAL = new LanPlusDiagnostics(State.AUTH_CAPS, null, null, 0, 0, null, 0, -1, 0);

    LanPlusDiagnostics counted(long moreBadIntegrity, long moreReplayed) {
        return new LanPlusDiagnostics(state, cipherSuite, grantedPrivilege, badIntegrity + moreBadIntegrity,
                replayed + moreReplayed, loginDuration, bmcSessionId, channel, logins);
    }

    LanPlusDiagnostics loggedIn(PrivilegeLevel granted, Duration took) {
        return new LanPlusDiagnostics(state, cipherSuite, granted, badIntegrity, replayed, took, bmcSessionId,
                channel, logins + 1);
    }

    /** This value moved on to {@code now}; itself when nothing changed (the machine publishes after every step). */
    LanPlusDiagnostics at(State now, CipherSuite suite, int bmcSid, int reportedChannel) {
        if (now == state && java.util.Objects.equals(suite, cipherSuite) && bmcSid == bmcSessionId
                && reportedChannel == channel) {
            return this;
        }
        return new LanPlusDiagnostics(now, suite, grantedPrivilege, badIntegrity, replayed, loginDuration, bmcSid,
                reportedChannel, logins);
    }
}
