package dev.ipmi.lan.engine;

/**
 * Receive-side replay protection for 32-bit session sequence numbers (IPMI v2.0 §6.12.13,
 * "option 1"): a number up to {@code above} ahead of the highest one seen is accepted and becomes
 * the new highest; one up to {@code below} behind it is accepted once (a bitmap remembers it);
 * everything else, and every repeat, is rejected. Arithmetic wraps at 2^32. Used by the IPMI 1.5
 * session (8/8) and meant for RMCP+ too (the spec suggests 15/16 there).
 *
 * <p>Not thread-safe; owned by one session machine.
 */
public final class SequenceWindow {
    private final int above;
    private final int below;
    private int highest;
    /** Bit i set = sequence number {@code highest - i} was seen (bit 0 is {@code highest} itself). */
    private long seen;

    /**
     * @param lastSeen the sequence number treated as already received: the next acceptable one is
     *                 {@code lastSeen + 1} (and up to {@code lastSeen + above})
     * @param above    how far ahead a number may jump, 1..32
     * @param below    how far behind a number may lag, 0..63
     */
    public SequenceWindow(int lastSeen, int above, int below) {
        if (above < 1 || above > 32) {
            throw new IllegalArgumentException("above must be 1..32: " + above);
        }
        if (below < 0 || below > 63) {
            throw new IllegalArgumentException("below must be 0..63: " + below);
        }
        this.above = above;
        this.below = below;
        this.highest = lastSeen;
        this.seen = 1L;
    }

    /** Accepts {@code seq} (and records it) or returns false for a repeat or a number outside the window. */
    public boolean accept(int seq) {
        int diff = seq - highest; // wraps correctly for 32-bit unsigned distance
        if (diff > 0 && diff <= above) {
            seen = diff >= 64 ? 1L : (seen << diff) | 1L;
            highest = seq;
            return true;
        }
        if (diff <= 0 && -diff <= below) {
            long bit = 1L << -diff;
            if ((seen & bit) != 0) {
                return false;
            }
            seen |= bit;
            return true;
        }
        return false;
    }

    /** Whether {@code seq} would be accepted, without recording it. */
    public boolean wouldAccept(int seq) {
        int diff = seq - highest;
        if (diff > 0 && diff <= above) {
            return true;
        }
        return diff <= 0 && -diff <= below && (seen & (1L << -diff)) == 0;
    }

    public int highest() {
        return highest;
    }
}
