package dev.ipmi.lanplus.internal;

import dev.ipmi.core.event.DropReason;
import dev.ipmi.core.options.Quirk;
import dev.ipmi.core.types.ConfidentialityAlgorithm;
import dev.ipmi.core.wire.LanMessage;
import dev.ipmi.lan.engine.Actions;
import dev.ipmi.lan.engine.RequestTracker;
import dev.ipmi.core.types.CipherSuite;
import dev.ipmi.lanplus.internal.RakpExchange.SessionKeys;
import java.util.List;
import java.util.function.Consumer;

/**
 * The data of an RMCP+ session once the keys are verified: the codec with K1/K2, the outbound
 * session sequence number (from 1, never 0) and the inbound replay window. Inbound packets are
 * integrity-checked and decrypted first, then session ID and replay window are checked; only then
 * does the machine look at the payload. Used on the I/O thread only.
 */
final class EstablishedSession {
    /** What an inbound session datagram turned out to be. */
    sealed interface Inbound {
        /** Dropped (and reported) by the session ID check or, if {@code replay}, the replay window. */
        record Rejected(boolean replay) implements Inbound {}

        /** Taken care of here: a SOL payload handed over, or a payload dropped. */
        record Handled() implements Inbound {}

        /** An IPMI message; {@code answered} is the request it answers, or null if none. */
        record Message(RequestTracker.Pending answered, byte[] body) implements Inbound {}
    }

    private final CipherSuite suite;
    private final int consoleSid;
    private final int bmcSid;
    private final RmcpPlusCodec codec;
    private final ReplayWindow window = new ReplayWindow();
    private final SessionEvents events;
    private int outSeq;
    private long lastActivity;
    private boolean idZeroSeen;

    /** False under the opt-in {@link dev.ipmi.core.options.Quirk#NO_CHECKSUM_CHECK}. */
    private boolean verifyChecksums = true;

    void verifyChecksums(boolean verify) {
        this.verifyChecksums = verify;
    }

    EstablishedSession(SessionKeys keys, RakpExchange.Secrets secrets, SessionEvents events, long now) {
        this.lastActivity = now;
        this.suite = keys.suite();
        this.consoleSid = keys.consoleSid();
        this.bmcSid = keys.bmcSid();
        this.codec = keys.codec(secrets);
        this.events = events;
    }

    CipherSuite suite() {
        return suite;
    }

    int consoleSid() {
        return consoleSid;
    }

    int bmcSid() {
        return bmcSid;
    }

    /** One payload in the session with the next sequence number, authenticated and encrypted as the suite says. */
    byte[] encode(int payloadType, byte[] payload) {
        outSeq++;
        if (outSeq == 0) {
            outSeq = 1;
        }
        return codec.encode(payloadType, bmcSid, outSeq, payload);
    }

    /** An IPMI message in the session; traced by its header fields only. */
    byte[] encodeIpmi(LanMessage m) {
        byte[] d = encode(RmcpPlusCodec.PAYLOAD_IPMI, m.encode());
        if (events.tracesPackets()) {
            int seq = outSeq;
            events.trace(true, () -> "seq " + Integer.toUnsignedString(seq) + " " + describe(m) + " "
                    + PacketTrace.redacted(d, suite.integrity().authCodeLength()));
        }
        return d;
    }

    /** When a packet last arrived (or a keepalive went out): the keepalive is due {@code interval} after it. */
    long lastActivity() {
        return lastActivity;
    }

    void touch(long now) {
        lastActivity = now;
    }

    /** Sends requests the tracker released, each with the next session sequence number. */
    void send(Actions a, List<RequestTracker.Pending> pending) {
        for (RequestTracker.Pending p : pending) {
            a.send(encodeIpmi(p.message()));
        }
    }

    /**
     * Checks and opens an inbound session packet: integrity and decryption first, then session ID
     * and replay window. SOL payloads go to {@code sol} on the I/O thread ({@link Actions#callback});
     * IPMI responses are matched by the {@code tracker}.
     *
     * @throws IntegrityCheckException               the AuthCode, trailer or padding does not verify
     * @throws dev.ipmi.core.MalformedMessageException the packet does not parse
     */
    Inbound receive(byte[] d, Actions a, long now, Consumer<byte[]> sol, RequestTracker tracker) {
        RmcpPlusCodec.Packet p = codec.decode(d);
        if (p.sessionId() != consoleSid) {
            if (!idZero(p)) {
                events.drop(DropReason.WRONG_SESSION, "session ID " + Integer.toHexString(p.sessionId()));
                return new Inbound.Rejected(false);
            }
        }
        if (!window.accept(p.sequence())) {
            events.drop(DropReason.SEQUENCE_OUTSIDE_WINDOW, "session sequence number "
                    + Integer.toUnsignedString(p.sequence()));
            return new Inbound.Rejected(true);
        }
        if (p.payloadType() == RmcpPlusCodec.PAYLOAD_SOL) {
            lastActivity = now;
            if (sol == null) {
                events.drop(DropReason.UNEXPECTED_MESSAGE, "SOL payload with no console active");
            } else {
                byte[] payload = p.payload();
                a.callback(() -> sol.accept(payload));
            }
            return new Inbound.Handled();
        }
        if (p.payloadType() != RmcpPlusCodec.PAYLOAD_IPMI) {
            events.drop(DropReason.UNEXPECTED_MESSAGE, "payload type " + p.payloadType());
            return new Inbound.Handled();
        }
        LanMessage m = LanMessage.decode(p.payload(), verifyChecksums);
        if (events.tracesPackets()) {
            events.trace(false, () -> "seq " + Integer.toUnsignedString(p.sequence()) + " " + describe(m) + " "
                    + PacketTrace.redacted(d, suite.integrity().authCodeLength()));
        }
        lastActivity = now;
        return new Inbound.Message(tracker.onResponse(m, now), m.body());
    }

    /**
     * {@link Quirk#ID_ZERO} over RMCP+: session ID 0 in a reply is accepted only when the packet was
     * authenticated (and, if the suite encrypts, encrypted) with this session's keys, which only the BMC
     * holds; reported once per session.
     */
    private boolean idZero(RmcpPlusCodec.Packet p) {
        if (p.sessionId() != 0 || !p.authenticated()
                || (!p.encrypted() && suite.confidentiality() != ConfidentialityAlgorithm.NONE)) {
            return false;
        }
        if (!idZeroSeen) {
            idZeroSeen = true;
            events.quirkDetected(Quirk.ID_ZERO, "in-session replies carry session ID 0");
        }
        return true;
    }

    /** Wipes the keys. */
    void close() {
        codec.close();
    }

    /** Header fields only: request data may itself be secret (Set User Password), so it is never traced. */
    private static String describe(LanMessage m) {
        return String.format("netFn %02Xh cmd %02Xh rqSeq %d, %d data bytes", m.netFn(), m.command(), m.seq(),
                m.body().length);
    }

    @Override
    public String toString() {
        return "EstablishedSession[suite " + suite.id() + ", keys redacted]";
    }
}
