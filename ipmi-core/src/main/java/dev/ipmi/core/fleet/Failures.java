package dev.ipmi.core.fleet;

import dev.ipmi.core.IpmiAuthenticationException;
import dev.ipmi.core.IpmiSessionException;
import dev.ipmi.core.IpmiSessionLostException;
import dev.ipmi.core.IpmiTimeoutException;
import dev.ipmi.core.IpmiTransportException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** How the fleet reads a failure: session gone, session doubtful, BMC out of slots, or the call's own. */
final class Failures {
    private Failures() {}

    static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /**
     * The session cannot carry another request: it ended, or its transport failed. A timeout is not
     * (one lost reply proves nothing: the session is probed first), nor a completion code.
     */
    static boolean sessionGone(Throwable t) {
        if (t instanceof IpmiTimeoutException) {
            return false;
        }
        return (t instanceof IpmiSessionException && !(t instanceof IpmiAuthenticationException))
                || t instanceof IpmiTransportException;
    }

    static boolean doubtful(Throwable t) {
        return t instanceof IpmiTimeoutException;
    }

    /**
     * The BMC refused a login for want of a session slot: RMCP+ Open Session status 01h
     * ("insufficient resources to create a session", IPMI v2.0 table 13-15), or IPMI 1.5 Activate
     * Session completion codes 81h-83h ("no session slot available", table 22-21).
     */
    static boolean outOfSlots(Throwable t) {
        if (t instanceof IpmiAuthenticationException a && a.statusCode().isPresent() && a.statusCode().getAsInt() == 0x01
                && "Open Session".equals(a.step())) {
            return true;
        }
        String m = t.getMessage();
        return t instanceof IpmiSessionException && m != null && (m.contains("no session slot available")
                || m.contains("no slot available"));
    }

    /** The failure a caller sees when its call was running on a session that turned out dead. */
    static Throwable onLostSession(String bmc, Throwable t) {
        if (t instanceof IpmiSessionLostException) {
            return t;
        }
        return new IpmiSessionLostException("session to " + bmc + " ended during the call (" + t.getMessage() + ")",
                true, false, t);
    }
}
