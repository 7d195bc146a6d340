package dev.ipmi.lanplus.sol;

import dev.ipmi.core.sol.SolSettings;
import java.util.Arrays;

/**
 * The BMC-to-console half of a {@link SolStateMachine}: which BMC packets are new, retransmitted or
 * late duplicates, how many of their characters fit the inbound buffer, when a packet is NACKed
 * and when the resume packet after a NACK goes out. The rules are those of the machine's class
 * comment ("BMC to console", "Receive flow control"). Owned by one machine; not thread-safe.
 */
final class SolReceiver {
    static final long NONE = Long.MAX_VALUE;
    private static final int STALE_WINDOW = 3;

    /**
     * What one BMC packet with a sequence number amounts to.
     *
     * @param late     a late duplicate of an older packet: ignore it entirely
     * @param fresh    not a retransmission of the last packet (its status bits are news)
     * @param deliver  characters for the application, or null
     * @param nack     answer with a NACK instead of an acknowledgement
     * @param accepted the character count to acknowledge
     */
    record Receipt(boolean late, boolean fresh, byte[] deliver, boolean nack, int accepted) {}

    private final SolSettings settings;
    private int lastInSeq;
    private int lastInLength;
    /** The last BMC packet was answered with fewer characters than it had: it is frozen at {@link #lastInLength}. */
    private boolean lastInShort;
    private final int[] recentIn = new int[STALE_WINDOW];
    private long duplicates;
    /** Delivered characters the application has not read yet. */
    private int held;
    /** Sequence number of the BMC packet last NACKed for want of room; 0 = none. */
    private int nackedSeq;
    private boolean resuming;
    private boolean resumeGaveUp;
    private int resumeSends;
    private long resumeAt = NONE;

    SolReceiver(SolSettings settings) {
        this.settings = settings;
    }

    /** Accounts for a BMC packet whose sequence number is not 0. */
    Receipt receive(SolPacket p) {
        boolean fresh = true;
        if (p.sequence() == lastInSeq) {
            fresh = false;
            duplicates++;
        } else if (isStale(p.sequence())) {
            duplicates++;
            return new Receipt(true, false, null, false, 0);
        } else {
            if (lastInSeq != 0) {
                System.arraycopy(recentIn, 0, recentIn, 1, STALE_WINDOW - 1);
                recentIn[0] = lastInSeq;
            }
            lastInSeq = p.sequence();
            lastInLength = 0;
            lastInShort = false;
        }
        int room = settings.inboundBufferSize() - held;
        boolean nackedCopy = lastInShort && lastInLength == 0 && p.sequence() == nackedSeq;
        if (nackedCopy && resumeGaveUp) {
            // this BMC ignores resume packets and retransmits the NACKed packet itself
            lastInShort = false;
            nackedCopy = false;
        }
        byte[] deliver = null;
        int take = lastInShort ? 0 : Math.min(p.dataLength() - lastInLength, room);
        if (take > 0) {
            deliver = Arrays.copyOfRange(p.data(), lastInLength, lastInLength + take);
            lastInLength += take;
            held += take;
            room -= take;
            nackedSeq = 0;
            resuming = false;
            resumeGaveUp = false;
            resumeAt = NONE;
        }
        boolean nack = false;
        if (lastInLength < p.dataLength()) {
            lastInShort = true;
            if (lastInLength == 0 && (room == 0 || nackedCopy)) {
                nack = true;
                if (nackedSeq != p.sequence()) {
                    nackedSeq = p.sequence();
                    resuming = false;
                    resumeGaveUp = false;
                    resumeAt = NONE;
                }
            }
        }
        return new Receipt(false, fresh, deliver, nack, Math.min(lastInLength, p.dataLength()));
    }

    /**
     * The application read {@code n} characters.
     *
     * @throws IllegalArgumentException more than are buffered
     */
    void consumed(int n) {
        if (n < 0 || n > held) {
            throw new IllegalArgumentException("consumed " + n + " of " + held + " buffered characters");
        }
        held -= n;
    }

    /** After a read: the sequence number of the resume packet to send now, or 0. */
    int resumeAfterRead(long now) {
        if (nackedSeq != 0 && !resuming && !resumeGaveUp && held <= settings.inboundBufferSize() / 2) {
            resuming = true;
            resumeSends = 0;
            return nextResume(now);
        }
        return 0;
    }

    /** On a timer: the sequence number of the resume packet to send again now, or 0. */
    int resumeOnTimer(long now) {
        if (!resuming || now < resumeAt) {
            return 0;
        }
        if (resumeSends > settings.retries()) {
            resuming = false;
            resumeAt = NONE;
            resumeGaveUp = true;
            return 0;
        }
        return nextResume(now);
    }

    /** When {@link #resumeOnTimer} has something to do, or {@link #NONE}. */
    long resumeDeadline() {
        return resuming ? resumeAt : NONE;
    }

    int held() {
        return held;
    }

    long duplicates() {
        return duplicates;
    }

    int lastSequence() {
        return lastInSeq;
    }

    private int nextResume(long now) {
        resumeSends++;
        resumeAt = now + settings.retryIntervalMillis();
        return nackedSeq == 15 ? 1 : nackedSeq + 1;
    }

    private boolean isStale(int seq) {
        for (int r : recentIn) {
            if (r == seq) {
                return true;
            }
        }
        return false;
    }
}
