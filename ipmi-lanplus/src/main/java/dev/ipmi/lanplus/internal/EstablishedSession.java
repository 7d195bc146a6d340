package dev.ipmi.lanplus.internal;

import dev.ipmi.core.event.DropReason;
import dev.ipmi.core.wire.LanMessage;
import dev.ipmi.lanplus.CipherSuite;
import dev.ipmi.lanplus.internal.RakpExchange.SessionKeys;

/**
 * The data of an RMCP+ session once the keys are verified: the codec with K1/K2, the outbound
 * session sequence number (from 1, never 0) and the inbound replay window. Inbound packets are
 * integrity-checked and decrypted first, then session ID and replay window are checked; only then
 * does the machine look at the payload. Used on the I/O thread only.
 */
final class EstablishedSession {
    /** An inbound packet that passed every check, or the reason it did not (already reported). */
    sealed interface Inbound {
        record Accepted(RmcpPlusCodec.Packet packet) implements Inbound {}

        record Rejected(boolean replay) implements Inbound {}
    }

    private final CipherSuite suite;
    private final int consoleSid;
    private final int bmcSid;
    private final RmcpPlusCodec codec;
    private final ReplayWindow window = new ReplayWindow();
    private final SessionEvents events;
    private int outSeq;

    EstablishedSession(SessionKeys keys, RakpExchange.Secrets secrets, SessionEvents events) {
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
        int seq = outSeq;
        events.trace(true, () -> "seq " + Integer.toUnsignedString(seq) + " " + describe(m) + " "
                + PacketTrace.redacted(d, suite.integrity().authCodeLength()));
        return d;
    }

    /**
     * Checks and opens an inbound session packet.
     *
     * @throws IntegrityCheckException               the AuthCode, trailer or padding does not verify
     * @throws dev.ipmi.core.MalformedMessageException the packet does not parse
     */
    Inbound open(byte[] d) {
        RmcpPlusCodec.Packet p = codec.decode(d);
        if (p.sessionId() != consoleSid) {
            events.drop(DropReason.WRONG_SESSION, "session ID " + Integer.toHexString(p.sessionId()));
            return new Inbound.Rejected(false);
        }
        if (!window.accept(p.sequence())) {
            events.drop(DropReason.SEQUENCE_OUTSIDE_WINDOW, "session sequence number "
                    + Integer.toUnsignedString(p.sequence()));
            return new Inbound.Rejected(true);
        }
        return new Inbound.Accepted(p);
    }

    /** Traces an accepted inbound IPMI message by its header fields. */
    void traceInbound(byte[] d, RmcpPlusCodec.Packet p, LanMessage m) {
        events.trace(false, () -> "seq " + Integer.toUnsignedString(p.sequence()) + " " + describe(m) + " "
                + PacketTrace.redacted(d, suite.integrity().authCodeLength()));
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
