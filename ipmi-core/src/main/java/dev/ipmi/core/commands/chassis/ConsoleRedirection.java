package dev.ipmi.core.commands.chassis;

import dev.ipmi.core.types.OpenEnum;
import java.util.HashMap;
import java.util.Map;

/** Console redirection control — IPMI v2.0 table 28-14, boot flags data 3 bits 1:0. */
public final class ConsoleRedirection extends OpenEnum {
    private static final Map<Integer, ConsoleRedirection> KNOWN = new HashMap<>();

    public static final ConsoleRedirection BIOS_SETTING = define(0, "per BIOS configuration setting (default)");
    public static final ConsoleRedirection SUPPRESS = define(1, "suppress (skip) console redirection");
    public static final ConsoleRedirection ENABLE = define(2, "request console redirection be enabled");

    private ConsoleRedirection(int code, String name, boolean known) {
        super(code, name, known);
    }

    private static ConsoleRedirection define(int code, String name) {
        ConsoleRedirection c = new ConsoleRedirection(code, name, true);
        KNOWN.put(code, c);
        return c;
    }

    public static ConsoleRedirection valueOf(int code) {
        return lookup(KNOWN, code & 0x03, n -> new ConsoleRedirection(n, unknownName(n), false));
    }
}
