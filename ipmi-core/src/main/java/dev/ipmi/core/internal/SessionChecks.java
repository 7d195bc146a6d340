package dev.ipmi.core.internal;

import dev.ipmi.core.types.PrivilegeLevel;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** Caller-input checks shared by the IPMI 1.5 and RMCP+ session options. */
public final class SessionChecks {
    private SessionChecks() {}

    /** The user name as sent on the wire: UTF-8, at most 16 bytes (both session kinds carry 16). */
    public static byte[] userName(String name) {
        byte[] b = Objects.requireNonNull(name, "user name").getBytes(StandardCharsets.UTF_8);
        if (b.length > 16) {
            throw new IllegalArgumentException("IPMI user names are at most 16 bytes, got " + b.length);
        }
        return b;
    }

    /** A privilege a session may request: CALLBACK to OEM. */
    public static PrivilegeLevel requestablePrivilege(PrivilegeLevel level) {
        Objects.requireNonNull(level, "privilege");
        if (level.code() < PrivilegeLevel.CALLBACK.code() || level.code() > PrivilegeLevel.OEM.code()) {
            throw new IllegalArgumentException("privilege must be CALLBACK..OEM, got " + level);
        }
        return level;
    }

    /** Requests in flight per session: 1 to 32 (rqSeq is 6 bits, and BMCs queue only a few). */
    public static int window(int window) {
        if (window < 1 || window > 32) {
            throw new IllegalArgumentException("window must be 1..32: " + window);
        }
        return window;
    }
}
