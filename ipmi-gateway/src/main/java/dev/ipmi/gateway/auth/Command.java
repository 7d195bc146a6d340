package dev.ipmi.gateway.auth;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a caller asks the gateway to do, as named in the {@code commands:} allow-list of an API key
 * or a user. Every protected route maps to exactly one command (the power routes to one per
 * action), and each command needs a role: a key may do a command only when its role allows it and
 * its allow-list (by default every command) contains it.
 *
 * <p>Power commands are named after the {@code /api/v1} actions, which are ipmitool's: {@code
 * power.off} is Chassis Control 00h (hard off), {@code power.soft} is 05h (ACPI soft shutdown).
 */
public enum Command {
    BMC_LIST("bmc.list", Role.VIEWER),
    BMC_INFO("bmc.info", Role.VIEWER),
    POWER_STATUS("power.status", Role.VIEWER),
    POWER_ON("power.on", Role.OPERATOR),
    POWER_OFF("power.off", Role.OPERATOR),
    POWER_SOFT("power.soft", Role.OPERATOR),
    POWER_CYCLE("power.cycle", Role.OPERATOR),
    POWER_RESET("power.reset", Role.OPERATOR),
    POWER_DIAG("power.diag", Role.OPERATOR),
    BOOT_READ("boot.read", Role.VIEWER),
    BOOT_SET("boot.set", Role.OPERATOR),
    SENSORS_READ("sensors.read", Role.VIEWER),
    SEL_READ("sel.read", Role.VIEWER),
    SEL_CLEAR("sel.clear", Role.ADMIN),
    FRU_READ("fru.read", Role.VIEWER),
    /** Open the console; read-only unless {@link #CONSOLE_WRITE} is allowed too. */
    CONSOLE_OPEN("console.open", Role.VIEWER),
    /** Be the console's writer: type, send a break, take the console over ({@code ?takeover=true}). */
    CONSOLE_WRITE("console.write", Role.OPERATOR),
    METRICS_READ("metrics.read", Role.VIEWER);

    private final String id;
    private final Role role;

    Command(String id, Role role) {
        this.id = id;
        this.role = role;
    }

    /** The name used in the configuration, in 403 answers and in the audit log. */
    public String id() {
        return id;
    }

    /** The least role that may run this command. */
    public Role role() {
        return role;
    }

    public static Optional<Command> parse(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }

    /** The command of a power action of {@code /api/v1} ({@code on}, {@code off}, {@code soft}, …). */
    public static Optional<Command> power(String action) {
        return parse("power." + action);
    }

    /** Every command, for a key or user without an allow-list (its role alone decides). */
    public static Set<Command> all() {
        return EnumSet.allOf(Command.class);
    }

    public static String ids() {
        return Arrays.stream(values()).map(Command::id).collect(Collectors.joining(", "));
    }
}
