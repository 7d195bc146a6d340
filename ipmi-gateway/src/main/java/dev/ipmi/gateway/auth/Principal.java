package dev.ipmi.gateway.auth;

import java.util.Set;

/**
 * Who is calling: an API key or a logged-in user, with its role, the BMCs it may see and the
 * commands it may run (its allow-list; every command when the configuration gives none).
 *
 * @param kind "key" or "user" (for the audit log)
 */
public record Principal(String name, String kind, Role role, NameGlob scope, Set<Command> commands) {
    public Principal {
        commands = Set.copyOf(commands);
    }

    /** A caller without an allow-list: its role alone decides. */
    public Principal(String name, String kind, Role role, NameGlob scope) {
        this(name, kind, role, scope, Command.all());
    }

    public boolean sees(String bmc) {
        return scope.matches(bmc);
    }

    /** Whether the allow-list contains {@code c} (the role is checked apart, see {@link Role#allows}). */
    public boolean listed(Command c) {
        return commands.contains(c);
    }

    /** How the audit log names the caller, e.g. {@code key:home-assistant}. */
    public String label() {
        return kind + ":" + name;
    }
}
