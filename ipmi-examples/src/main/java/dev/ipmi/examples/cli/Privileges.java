package dev.ipmi.examples.cli;

import dev.ipmi.core.types.PrivilegeLevel;

/** ipmitool's privilege level names (its {@code ipmi_privlvl_vals} table). */
final class Privileges {
    private Privileges() {}

    static String name(PrivilegeLevel p) {
        return switch (p.code()) {
            case 0x1 -> "CALLBACK";
            case 0x2 -> "USER";
            case 0x3 -> "OPERATOR";
            case 0x4 -> "ADMINISTRATOR";
            case 0x5 -> "OEM";
            case 0xF -> "NO ACCESS";
            default -> String.format("Unknown (0x%02x)", p.code());
        };
    }
}
