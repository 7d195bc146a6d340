package dev.ipmi.lanplus.internal;

/**
 * Acceptance window for inbound session sequence numbers — IPMI v2.0 §6.12.13 ("option 1" of the
 * 1.5 spec, facts §2.5): a packet is accepted if its number is up to {@value #WIDTH} above the highest
 * seen (the window then slides) or up to {@value #WIDTH} below it and not yet seen. Zero, duplicates
 * and anything older are rejected and counted. 32-bit wrap-around is handled with signed distance.
 * Not thread-safe: owned by the session state machine.
 */
public final class ReplayWindow {
    public static final int WIDTH = 16;

    private boolean started;
    private int highest;
    private int seenBelow;
    private long duplicates;
    private long stale;

    /** True (and records it) if {@code seq} is acceptable; false if it must be dropped. */
    public boolean accept(int seq) {
        if (seq == 0) {
            stale++;
            return false;
        }
        if (!started) {
            started = true;
            highest = seq;
            seenBelow = 0;
            return true;
        }
        int delta = seq - highest;
        if (delta == 0) {
            duplicates++;
            return false;
        }
        if (delta > 0) {
            if (delta > WIDTH) {
                stale++;
                return false;
            }
            seenBelow = delta >= 32 ? 0 : (seenBelow << delta) | (1 << (delta - 1));
            highest = seq;
            return true;
        }
        int back = -delta;
        if (back > WIDTH) {
            stale++;
            return false;
        }
        int bit = 1 << (back - 1);
        if ((seenBelow & bit) != 0) {
            duplicates++;
            return false;
        }
        seenBelow |= bit;
        return true;
    }

    public long duplicates() {
        return duplicates;
    }

    public long stale() {
        return stale;
    }
}
