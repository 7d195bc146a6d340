package dev.ipmi.core.commands.app;

import dev.ipmi.core.types.OpenEnum;
import java.util.HashMap;
import java.util.Map;

/** Channel protocol type — IPMI v2.0 §6.4, table 6-2 (5 bits). Names as ipmitool prints them. */
public final class ChannelProtocol extends OpenEnum {
    private static final Map<Integer, ChannelProtocol> KNOWN = new HashMap<>();

    public static final ChannelProtocol IPMB = define(0x01, "IPMB-1.0");
    public static final ChannelProtocol ICMB = define(0x02, "ICMB-1.0");
    public static final ChannelProtocol IPMI_SMBUS = define(0x04, "IPMI-SMBus");
    public static final ChannelProtocol KCS = define(0x05, "KCS");
    public static final ChannelProtocol SMIC = define(0x06, "SMIC");
    public static final ChannelProtocol BT_1_0 = define(0x07, "BT-10");
    public static final ChannelProtocol BT_1_5 = define(0x08, "BT-15");
    public static final ChannelProtocol TMODE = define(0x09, "TMode");

    private ChannelProtocol(int code, String name, boolean known) {
        super(code, name, known);
    }

    private static ChannelProtocol define(int code, String name) {
        ChannelProtocol p = new ChannelProtocol(code, name, true);
        KNOWN.put(code, p);
        return p;
    }

    /** Takes bits 4:0; 1Ch-1Fh are OEM protocols 1-4. */
    public static ChannelProtocol valueOf(int code) {
        return lookup(KNOWN, code & 0x1F,
                n -> new ChannelProtocol(n, n >= 0x1C ? "OEM " + (n - 0x1B) : unknownName(n), false));
    }
}
