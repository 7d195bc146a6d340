package dev.ipmi.lanplus.sol;

import dev.ipmi.core.IpmiException;
import dev.ipmi.core.IpmiTimeoutException;
import dev.ipmi.core.MalformedMessageException;
import dev.ipmi.core.sol.SolEvent;
import dev.ipmi.core.sol.SolOptions;
import dev.ipmi.core.sol.SolSettings;
import dev.ipmi.core.types.ByteString;
import dev.ipmi.lan.engine.Actions;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The console side of one SOL payload instance (IPMI v2.0 §15), as a pure state machine: no sockets,
 * clock or threads. The driver feeds it the SOL payloads that arrive in the session, the caller's
 * writes and timer expiries, each with the current time from a monotonic millisecond clock, and
 * carries out the returned {@link Actions} as the engine does for the session machines: its
 * {@link Actions#datagrams() datagrams} are SOL payloads to send in the session, then the timer
 * (deadlines in the same millisecond clock), then the callbacks in order, which hand characters,
 * status events, keepalive requests and the end to the {@link Output}. Not thread-safe: one driver
 * thread (the engine's I/O thread) per machine.
 *
 * <h2>Console to BMC</h2>
 * Written bytes queue up and go out one packet at a time (stop-and-wait, as the spec has it): at
 * most {@link SolSettings#maxCharsPerPacket()} characters under sequence numbers 1..15 (wrapping,
 * never 0). A packet is resent unchanged, same sequence number, every retry interval until the BMC
 * acknowledges it; after {@link SolSettings#retries()} resends the console is lost
 * ({@link SolEvent#LINK_LOST}). An acknowledgement that accepts fewer characters than sent leaves
 * the rest at the head of the queue, to go out as a new packet. A NACK or "character transfer
 * unavailable" holds further characters back; they are retried every retry interval until the BMC
 * takes them (an acknowledgement or packet without those bits resumes at once). Bytes are dropped
 * only once the BMC's acknowledgement has counted them.
 *
 * <h2>BMC to console</h2>
 * Every BMC packet with a sequence number is acknowledged with an ACK-only packet (sequence 0)
 * counting the characters taken; packets with sequence 0 are never acknowledged. A packet repeating
 * the last sequence number is the BMC's retransmission: only characters beyond those already
 * taken are delivered (ipmi_sim appends what the host wrote meanwhile). A packet repeating one
 * of the three sequence numbers before the last is a late duplicate from the network and is ignored.
 *
 * <h2>Receive flow control</h2>
 * Delivered characters count against {@link SolSettings#inboundBufferSize()} until the driver
 * reports them read ({@link #consumed}). A packet that does not fit is acknowledged with the count
 * of characters that did (IPMI v2.0 §15.9: the BMC sends the rest again, under a new sequence
 * number); a packet of which nothing fits is NACKed (operation bit 6, accepted count 0). Either way
 * that packet is then frozen: a copy of it (a network duplicate, or a retransmission because the
 * answer was lost) never delivers more characters, since a BMC that saw the answer already holds or
 * resends the rest under a new number. A copy of a partly taken packet gets the same count again, a
 * copy of a NACKed packet another NACK.
 * <p>ipmi_sim 2.0.33 moves to its next sequence number on a NACK, stops retransmitting and reading
 * from the host, and goes on only when an acknowledgement for that next number arrives without
 * NACK (it then sends the held characters under the number after it, so the resume number never
 * carries data). So once the buffer has drained to half, the console sends such a resume packet
 * (ACK-only, next number, count 0), repeated every retry interval until a BMC packet with characters
 * arrives, at most {@link SolSettings#retries()} times. A BMC that ignores resume packets loses
 * nothing by them (they acknowledge a number it has not used); when the resume is given up, a
 * further retransmission of the NACKed packet is taken as new, which is what a BMC that retransmits
 * NACKed packets under the same number needs.
 *
 * <h2>Startup probe (ipmi_sim quirk)</h2>
 * ipmi_sim 2.0.33 remembers the sequence number of the last console packet it accepted across SOL
 * activations and treats a first packet of a new console that happens to carry the same number as a
 * retransmission: it acknowledges it, with the old packet's character count, and throws the
 * characters away (reproduced with two ipmitool consoles that each send one packet). An
 * acknowledgement cannot tell that apart from success. So, when {@link SolSettings#startupProbe()}
 * is on, the first packet of every console is empty. ipmi_sim acknowledges an empty packet either
 * way (as a duplicate, or as a new packet accepting 0 characters), and in both cases afterwards holds
 * the probe's number, so the first characters go out under the next number and cannot collide. A BMC
 * that checks strictly for the next sequence number (OpenBMC) takes the probe as the first packet;
 * a BMC that ignores empty packets never acknowledges it, and once the retries are spent the number
 * is reused (costing that BMC a start-up delay of retries x interval; {@link SolOptions} can turn the
 * probe off). The probe is retried like data, because a probe given up on while ipmi_sim still holds
 * its number would let the first characters fall into the same trap.
 */
public final class SolStateMachine {
    private static final long NONE = SolReceiver.NONE;
    private static final Set<ConsoleOperation> ONE_SHOT = EnumSet.of(ConsoleOperation.BREAK,
            ConsoleOperation.FLUSH_INBOUND, ConsoleOperation.FLUSH_OUTBOUND, ConsoleOperation.RING_WOR);

    private enum Kind { DATA, CONTROL, PROBE }

    private static final class Outstanding {
        final Kind kind;
        final int seq;
        final int length;
        final byte[] payload;
        final long firstSent;
        int sends = 1;
        long deadline;

        Outstanding(Kind kind, int seq, int length, byte[] payload, long now, long deadline) {
            this.kind = kind;
            this.seq = seq;
            this.length = length;
            this.payload = payload;
            this.firstSent = now;
            this.deadline = deadline;
        }
    }

    private final SolSettings settings;
    private final ByteQueue queue = new ByteQueue();
    private final EnumSet<ConsoleOperation> pendingOps = EnumSet.noneOf(ConsoleOperation.class);
    /** Queued bytes that must reach the BMC before the pending operations go out. */
    private int opsAfter;
    private boolean ctsPause;
    private boolean dropDcdDsr;
    private boolean linesChanged;
    private int nextSeq = 1;
    private Outstanding outstanding;
    private boolean started;
    private boolean probePending;
    private boolean paused;
    private long holdUntil = Long.MIN_VALUE;
    private boolean closed;
    private long lastSent;
    private long armed = NONE;
    private long malformed;
    private final SolReceiver receiver;
    private final Output output;
    private Consumer<String> notes = note -> { };

    /** @param output where the machine's callbacks hand characters, events and its end (run on the driver's thread) */
    public SolStateMachine(SolSettings settings, Output output) {
        this.settings = java.util.Objects.requireNonNull(settings, "settings");
        this.output = java.util.Objects.requireNonNull(output, "output");
        this.receiver = new SolReceiver(settings);
    }

    /**
     * What the machine hands to the application, through {@link Actions#callback callbacks} of its
     * steps, in order. Each method must only queue and return (it runs on the I/O thread).
     */
    public interface Output {
        /** Characters from the host's serial port, in order. */
        void deliver(ByteString data);

        /** A status change for the status listener. */
        void status(SolEvent event);

        /** Nothing was sent for the keepalive interval: send a keepalive IPMI command in the session. */
        void keepalive();

        /**
         * The console is finished: the BMC deactivated it, or it failed ({@code failure} present). The
         * driver stops feeding the machine; after a failure it should still try Deactivate Payload.
         */
        void closed(SolEvent reason, Optional<IpmiException> failure);
    }

    /**
     * Where the machine reports what it dropped or gave up on (a malformed or late packet, a NACK
     * for want of room, an unacknowledged packet): the driver decides whether to log it. The
     * machine itself does no logging.
     */
    public void setNotes(Consumer<String> notes) {
        this.notes = java.util.Objects.requireNonNull(notes, "notes");
    }

    private void note(String format, Object... args) {
        String text = format;
        for (Object a : args) {
            text = text.replaceFirst("\\{\\}", java.util.regex.Matcher.quoteReplacement(String.valueOf(a)));
        }
        notes.accept(text);
    }

    public SolSettings settings() {
        return settings;
    }

    /** Call once, right after Activate Payload succeeded. Sends the startup probe when enabled. */
    public Actions start(long now) {
        if (started) {
            throw new IllegalStateException("SOL state machine already started");
        }
        started = true;
        lastSent = now;
        probePending = settings.startupProbe();
        Actions acts = new Actions();
        trySend(now, acts);
        return finish(now, acts);
    }

    /** Queues characters for the host's serial port. */
    public Actions write(byte[] data, long now) {
        return write(data, 0, data.length, now);
    }

    public Actions write(byte[] data, int off, int len, long now) {
        ensureOpen();
        if (off < 0 || len < 0 || off + len > data.length) {
            throw new IndexOutOfBoundsException("write(" + off + ", " + len + ") on " + data.length + " bytes");
        }
        queue.append(data, off, len);
        Actions acts = new Actions();
        trySend(now, acts);
        return finish(now, acts);
    }

    /**
     * Asks the BMC to send a BREAK to the host after the characters already written (and before any
     * written later). It goes out in a packet of its own: ipmi_sim acts on operation bits before it
     * takes a packet's characters.
     */
    public Actions sendBreak(long now) {
        return sendOperations(EnumSet.of(ConsoleOperation.BREAK), now);
    }

    /**
     * One-shot operations (BREAK, flush inbound/outbound, ring) go out in an empty packet once the
     * characters written before them are acknowledged.
     */
    public Actions sendOperations(Set<ConsoleOperation> ops, long now) {
        ensureOpen();
        for (ConsoleOperation op : ops) {
            if (!ONE_SHOT.contains(op)) {
                throw new IllegalArgumentException(op + " is not a one-shot operation (use setModemLines for"
                        + " CTS/DCD, NACK is never sent by the caller)");
            }
        }
        if (pendingOps.isEmpty()) {
            opsAfter = queue.size();
        }
        pendingOps.addAll(ops);
        Actions acts = new Actions();
        trySend(now, acts);
        return finish(now, acts);
    }

    /** Sets the CTS-pause and drop-DCD/DSR levels carried by every following packet. */
    public Actions setModemLines(boolean ctsPause, boolean dropDcdDsr, long now) {
        ensureOpen();
        if (ctsPause != this.ctsPause || dropDcdDsr != this.dropDcdDsr) {
            this.ctsPause = ctsPause;
            this.dropDcdDsr = dropDcdDsr;
            linesChanged = true;
        }
        Actions acts = new Actions();
        trySend(now, acts);
        return finish(now, acts);
    }

    /** A SOL payload that arrived in the session (already authenticated/decrypted by it). */
    public Actions onInboundPayload(byte[] payload, long now) {
        Actions acts = new Actions();
        if (closed) {
            return acts;
        }
        SolPacket p;
        try {
            p = SolPacket.decode(payload);
        } catch (MalformedMessageException e) {
            malformed++;
            note("dropping malformed SOL payload: {}", e.getMessage());
            return finish(now, acts);
        }
        SolReceiver.Receipt r = p.sequence() == 0 ? null : receiver.receive(p);
        if (r != null && r.late()) {
            note("ignoring late SOL packet seq {} (last {})", p.sequence(), receiver.lastSequence());
            return finish(now, acts);
        }
        boolean fresh = r == null || r.fresh();
        if (r != null && r.deliver() != null) {
            ByteString delivered = ByteString.of(r.deliver());
            acts.callback(() -> output.deliver(delivered));
        }
        if (p.has(BmcStatus.DEACTIVATING)) {
            close(acts, SolEvent.DEACTIVATED_BY_BMC, Optional.empty());
            return acts;
        }
        if (fresh && p.has(BmcStatus.BREAK_DETECTED)) {
            status(acts, SolEvent.BREAK_DETECTED);
        }
        if (fresh && p.has(BmcStatus.TRANSMIT_OVERRUN)) {
            status(acts, SolEvent.TRANSMIT_OVERRUN);
        }
        if (r != null && r.nack()) {
            note("inbound buffer full ({} bytes): NACK SOL packet seq {}", receiver.held(), p.sequence());
            send(new SolPacket(0, p.sequence(), 0, ConsoleOperation.NACK.bit() | lineBits(), new byte[0]).encode(),
                    now, acts);
        } else if (r != null) {
            // the modem-line levels ride on every packet: ipmi_sim applies them from ACK-only packets too
            send(new SolPacket(0, p.sequence(), r.accepted(), lineBits(), new byte[0]).encode(), now, acts);
        }
        boolean ready = !p.has(BmcStatus.NACK) && !p.has(BmcStatus.TRANSFER_UNAVAILABLE);
        if (outstanding != null && p.ackSequence() != 0 && p.ackSequence() == outstanding.seq) {
            acknowledged(p, ready, now);
        }
        if (!ready) {
            if (!paused) {
                paused = true;
                status(acts, (p.has(BmcStatus.TRANSFER_UNAVAILABLE)
                        ? SolEvent.TRANSFER_UNAVAILABLE : SolEvent.FLOW_PAUSED));
            }
            holdUntil = now + settings.retryIntervalMillis();
        } else if (paused) {
            paused = false;
            holdUntil = Long.MIN_VALUE;
            status(acts, SolEvent.FLOW_RESUMED);
        }
        trySend(now, acts);
        return finish(now, acts);
    }

    /** Call at (or after) the deadline last armed; early or extra calls are harmless. */
    public Actions onTimer(long now) {
        Actions acts = new Actions();
        if (closed) {
            return acts;
        }
        Outstanding o = outstanding;
        if (o != null && now >= o.deadline) {
            if (o.sends >= 1 + settings.retries()) {
                if (o.kind == Kind.DATA) {
                    close(acts, SolEvent.LINK_LOST, Optional.of(new IpmiTimeoutException(
                            "SOL packet " + o.seq + " (" + o.length + " characters)", o.sends,
                            Duration.ofMillis(now - o.firstSent))));
                    return acts;
                }
                // Nobody acknowledged an empty packet: the BMC did not count it, so its number is reused.
                note("SOL {} packet seq {} not acknowledged, moving on", o.kind, o.seq);
                outstanding = null;
                if (o.kind == Kind.PROBE) {
                    probePending = false;
                }
            } else {
                o.sends++;
                o.deadline = now + settings.retryIntervalMillis();
                acts.send(o.payload.clone());
                lastSent = now;
            }
        }
        sendResume(receiver.resumeOnTimer(now), now, acts);
        if (settings.keepaliveMillis() > 0 && now - lastSent >= settings.keepaliveMillis()) {
            acts.callback(output::keepalive);
            lastSent = now;
        }
        trySend(now, acts);
        return finish(now, acts);
    }

    /**
     * The driver learned that the BMC no longer has this console active for this session (another
     * session deactivated or took it over, and the BMC said nothing on the SOL channel). Ends the
     * machine as if the BMC had sent "SOL deactivating"; nothing after a close.
     */
    public Actions deactivatedElsewhere() {
        Actions acts = new Actions();
        if (!closed) {
            close(acts, SolEvent.DEACTIVATED_BY_BMC, Optional.empty());
        }
        return acts;
    }

    /**
     * The application read {@code n} delivered characters: they no longer count against the inbound
     * buffer. Sends the resume packet when a NACKed BMC may go on.
     */
    public Actions consumed(int n, long now) {
        receiver.consumed(n);
        Actions acts = new Actions();
        if (closed) {
            return acts;
        }
        sendResume(receiver.resumeAfterRead(now), now, acts);
        return finish(now, acts);
    }

    /** Delivered characters not yet reported read through {@link #consumed}. */
    public int inboundBuffered() {
        return receiver.held();
    }

    /** Ends the machine without actions (the driver deactivates the payload); queued bytes are wiped. */
    public void close() {
        closed = true;
        pendingOps.clear();
        outstanding = null;
        queue.clear();
    }

    public boolean isClosed() {
        return closed;
    }

    /** Bytes written but not yet acknowledged by the BMC. */
    public int unacknowledgedBytes() {
        return queue.size();
    }

    /** When {@link #onTimer} should run next, if anything is waiting. */
    public OptionalLong nextDeadline() {
        long d = deadline(Long.MIN_VALUE);
        return d == NONE ? OptionalLong.empty() : OptionalLong.of(d);
    }

    /** Undecodable SOL payloads dropped so far (diagnostics). */
    public long malformedCount() {
        return malformed;
    }

    /** BMC retransmissions and late duplicates seen so far (diagnostics). */
    public long duplicateCount() {
        return receiver.duplicates();
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("SOL console is closed");
        }
    }

    private void acknowledged(SolPacket p, boolean ready, long now) {
        Outstanding o = outstanding;
        outstanding = null;
        nextSeq = o.seq == 15 ? 1 : o.seq + 1;
        if (o.kind == Kind.PROBE) {
            probePending = false;
            return;
        }
        if (o.kind == Kind.DATA) {
            int accepted = Math.min(p.accepted(), o.length);
            queue.drop(accepted);
            opsAfter = Math.max(0, opsAfter - accepted);
            if (accepted == 0 && ready) {
                // Taken nothing without saying why: back off instead of bouncing packets at once.
                holdUntil = now + settings.retryIntervalMillis();
            }
        }
    }

    /** The resume packet after a NACK (ACK-only, count 0, the number after the NACKed one); 0: none due. */
    private void sendResume(int seq, long now, Actions acts) {
        if (seq != 0) {
            send(new SolPacket(0, seq, 0, lineBits(), new byte[0]).encode(), now, acts);
        }
    }

    private int lineBits() {
        return (ctsPause ? ConsoleOperation.CTS_PAUSE.bit() : 0) | (dropDcdDsr ? ConsoleOperation.DROP_DCD_DSR.bit() : 0);
    }

    private void trySend(long now, Actions acts) {
        if (!started || closed || outstanding != null) {
            return;
        }
        if (probePending) {
            transmit(Kind.PROBE, new byte[0], lineBits(), now, acts);
            return;
        }
        if (now < holdUntil) {
            return;
        }
        int flags = lineBits();
        int n = Math.min(queue.size(), settings.maxCharsPerPacket());
        if (!pendingOps.isEmpty()) {
            if (opsAfter == 0) {
                n = 0;
                for (ConsoleOperation op : pendingOps) {
                    flags |= op.bit();
                }
                pendingOps.clear();
            } else {
                n = Math.min(n, opsAfter);
            }
        } else if (n == 0 && !linesChanged) {
            return;
        }
        linesChanged = false;
        transmit(n > 0 ? Kind.DATA : Kind.CONTROL, queue.peek(n), flags, now, acts);
    }

    private void transmit(Kind kind, byte[] data, int flags, long now, Actions acts) {
        byte[] payload = new SolPacket(nextSeq, 0, 0, flags, data).encode();
        outstanding = new Outstanding(kind, nextSeq, data.length, payload, now, now + settings.retryIntervalMillis());
        send(payload, now, acts);
    }

    private void send(byte[] payload, long now, Actions acts) {
        acts.send(payload);
        lastSent = now;
    }

    private void close(Actions acts, SolEvent reason, Optional<IpmiException> failure) {
        status(acts, reason);
        acts.callback(() -> output.closed(reason, failure));
        acts.cancelTimer();
        close();
        armed = NONE;
    }

    private void status(Actions acts, SolEvent event) {
        acts.callback(() -> output.status(event));
    }

    private long deadline(long now) {
        if (closed) {
            return NONE;
        }
        long d = NONE;
        if (outstanding != null) {
            d = outstanding.deadline;
        } else if (holdUntil > now && (queue.size() > 0 || !pendingOps.isEmpty() || linesChanged)) {
            d = holdUntil;
        }
        d = Math.min(d, receiver.resumeDeadline());
        if (started && settings.keepaliveMillis() > 0) {
            d = Math.min(d, lastSent + settings.keepaliveMillis());
        }
        return d;
    }

    private Actions finish(long now, Actions acts) {
        long d = deadline(now);
        if (d != armed) {
            armed = d;
            if (d != NONE) {
                acts.armTimer(d);
            } else {
                acts.cancelTimer();
            }
        }
        return acts;
    }
}
