package dev.ipmi.gateway.auth;

/**
 * Who is calling: an API key or a logged-in user, with its role and the BMCs it may see.
 *
 * @param kind "key" or "user" (for the audit log)
 */
public record Principal(String name, String kind, Role role, NameGlob scope) {
    public boolean sees(String bmc) {
        return scope.matches(bmc);
    }

    /** How the audit log names the caller, e.g. {@code key:home-assistant}. */
    public String label() {
        return kind + ":" + name;
    }
}
