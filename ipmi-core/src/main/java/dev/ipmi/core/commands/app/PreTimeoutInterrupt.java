package dev.ipmi.core.commands.app;

import dev.ipmi.core.types.OpenEnum;
import java.util.HashMap;
import java.util.Map;

/** Watchdog pre-timeout interrupt — IPMI v2.0 §27.6, table 27-7, byte 2 bits 6:4 (shifted down). */
public final class PreTimeoutInterrupt extends OpenEnum {
    private static final Map<Integer, PreTimeoutInterrupt> KNOWN = new HashMap<>();

    public static final PreTimeoutInterrupt NONE = define(0, "None");
    public static final PreTimeoutInterrupt SMI = define(1, "SMI");
    public static final PreTimeoutInterrupt NMI = define(2, "NMI / Diagnostic Interrupt");
    public static final PreTimeoutInterrupt MESSAGING = define(3, "Messaging Interrupt");

    private PreTimeoutInterrupt(int code, String name, boolean known) {
        super(code, name, known);
    }

    private static PreTimeoutInterrupt define(int code, String name) {
        PreTimeoutInterrupt p = new PreTimeoutInterrupt(code, name, true);
        KNOWN.put(code, p);
        return p;
    }

    /** Takes bits 2:0 of {@code code}. */
    public static PreTimeoutInterrupt valueOf(int code) {
        return lookup(KNOWN, code & 0x07, n -> new PreTimeoutInterrupt(n, unknownName(n), false));
    }
}
