package dev.ipmi.core.commands.app;

import dev.ipmi.core.types.OpenEnum;
import java.util.HashMap;
import java.util.Map;

/** Channel access mode — IPMI v2.0 §22.22/§22.23 (Set/Get Channel Access), bits 2:0. Names as ipmitool prints them. */
public final class ChannelAccessMode extends OpenEnum {
    private static final Map<Integer, ChannelAccessMode> KNOWN = new HashMap<>();

    public static final ChannelAccessMode DISABLED = define(0, "disabled");
    public static final ChannelAccessMode PRE_BOOT_ONLY = define(1, "pre-boot only");
    public static final ChannelAccessMode ALWAYS_AVAILABLE = define(2, "always available");
    public static final ChannelAccessMode SHARED = define(3, "shared");

    private ChannelAccessMode(int code, String name, boolean known) {
        super(code, name, known);
    }

    private static ChannelAccessMode define(int code, String name) {
        ChannelAccessMode m = new ChannelAccessMode(code, name, true);
        KNOWN.put(code, m);
        return m;
    }

    /** Takes bits 2:0. */
    public static ChannelAccessMode valueOf(int code) {
        return lookup(KNOWN, code & 0x07, n -> new ChannelAccessMode(n, unknownName(n), false));
    }
}
