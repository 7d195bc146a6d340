package dev.ipmi.lanplus.sol;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A BMC's SOL side for tests, modelled on what ipmi_sim 2.0.33 does (lanserv/sol.c, read for its
 * behaviour): a small input buffer towards the host that drains over time, NACK while it is full,
 * stop-and-wait output with retransmission of the same sequence number (plus whatever the host wrote
 * meanwhile), a console NACK that moves on to the next sequence number and holds the output until
 * that number is acknowledged without NACK, and duplicate detection by "same sequence number as the
 * last accepted packet", which survives across activations unless reset. Unlike ipmi_sim it never gives up on its own output, so
 * a test can demand that every byte arrives.
 */
final class FakeSolBmc {
    /** ipmi_sim's duplicate rule, or that plus ignoring the 3 numbers before the last (for reordering links). */
    enum Dedupe { LAST_ONLY, WINDOW }

    private final int inCapacity;
    private final int drainPerMillis;
    private final long retransmitMillis;
    private final Dedupe dedupe;
    private final ByteArrayOutputStream host = new ByteArrayOutputStream();
    private final byte[] inbuf;
    private int inLen;
    private int lastAcked;
    private int lastAckedLen;
    private final int[] recent = new int[3];

    private byte[] hostOutput = new byte[0];
    private int outPos;
    private int curSeq = 1;
    private boolean waiting;
    private long resendAt = Long.MAX_VALUE;
    private int lastSentLen;
    private long lastDrain;
    private boolean wasFull;
    int breaks;
    int packetsSent;
    int nacks;

    FakeSolBmc(int inCapacity, int drainPerMillis, long retransmitMillis, Dedupe dedupe, int staleLastAcked,
               int staleLastAckedLength) {
        this.inCapacity = inCapacity;
        this.inbuf = new byte[inCapacity];
        this.drainPerMillis = drainPerMillis;
        this.retransmitMillis = retransmitMillis;
        this.dedupe = dedupe;
        this.lastAcked = staleLastAcked;
        this.lastAckedLen = staleLastAckedLength;
    }

    /** The host writes these characters to its serial port (they go to the console). */
    void hostWrites(byte[] data) {
        byte[] n = Arrays.copyOf(hostOutput, hostOutput.length + data.length);
        System.arraycopy(data, 0, n, hostOutput.length, data.length);
        hostOutput = n;
    }

    /** What reached the host's serial port from the console. */
    byte[] hostReceived() {
        return host.toByteArray();
    }

    boolean outputDone() {
        return outPos >= hostOutput.length && !waiting;
    }

    private SolPacket ackPacket() {
        return SolPacket.fromBmc(0, lastAcked, lastAckedLen,
                inLen == inCapacity ? java.util.EnumSet.of(BmcStatus.NACK) : java.util.EnumSet.noneOf(BmcStatus.class),
                new byte[0]);
    }

    List<byte[]> onPayload(byte[] payload, long now) {
        drain(now);
        List<byte[]> out = new ArrayList<>();
        SolPacket p = SolPacket.decode(payload);
        int seq = p.sequence();
        boolean dup = seq == lastAcked;
        if (!dup && seq != 0 && dedupe == Dedupe.WINDOW) {
            for (int r : recent) {
                if (r == seq) {
                    return out;
                }
            }
        }
        if (!dup && p.has(ConsoleOperation.BREAK)) {
            breaks++;
        }
        boolean needAck = false;
        if (seq != 0) {
            if (dup) {
                needAck = true;
            } else {
                System.arraycopy(recent, 0, recent, 1, recent.length - 1);
                recent[0] = lastAcked;
                lastAcked = seq;
                int take = Math.min(p.dataLength(), inCapacity - inLen);
                System.arraycopy(p.data(), 0, inbuf, inLen, take);
                inLen += take;
                lastAckedLen = take;
                needAck = true;
            }
        }
        if (waiting && p.ackSequence() == curSeq) {
            resendAt = Long.MAX_VALUE;
            curSeq = curSeq == 15 ? 1 : curSeq + 1;
            if (p.has(ConsoleOperation.NACK)) {
                // ipmi_sim: keep the characters, stop retransmitting, wait for an ACK of the next number
                nacks++;
            } else {
                int count = Math.min(p.accepted(), lastSentLen);
                outPos += count;
                waiting = false;
            }
        }
        if (needAck) {
            out.add(ackPacket().encode());
        }
        out.addAll(maybeSend(now));
        return out;
    }

    /** Timers: drain the input buffer, retransmit, start sending new host output. */
    List<byte[]> onTick(long now) {
        List<byte[]> out = new ArrayList<>();
        if (drain(now)) {
            // ipmi_sim tells the console when its full buffer gets room again
            out.add(ackPacket().encode());
        }
        if (waiting && now >= resendAt) {
            out.add(dataPacket(now));
        }
        out.addAll(maybeSend(now));
        return out;
    }

    long nextTick() {
        long t = resendAt;
        if (inLen > 0) {
            t = Math.min(t, lastDrain + 1);
        }
        return t;
    }

    private boolean drain(long now) {
        if (now <= lastDrain) {
            return false;
        }
        boolean full = inLen == inCapacity;
        int n = (int) Math.min(inLen, (now - lastDrain) * drainPerMillis);
        host.write(inbuf, 0, n);
        System.arraycopy(inbuf, n, inbuf, 0, inLen - n);
        inLen -= n;
        lastDrain = now;
        return full && n > 0;
    }

    private List<byte[]> maybeSend(long now) {
        if (waiting || outPos >= hostOutput.length) {
            return List.of();
        }
        waiting = true;
        return List.of(dataPacket(now));
    }

    private byte[] dataPacket(long now) {
        int len = Math.min(hostOutput.length - outPos, SolPacket.MAX_DATA);
        lastSentLen = len;
        resendAt = now + retransmitMillis;
        packetsSent++;
        return SolPacket.fromBmc(curSeq, 0, 0, java.util.EnumSet.noneOf(BmcStatus.class),
                Arrays.copyOfRange(hostOutput, outPos, outPos + len)).encode();
    }
}
