package dev.ipmi.bmc.internal;

import dev.ipmi.bmc.SolConsole;
import dev.ipmi.core.MalformedMessageException;
import dev.ipmi.core.commands.app.ActivatePayload;
import dev.ipmi.core.commands.app.DeactivatePayload;
import dev.ipmi.core.commands.app.GetPayloadActivationStatus;
import dev.ipmi.core.commands.app.GetPayloadInstanceInfo;
import dev.ipmi.core.commands.app.Payloads;
import dev.ipmi.core.types.CompletionCode;
import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;
import dev.ipmi.core.wire.LanMessage;
import dev.ipmi.lanplus.sol.ConsoleOperation;
import dev.ipmi.lanplus.sol.SolPacket;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * The BMC half of Serial over LAN (IPMI v2.0 §24.1–§24.7, §15): the payload commands (Activate,
 * Deactivate, Get Payload Activation Status, Get Payload Instance Info) and the SOL payload stream of
 * the one session that holds instance 1: inbound characters are ACKed and handed to the
 * {@link SolConsole}, console output goes out in packets of up to {@value #MAX_CHARS} characters,
 * retransmitted every {@value #RETRY_NANOS} ns until ACKed or {@value #MAX_RETRIES} retries; the next
 * packet goes out as soon as one is acknowledged. Receive flow control of the console is honoured
 * (IPMI v2.0 §15.9): characters it did not accept are sent again under a new sequence number, and
 * after a NACK the BMC waits, as ipmi_sim does, for an acknowledgement of the number after the
 * NACKed one (the console's resume), or at most {@value #PAUSE_NANOS} ns.
 *
 * <p>A pure state machine like the responders (time comes in as an argument); confined to their thread.
 *
 * @param <S> the RMCP+ responder's session type
 */
public final class SolPayloadServer<S> {
    static final long RETRY_NANOS = 500_000_000L;
    static final int MAX_RETRIES = 6;
    static final int MAX_CHARS = 200;
    static final long PAUSE_NANOS = 2_000_000_000L;
    private static final int INSTANCE = 1;

    /** Sends a SOL payload inside a session (the responder applies the session's integrity and encryption). */
    @FunctionalInterface
    public interface Link<S> {
        void send(S session, byte[] solPayload);
    }

    private final Supplier<Optional<SolConsole>> consoles;
    private final IntSupplier port;
    private final boolean dropFirstPacket;
    private final ToIntFunction<S> sessionId;
    private final Consumer<String> drop;
    private S owner;
    private SolConsole console;
    private int lastInboundSeq;
    private int outSeq;
    private byte[] outstanding;
    private int outstandingSeq;
    private long sentAt;
    private int retries;
    private boolean dropNext;
    /** Characters the console did not accept, sent again before new output. */
    private byte[] held;
    private boolean paused;
    private int resumeSeq;
    private long pausedAt;

    /**
     * @param consoles        the BMC's SOL console, if it offers one (asked at each activation)
     * @param port            the BMC's UDP port, reported by Activate Payload
     * @param dropFirstPacket {@link dev.ipmi.bmc.BmcQuirk#DROP_FIRST_SOL_PACKET}
     * @param sessionId       the BMC-side ID of a session, for Get Payload Instance Info
     * @param drop            counts and logs a dropped packet
     */
    public SolPayloadServer(Supplier<Optional<SolConsole>> consoles, IntSupplier port, boolean dropFirstPacket,
                            ToIntFunction<S> sessionId, Consumer<String> drop) {
        this.consoles = consoles;
        this.port = port;
        this.dropFirstPacket = dropFirstPacket;
        this.sessionId = sessionId;
        this.drop = drop;
    }

    /** The answer when {@code request} is a payload command, empty otherwise. */
    public Optional<Reply> handle(S caller, PrivilegeLevel privilege, LanMessage request) {
        ByteReader in = ByteReader.of(request.body());
        try {
            if (SessionCommands.is(request, ActivatePayload.ID)) {
                return Optional.of(activate(caller, privilege, in));
            }
            if (SessionCommands.is(request, DeactivatePayload.ID)) {
                return Optional.of(deactivate(caller, privilege, in));
            }
            if (SessionCommands.is(request, GetPayloadActivationStatus.ID)) {
                return Optional.of(status(in));
            }
            if (SessionCommands.is(request, GetPayloadInstanceInfo.ID)) {
                return Optional.of(instance(in));
            }
        } catch (MalformedMessageException e) {
            return Optional.of(Reply.error(CompletionCode.REQUEST_LENGTH_INVALID));
        }
        return Optional.empty();
    }

    private static boolean isSolInstance(int typeByte, int instanceByte) {
        return (typeByte & 0x3F) == Payloads.SOL && (instanceByte & 0x0F) == INSTANCE;
    }

    private Reply activate(S caller, PrivilegeLevel privilege, ByteReader in) {
        int type = in.u8("payload type");
        int instance = in.u8("payload instance");
        if (!isSolInstance(type, instance)) {
            return Reply.error(CompletionCode.INVALID_DATA_FIELD);
        }
        if (privilege.code() < PrivilegeLevel.USER.code()) {
            return Reply.error(CompletionCode.INSUFFICIENT_PRIVILEGE);
        }
        Optional<SolConsole> available = consoles.get();
        if (available.isEmpty()) {
            return Reply.error(ActivatePayload.PAYLOAD_DISABLED);
        }
        if (owner != null) {
            return Reply.error(ActivatePayload.ALREADY_ACTIVE);
        }
        owner = caller;
        console = available.get();
        lastInboundSeq = 0;
        outSeq = 0;
        outstanding = null;
        dropNext = dropFirstPacket;
        console.activated();
        return Reply.ok(new ActivatePayload.Response(0, MAX_CHARS + SolPacket.HEADER_LENGTH,
                MAX_CHARS + SolPacket.HEADER_LENGTH, port.getAsInt(), ActivatePayload.NO_VLAN));
    }

    private Reply status(ByteReader in) {
        if ((in.u8("payload type") & 0x3F) != Payloads.SOL) {
            return Reply.error(CompletionCode.INVALID_DATA_FIELD);
        }
        return Reply.ok(new GetPayloadActivationStatus.Response(1, owner != null ? 1 << (INSTANCE - 1) : 0));
    }

    private Reply instance(ByteReader in) {
        int type = in.u8("payload type");
        if (!isSolInstance(type, in.u8("payload instance"))) {
            return Reply.error(CompletionCode.INVALID_DATA_FIELD);
        }
        // payload-specific bytes for SOL: byte 1 = the serial port the instance runs on (1 when active)
        ByteWriter specific = new ByteWriter(8);
        specific.u8(owner == null ? 0 : 1).zeros(7);
        return Reply.ok(new GetPayloadInstanceInfo.Response(owner == null ? 0 : sessionId.applyAsInt(owner),
                specific.toByteArray()));
    }

    private Reply deactivate(S caller, PrivilegeLevel privilege, ByteReader in) {
        int type = in.u8("payload type");
        if (!isSolInstance(type, in.u8("payload instance"))) {
            return Reply.error(CompletionCode.INVALID_DATA_FIELD);
        }
        if (owner == null) {
            return Reply.error(DeactivatePayload.ALREADY_DEACTIVATED);
        }
        if (owner != caller && privilege.code() < PrivilegeLevel.ADMINISTRATOR.code()) {
            return Reply.error(CompletionCode.INSUFFICIENT_PRIVILEGE);
        }
        release();
        return Reply.ok();
    }

    /** The session ended (closed or idle): its SOL instance goes with it. */
    public void sessionEnded(S session) {
        if (owner == session) {
            release();
        }
    }

    private void release() {
        console.deactivated();
        owner = null;
        console = null;
        outstanding = null;
        held = null;
        paused = false;
    }

    /** A SOL payload that arrived in {@code session}. */
    public void onPayload(S session, byte[] payload, long now, Link<S> link) {
        if (owner != session) {
            drop.accept("SOL packet without an active SOL payload");
            return;
        }
        SolPacket p;
        try {
            p = SolPacket.decode(payload);
        } catch (MalformedMessageException e) {
            drop.accept("malformed SOL packet: " + e.withoutBytes());
            return;
        }
        if (p.ackSequence() != 0 && outstanding != null && p.ackSequence() == outstandingSeq) {
            int accepted = p.has(ConsoleOperation.NACK) ? 0 : Math.min(p.accepted(), outstanding.length);
            if (accepted < outstanding.length) {
                held = Arrays.copyOfRange(outstanding, accepted, outstanding.length);
            }
            if (p.has(ConsoleOperation.NACK)) {
                outSeq = outSeq % 15 + 1;
                resumeSeq = outSeq;
                paused = true;
                pausedAt = now;
            }
            outstanding = null;
        } else if (paused && p.ackSequence() == resumeSeq && !p.has(ConsoleOperation.NACK)) {
            paused = false;
        }
        if (p.sequence() == 0) {
            // an ACK frees the window: send the next output now, as a BMC streaming a busy console
            // does, instead of at the next timer tick (200 bytes per 20 ms tick capped it at 10 KB/s)
            output(now, link);
            return;
        }
        byte[] chars = p.data();
        if (dropNext && chars.length > 0) {
            dropNext = false;
            drop.accept("first SOL packet discarded (quirk)");
            return;
        }
        if (p.sequence() != lastInboundSeq) {
            lastInboundSeq = p.sequence();
            if (chars.length > 0) {
                console.input(chars);
            }
        }
        link.send(session, SolPacket.ack(p.sequence(), chars.length).encode());
        output(now, link);
    }

    /** Retransmits unacknowledged output and sends new console output. */
    public void onTimer(long now, Link<S> link) {
        if (owner != null) {
            output(now, link);
        }
    }

    private void output(long now, Link<S> link) {
        if (paused) {
            if (now - pausedAt < PAUSE_NANOS) {
                return;
            }
            paused = false;
        }
        if (outstanding != null) {
            if (now - sentAt < RETRY_NANOS) {
                return;
            }
            if (++retries > MAX_RETRIES) {
                outstanding = null;
            } else {
                sentAt = now;
                send(outstandingSeq, outstanding, link);
                return;
            }
        }
        byte[] out = held != null ? held : console.drainOutput(MAX_CHARS);
        held = null;
        if (out.length == 0) {
            return;
        }
        outSeq = outSeq % 15 + 1;
        outstanding = out;
        outstandingSeq = outSeq;
        sentAt = now;
        retries = 0;
        send(outSeq, out, link);
    }

    private void send(int seq, byte[] chars, Link<S> link) {
        link.send(owner, SolPacket.fromBmc(seq, 0, 0, Set.of(), chars).encode());
    }
}
