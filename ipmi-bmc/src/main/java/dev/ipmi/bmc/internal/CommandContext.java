package dev.ipmi.bmc.internal;

import dev.ipmi.core.types.PrivilegeLevel;

/**
 * Who sent a request to the BMC: the session's current privilege (NO_ACCESS outside a session), the
 * user, and which session protocol carried it.
 *
 * @param channel   the LAN channel number the request arrived on
 * @param privilege current session privilege, or {@link PrivilegeLevel#NO_ACCESS} for pre-session requests
 * @param userId    the session user's ID, 0 outside a session
 * @param sessionId the BMC-side session ID, 0 outside a session
 * @param rmcpPlus  true for an RMCP+ session (or RMCP+ framing), false for IPMI 1.5
 */
public record CommandContext(int channel, PrivilegeLevel privilege, int userId, int sessionId, boolean rmcpPlus) {
    public boolean inSession() {
        return sessionId != 0;
    }
}
