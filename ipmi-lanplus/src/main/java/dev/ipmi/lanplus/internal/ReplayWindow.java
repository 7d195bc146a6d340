package dev.ipmi.lanplus.internal;

import dev.ipmi.lan.engine.SequenceWindow;

/**
 * Replay protection for the session sequence numbers the BMC puts on its RMCP+ packets (IPMI v2.0
 * §6.12.13): the BMC's first in-session number is accepted whatever it is (no negotiation in 2.0),
 * after that the engine's {@link SequenceWindow} applies with 15 ahead / 16 behind, as the spec
 * suggests. Zero, repeats and numbers outside the window are rejected and counted. Not thread-safe.
 */
public final class ReplayWindow {
    public static final int ABOVE = 15;
    public static final int BELOW = 16;

    private SequenceWindow window;
    private long rejected;

    /** True (and records it) if {@code seq} is acceptable; false if the packet must be dropped. */
    public boolean accept(int seq) {
        if (seq == 0) {
            rejected++;
            return false;
        }
        if (window == null) {
            window = new SequenceWindow(seq - 1, ABOVE, BELOW);
        }
        boolean ok = window.accept(seq);
        if (!ok) {
            rejected++;
        }
        return ok;
    }

    /** Packets dropped as duplicates, stale or out of the window. */
    public long rejected() {
        return rejected;
    }
}
