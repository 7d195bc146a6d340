package dev.ipmi.core.types;

import java.util.HashMap;
import java.util.Map;

/**
 * The "set in progress" parameter 0 shared by the configuration-parameter commands (System Boot
 * Options — IPMI v2.0 table 28-14; LAN — table 23-4; SOL — table 26-5): bits 1:0.
 */
public final class SetInProgressState extends OpenEnum {
    private static final Map<Integer, SetInProgressState> KNOWN = new HashMap<>();

    public static final SetInProgressState SET_COMPLETE = define(0, "set complete");
    public static final SetInProgressState SET_IN_PROGRESS = define(1, "set in progress");
    public static final SetInProgressState COMMIT_WRITE = define(2, "commit write");

    private SetInProgressState(int code, String name, boolean known) {
        super(code, name, known);
    }

    private static SetInProgressState define(int code, String name) {
        SetInProgressState s = new SetInProgressState(code, name, true);
        KNOWN.put(code, s);
        return s;
    }

    /** Takes bits 1:0 of {@code code}. */
    public static SetInProgressState valueOf(int code) {
        int c = code & 0x03;
        return lookup(KNOWN, c, n -> new SetInProgressState(n, unknownName(n), false));
    }
}
