package dev.ipmi.core.commands.app;

import dev.ipmi.core.types.OpenEnum;
import java.util.HashMap;
import java.util.Map;

/** Get Self Test Results byte 2 — IPMI v2.0 §20.4, table 20-4. Other codes are device-specific. */
public final class SelfTestResult extends OpenEnum {
    private static final Map<Integer, SelfTestResult> KNOWN = new HashMap<>();

    public static final SelfTestResult PASSED = define(0x55, "passed");
    public static final SelfTestResult NOT_IMPLEMENTED = define(0x56, "not implemented");
    /** Byte 3 says which: see {@link SelfTestFailure}. */
    public static final SelfTestResult CORRUPTED_OR_INACCESSIBLE = define(0x57, "corrupted or inaccessible data or devices");
    /** Byte 3 holds a device-specific code. */
    public static final SelfTestResult FATAL_HARDWARE_ERROR = define(0x58, "fatal hardware error");

    private SelfTestResult(int code, String name, boolean known) {
        super(code, name, known);
    }

    private static SelfTestResult define(int code, String name) {
        SelfTestResult r = new SelfTestResult(code, name, true);
        KNOWN.put(code, r);
        return r;
    }

    public static SelfTestResult valueOf(int code) {
        int c = code & 0xFF;
        return lookup(KNOWN, c, n -> new SelfTestResult(n, "device-specific(" + String.format("%02Xh", n) + ")", false));
    }
}
