package dev.ipmi.core.types;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Network function codes — IPMI v2.0 §5.1, table 5-1. Request netFns are even; the response netFn
 * is the request's plus one. Open: {@link #valueOf(int)} never fails, unknown codes get an
 * "unknown(n)" instance.
 */
public final class NetFn {
    private static final Map<Integer, NetFn> KNOWN = new ConcurrentHashMap<>();

    public static final NetFn CHASSIS = define(0x00, "Chassis");
    public static final NetFn BRIDGE = define(0x02, "Bridge");
    public static final NetFn SENSOR_EVENT = define(0x04, "Sensor/Event");
    public static final NetFn APP = define(0x06, "App");
    public static final NetFn FIRMWARE = define(0x08, "Firmware");
    public static final NetFn STORAGE = define(0x0A, "Storage");
    public static final NetFn TRANSPORT = define(0x0C, "Transport");
    public static final NetFn GROUP_EXTENSION = define(0x2C, "Group Extension");
    public static final NetFn OEM_GROUP = define(0x2E, "OEM/Group");

    private final int code;
    private final String name;
    private final boolean known;

    private NetFn(int code, String name, boolean known) {
        this.code = code;
        this.name = name;
        this.known = known;
    }

    private static NetFn define(int code, String name) {
        NetFn n = new NetFn(code, name, true);
        KNOWN.put(code, n);
        return n;
    }

    /** The netFn for a 6-bit code; odd (response) codes map to their request netFn's name + " response". */
    public static NetFn valueOf(int code) {
        if (code < 0 || code > 0x3F) {
            throw new IllegalArgumentException("netFn is 6 bits: " + code);
        }
        NetFn n = KNOWN.get(code);
        if (n != null) {
            return n;
        }
        NetFn req = KNOWN.get(code & ~1);
        if ((code & 1) == 1 && req != null) {
            return new NetFn(code, req.name + " response", true);
        }
        if (code >= 0x30) {
            return new NetFn(code, "OEM(" + String.format("%02Xh", code) + ")", false);
        }
        return new NetFn(code, "unknown(" + String.format("%02Xh", code) + ")", false);
    }

    public int code() {
        return code;
    }

    public String displayName() {
        return name;
    }

    public boolean isKnown() {
        return known;
    }

    public boolean isResponse() {
        return (code & 1) == 1;
    }

    public NetFn response() {
        return isResponse() ? this : valueOf(code | 1);
    }

    public NetFn request() {
        return isResponse() ? valueOf(code & ~1) : this;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NetFn n && n.code == code;
    }

    @Override
    public int hashCode() {
        return code;
    }

    @Override
    public String toString() {
        return name + "(" + String.format("%02Xh", code) + ")";
    }
}
