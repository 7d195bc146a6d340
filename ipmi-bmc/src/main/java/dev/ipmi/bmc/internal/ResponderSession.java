package dev.ipmi.bmc.internal;

import dev.ipmi.core.types.PrivilegeLevel;

/**
 * What the IPMI 1.5 and the RMCP+ responder keep alike per session: the current and the highest
 * privilege, the outbound session sequence number (never 0 once counting) and the time of last use.
 * Touched by the server's I/O thread only.
 */
abstract class ResponderSession implements SessionCommands.Session {
    PrivilegeLevel privilege;
    PrivilegeLevel maxPrivilege;
    int outboundSeq;
    long lastActivity;

    ResponderSession(long now) {
        this.lastActivity = now;
    }

    /** The next outbound session sequence number, skipping 0. */
    int nextOutbound() {
        outboundSeq++;
        if (outboundSeq == 0) {
            outboundSeq = 1;
        }
        return outboundSeq;
    }

    @Override
    public PrivilegeLevel privilege() {
        return privilege;
    }

    @Override
    public PrivilegeLevel maxPrivilege() {
        return maxPrivilege;
    }

    @Override
    public void privilege(PrivilegeLevel level) {
        privilege = level;
    }
}
