package dev.ipmi.core.commands.app;

import dev.ipmi.core.types.OpenEnum;
import java.util.HashMap;
import java.util.Map;

/** Channel medium type — IPMI v2.0 §6.5, table 6-3 (7 bits). Names as ipmitool prints them. */
public final class ChannelMedium extends OpenEnum {
    private static final Map<Integer, ChannelMedium> KNOWN = new HashMap<>();

    public static final ChannelMedium IPMB = define(0x01, "IPMB (I2C)");
    public static final ChannelMedium ICMB_1_0 = define(0x02, "ICMB v1.0");
    public static final ChannelMedium ICMB_0_9 = define(0x03, "ICMB v0.9");
    public static final ChannelMedium LAN_802_3 = define(0x04, "802.3 LAN");
    public static final ChannelMedium SERIAL = define(0x05, "Asynch. Serial/Modem (RS-232)");
    public static final ChannelMedium OTHER_LAN = define(0x06, "Other LAN");
    public static final ChannelMedium PCI_SMBUS = define(0x07, "PCI SMBus");
    public static final ChannelMedium SMBUS_1 = define(0x08, "SMBus v1.0/1.1");
    public static final ChannelMedium SMBUS_2 = define(0x09, "SMBus v2.0");
    public static final ChannelMedium USB_1 = define(0x0A, "USB 1.x");
    public static final ChannelMedium USB_2 = define(0x0B, "USB 2.x");
    public static final ChannelMedium SYSTEM_INTERFACE = define(0x0C, "System Interface (KCS, SMIC, or BT)");

    private ChannelMedium(int code, String name, boolean known) {
        super(code, name, known);
    }

    private static ChannelMedium define(int code, String name) {
        ChannelMedium m = new ChannelMedium(code, name, true);
        KNOWN.put(code, m);
        return m;
    }

    /** Takes bits 6:0; 60h-7Fh are OEM. */
    public static ChannelMedium valueOf(int code) {
        return lookup(KNOWN, code & 0x7F,
                n -> new ChannelMedium(n, n >= 0x60 ? "OEM(" + String.format("%02Xh", n) + ")" : unknownName(n), false));
    }

    public boolean isLan() {
        return equals(LAN_802_3) || equals(OTHER_LAN);
    }
}
