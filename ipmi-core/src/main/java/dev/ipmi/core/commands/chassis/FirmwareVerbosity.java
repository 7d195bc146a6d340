package dev.ipmi.core.commands.chassis;

import dev.ipmi.core.types.OpenEnum;
import java.util.HashMap;
import java.util.Map;

/** BIOS/firmware verbosity — IPMI v2.0 table 28-14, boot flags data 3 bits 6:5. */
public final class FirmwareVerbosity extends OpenEnum {
    private static final Map<Integer, FirmwareVerbosity> KNOWN = new HashMap<>();

    public static final FirmwareVerbosity DEFAULT = define(0, "System Default");
    public static final FirmwareVerbosity QUIET = define(1, "Request Quiet Display");
    public static final FirmwareVerbosity VERBOSE = define(2, "Request Verbose Display");

    private FirmwareVerbosity(int code, String name, boolean known) {
        super(code, name, known);
    }

    private static FirmwareVerbosity define(int code, String name) {
        FirmwareVerbosity v = new FirmwareVerbosity(code, name, true);
        KNOWN.put(code, v);
        return v;
    }

    public static FirmwareVerbosity valueOf(int code) {
        return lookup(KNOWN, code & 0x03, n -> new FirmwareVerbosity(n, unknownName(n), false));
    }
}
