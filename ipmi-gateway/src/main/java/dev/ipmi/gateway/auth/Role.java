package dev.ipmi.gateway.auth;

import java.util.Locale;
import java.util.Optional;

/** What a key or user may do; each role includes the ones before it. */
public enum Role {
    /** Read: BMC list and details, power state, boot flags, sensors, SEL, FRU, console as a viewer. */
    VIEWER,
    /** Also power actions, boot device, the console as its writer. */
    OPERATOR,
    /** Also clearing the SEL. */
    ADMIN;

    public boolean allows(Role needed) {
        return compareTo(needed) >= 0;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> parse(String text) {
        for (Role r : values()) {
            if (r.id().equals(text)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
