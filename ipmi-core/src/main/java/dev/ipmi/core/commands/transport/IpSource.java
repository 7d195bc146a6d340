package dev.ipmi.core.commands.transport;

import dev.ipmi.core.types.OpenEnum;
import java.util.HashMap;
import java.util.Map;

/** IP address source, LAN parameter 4 — IPMI v2.0 §23.2, table 23-4 (bits 3:0). Names as ipmitool prints them. */
public final class IpSource extends OpenEnum {
    private static final Map<Integer, IpSource> KNOWN = new HashMap<>();

    public static final IpSource UNSPECIFIED = define(0, "Unspecified");
    public static final IpSource STATIC = define(1, "Static Address");
    public static final IpSource DHCP = define(2, "DHCP Address");
    public static final IpSource BIOS = define(3, "BIOS Assigned Address");
    public static final IpSource OTHER = define(4, "Other");

    private IpSource(int code, String name, boolean known) {
        super(code, name, known);
    }

    private static IpSource define(int code, String name) {
        IpSource s = new IpSource(code, name, true);
        KNOWN.put(code, s);
        return s;
    }

    /** Takes bits 3:0. */
    public static IpSource valueOf(int code) {
        return lookup(KNOWN, code & 0x0F, n -> new IpSource(n, unknownName(n), false));
    }

    /** ipmitool's {@code lan set N ipsrc} words: none, static, dhcp, bios. */
    public static IpSource parseIpmitool(String text) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "none" -> UNSPECIFIED;
            case "static" -> STATIC;
            case "dhcp" -> DHCP;
            case "bios" -> BIOS;
            default -> throw new IllegalArgumentException(
                    "unknown IP source '" + text + "' (expected none, static, dhcp or bios)");
        };
    }
}
