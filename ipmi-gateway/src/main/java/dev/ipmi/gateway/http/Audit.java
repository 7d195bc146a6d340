package dev.ipmi.gateway.http;

import dev.ipmi.gateway.auth.Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per state change (logger {@code ipmi.gateway.audit}): who, what, which BMC, result.
 * Callers pass only names and outcomes; no request body, header or secret reaches this class.
 */
public final class Audit {
    private static final Logger LOG = LoggerFactory.getLogger("ipmi.gateway.audit");

    private Audit() {}

    public static void record(Principal who, String action, String bmc, String result) {
        LOG.info("audit who={} action={} bmc={} result={}", who.label(), action, bmc, sanitize(result));
    }

    public static void login(String user, String client, String result) {
        LOG.info("audit who=user:{} action=login bmc=- client={} result={}", sanitize(user), client, result);
    }

    /** Keeps a log line one line: user-controlled text cannot forge further audit records. */
    static String sanitize(String s) {
        StringBuilder b = new StringBuilder(Math.min(s.length(), 200));
        for (int i = 0; i < s.length() && i < 200; i++) {
            char c = s.charAt(i);
            b.append(c < 0x20 || c == 0x7F ? '?' : c);
        }
        return b.toString();
    }
}
