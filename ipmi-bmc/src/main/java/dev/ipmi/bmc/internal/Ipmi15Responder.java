package dev.ipmi.bmc.internal;

import dev.ipmi.bmc.BmcQuirk;
import dev.ipmi.bmc.BmcUser;
import dev.ipmi.bmc.Sink;
import dev.ipmi.core.MalformedMessageException;
import dev.ipmi.core.commands.app.GetChannelAuthenticationCapabilities;
import dev.ipmi.core.commands.session.ActivateSession;
import dev.ipmi.core.commands.session.GetSessionChallenge;
import dev.ipmi.core.types.AuthType;
import dev.ipmi.core.types.CompletionCode;
import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.LanMessage;
import dev.ipmi.lan.engine.Rmcp;
import dev.ipmi.lan.engine.SequenceWindow;
import dev.ipmi.lan.internal.AuthCodes;
import dev.ipmi.lan.internal.Ipmi15Packet;
import java.net.SocketAddress;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The BMC half of IPMI 1.5 LAN sessions (IPMI v2.0 §13.6, §22.13–§22.19; facts §2): answers the
 * ASF presence ping, Get Channel Authentication Capabilities, Get Session Challenge and Activate
 * Session, checks and produces the per-message AuthCode (none, MD2, MD5, straight password),
 * enforces the inbound sequence window (8 above / 8 below), handles Set Session Privilege Level and
 * Close Session, and hands every other request to a {@link CommandHandler}.
 *
 * <p>A pure state machine: no sockets, no clock, no threads. The caller passes the time and a
 * {@link Sink}; {@link #onTimer(long)} expires idle sessions. Not thread-safe: confine it to one
 * I/O thread. Bad datagrams are counted and dropped, never thrown.
 */
public final class Ipmi15Responder {
    private static final Logger LOG = LoggerFactory.getLogger(Ipmi15Responder.class);
    private static final int MAX_PENDING_CHALLENGES = 32;

    private final ResponderConfig config;
    private final CommandHandler handler;
    private final SessionSlots slots;
    private final RandomGenerator random;
    private final SessionCommands<Session> sessionCommands;
    private final Map<Integer, Challenge> challenges = new LinkedHashMap<>();
    private final Map<Integer, Session> sessions = new LinkedHashMap<>();
    private final DeferredReplies deferred = new DeferredReplies();
    private long dropped;

    private record Challenge(int tempId, BmcUser user, AuthType authType, byte[] challenge, long created) {}

    private static final class Session extends ResponderSession {
        final int id;
        final BmcUser user;
        final AuthType authType;
        final byte[] pw16;
        final byte[] challenge;
        final int initialInbound;
        SequenceWindow window;
        boolean confirmed;

        Session(int id, BmcUser user, AuthType authType, byte[] pw16, PrivilegeLevel maxPrivilege, byte[] challenge,
                int initialInbound, int initialOutbound, long now) {
            super(now);
            this.id = id;
            this.user = user;
            this.authType = authType;
            this.pw16 = pw16;
            this.maxPrivilege = maxPrivilege;
            this.challenge = challenge;
            this.initialInbound = initialInbound;
            this.privilege = maxPrivilege.code() < PrivilegeLevel.USER.code() ? maxPrivilege : PrivilegeLevel.USER;
            this.window = new SequenceWindow(initialInbound - 1, 8, 8);
            this.outboundSeq = initialOutbound;
        }
    }

    public Ipmi15Responder(ResponderConfig config, CommandHandler handler, SessionSlots slots) {
        this(config, handler, slots, new SecureRandom());
    }

    public Ipmi15Responder(ResponderConfig config, CommandHandler handler, SessionSlots slots,
                           RandomGenerator random) {
        this.config = config;
        this.handler = handler;
        this.slots = slots;
        this.random = random;
        this.sessionCommands = new SessionCommands<>(config, new SessionCommands.Table<>() {
            @Override
            public Session active(int sessionId) {
                return sessions.get(sessionId);
            }

            @Override
            public void close(Session session) {
                sessions.remove(session.id);
                slots.release();
            }
        });
    }

    /** Where replies a backend finishes later are sent from (the server's I/O thread). */
    public DeferredReplies deferredReplies() {
        return deferred;
    }

    public int activeSessions() {
        return sessions.size();
    }

    public long dropped() {
        return dropped;
    }

    /** Answers an RMCP/ASF presence ping; returns false if the datagram is not one. */
    public static boolean answerPing(SocketAddress from, byte[] d, Sink sink) {
        OptionalInt tag = Rmcp.presencePingTag(d);
        if (tag.isEmpty()) {
            return false;
        }
        sink.send(from, new Rmcp.Pong(tag.getAsInt(), Rmcp.ASF_IANA, 0, 0x81, 0x00).encode());
        return true;
    }

    /** Handles one inbound datagram (anything but RMCP+). */
    public void onDatagram(SocketAddress from, byte[] datagram, long now, Sink sink) {
        if (answerPing(from, datagram, sink)) {
            return;
        }
        Ipmi15Packet packet;
        LanMessage request;
        try {
            packet = Ipmi15Packet.decode(datagram);
            request = LanMessage.decode(packet.message());
        } catch (MalformedMessageException e) {
            drop("malformed: " + e.withoutBytes());
            return;
        }
        if (request.isResponse()) {
            drop("a response sent to the BMC");
            return;
        }
        if (packet.sessionId() == 0) {
            preSession(from, packet, request, now, sink);
            return;
        }
        Challenge pending = challenges.get(packet.sessionId());
        if (pending != null && SessionCommands.is(request, ActivateSession.ID)) {
            activate(from, packet, request, pending, now, sink);
            return;
        }
        Session s = sessions.get(packet.sessionId());
        if (s == null) {
            drop("unknown session ID");
            return;
        }
        inSession(from, s, packet, request, now, sink);
    }

    /** Closes sessions idle for longer than the configured timeout and forgets stale challenges. */
    public void onTimer(long now) {
        challenges.values().removeIf(c -> now - c.created() > config.idleTimeoutNanos());
        for (Iterator<Session> it = sessions.values().iterator(); it.hasNext(); ) {
            Session s = it.next();
            if (now - s.lastActivity > config.idleTimeoutNanos()) {
                LOG.debug("IPMI 1.5 session {} idle, closed", Integer.toHexString(s.id));
                it.remove();
                slots.release();
            }
        }
    }

    private void preSession(SocketAddress from, Ipmi15Packet packet, LanMessage request, long now, Sink sink) {
        if (!packet.authType().equals(AuthType.NONE)) {
            drop("pre-session packet with an AuthCode");
            return;
        }
        byte[] reply;
        if (SessionCommands.is(request, GetChannelAuthenticationCapabilities.ID)) {
            reply = AuthCapabilities.answer(config, request.body()).toBytes();
        } else if (SessionCommands.is(request, GetSessionChallenge.ID)) {
            reply = challenge(request.body(), now).toBytes();
        } else {
            reply = handler.handle(new CommandContext(config.channel(), PrivilegeLevel.NO_ACCESS, 0, 0, false),
                    request.netFn(), request.command(), request.body());
        }
        if (reply == null) {
            drop("pre-session request not answered");
            return;
        }
        byte[] msg = corruptChecksum(config.has(BmcQuirk.NOCHECKSUMCHECK), request.response(reply).encode());
        sink.send(from, Ipmi15Packet.outsideSession(msg).encode());
    }

    private Reply challenge(byte[] data, long now) {
        if (data.length < 17) {
            return Reply.error(CompletionCode.REQUEST_LENGTH_INVALID);
        }
        AuthType type = AuthType.valueOf(data[0] & 0x0F);
        if (!config.authTypes().contains(type)) {
            return Reply.error(CompletionCode.INVALID_DATA_FIELD);
        }
        byte[] name = Arrays.copyOfRange(data, 1, 17);
        boolean nullName = true;
        for (byte b : name) {
            nullName &= b == 0;
        }
        var user = config.user(name);
        if (user.isEmpty()) {
            return Reply.error(nullName ? GetSessionChallenge.NULL_USER_DISABLED : GetSessionChallenge.INVALID_USER_NAME);
        }
        int tempId = nonZero();
        byte[] challenge = new byte[16];
        random.nextBytes(challenge);
        if (challenges.size() >= MAX_PENDING_CHALLENGES) {
            Iterator<Integer> oldest = challenges.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        challenges.put(tempId, new Challenge(tempId, user.get(), type, challenge, now));
        return Reply.ok(new GetSessionChallenge.Response(tempId, challenge));
    }

    private void activate(SocketAddress from, Ipmi15Packet packet, LanMessage request, Challenge pending, long now,
                          Sink sink) {
        byte[] pw16 = AuthCodes.pad(Arrays.copyOf(pending.user().password(),
                Math.min(16, pending.user().password().length)));
        if (!packet.authType().equals(pending.authType()) || packet.sequence() != 0
                || !AuthCodes.verify(packet, pw16)) {
            drop("Activate Session with a wrong AuthCode, auth type or sequence number");
            return;
        }
        byte[] data = request.body();
        Reply reply;
        Session created = null;
        int outbound = 0;
        if (data.length < 22) {
            reply = Reply.error(CompletionCode.REQUEST_LENGTH_INVALID);
        } else {
            ByteReader in = ByteReader.of(data);
            int authType = in.u8("auth type") & 0x0F;
            PrivilegeLevel requested = PrivilegeLevel.valueOf(in.u8("privilege") & 0x0F);
            byte[] challenge = in.bytes(16, "challenge");
            outbound = in.i32("initial outbound sequence number");
            if (authType != pending.authType().code() || !MessageDigest.isEqual(challenge, pending.challenge())) {
                reply = Reply.error(CompletionCode.INVALID_DATA_FIELD);
            } else if (outbound == 0) {
                reply = Reply.error(ActivateSession.SEQUENCE_OUT_OF_RANGE);
            } else if (requested.code() < PrivilegeLevel.CALLBACK.code()
                    || requested.code() > PrivilegeLevel.OEM.code()
                    || requested.code() > pending.user().maxPrivilege().code()) {
                reply = Reply.error(ActivateSession.PRIVILEGE_EXCEEDS_LIMIT);
            } else if (!slots.tryAcquire()) {
                reply = Reply.error(ActivateSession.NO_SLOT_AVAILABLE);
            } else {
                challenges.remove(pending.tempId());
                int inbound = nonZero();
                created = new Session(pending.tempId(), pending.user(), pending.authType(), pw16, requested,
                        challenge, inbound, outbound, now);
                sessions.put(created.id, created);
                reply = activateReply(created);
                LOG.debug("IPMI 1.5 session {} activated for user {} at {}", Integer.toHexString(created.id),
                        created.user.id(), requested);
            }
        }
        int seq = created != null ? created.outboundSeq : 0;
        sendReply(from, pending.authType(), pw16, pending.tempId(), seq, request, reply.toBytes(), false, sink);
    }

    private Reply activateReply(Session s) {
        // UNEXPECTEDAUTH, FORCEPERMSG: the session is announced as continuing without AuthCodes.
        AuthType announced = config.has(BmcQuirk.UNEXPECTEDAUTH) || config.has(BmcQuirk.FORCEPERMSG)
                ? AuthType.NONE : s.authType;
        return Reply.ok(new ActivateSession.Response(announced, s.id, s.initialInbound, s.maxPrivilege));
    }

    /** NOCHECKSUMCHECK: the second checksum of a response message is off by one (Supermicro X9). */
    static byte[] corruptChecksum(boolean quirk, byte[] message) {
        if (quirk && message.length > 0) {
            message[message.length - 1]++;
        }
        return message;
    }

    private void inSession(SocketAddress from, Session s, Ipmi15Packet packet, LanMessage request, long now,
                           Sink sink) {
        // UNEXPECTEDAUTH (Dell PowerEdge 2850): requests without AuthCode are accepted, as announced.
        boolean unauthenticated = config.has(BmcQuirk.UNEXPECTEDAUTH) && packet.authType().equals(AuthType.NONE);
        if (!unauthenticated && (!packet.authType().equals(s.authType) || !AuthCodes.verify(packet, s.pw16))) {
            drop("bad AuthCode in session " + Integer.toHexString(s.id));
            return;
        }
        if (packet.sequence() == 0 && !s.confirmed && SessionCommands.is(request, ActivateSession.ID)) {
            // A retried Activate Session whose reply was lost: answer it again (IPMI v2.0 §22.17).
            byte[] data = request.body();
            if (data.length >= 18 && MessageDigest.isEqual(Arrays.copyOfRange(data, 2, 18), s.challenge)) {
                s.lastActivity = now;
                sendReply(from, s.authType, s.pw16, s.id, s.outboundSeq, request, activateReply(s).toBytes(), false,
                        sink);
            }
            return;
        }
        if (!s.window.accept(packet.sequence())) {
            drop("sequence number outside the window in session " + Integer.toHexString(s.id));
            return;
        }
        s.confirmed = true;
        s.lastActivity = now;
        if (deferred.stillRunning(s.id, request)) {
            drop("retransmission of a request still running in session " + Integer.toHexString(s.id));
            return;
        }
        Optional<SessionCommands.Outcome> session = sessionCommands.handle(s, request);
        if (session.isPresent()) {
            reply(from, s, request, session.get().reply().toBytes(), session.get().closeCaller(), sink);
        } else {
            deferred.answer(s.id, request, handler.handleAsync(new CommandContext(config.channel(), s.privilege,
                    s.user.id(), s.id, false), request.netFn(), request.command(), request.body()).toCompletableFuture(),
                    () -> sessions.get(s.id) == s, r -> reply(from, s, request,
                            r != null ? r : Reply.error(CompletionCode.INVALID_COMMAND).toBytes(), false, sink));
        }
    }

    private void reply(SocketAddress from, Session s, LanMessage request, byte[] reply, boolean close, Sink sink) {
        sendReply(from, s.authType, s.pw16, s.id, s.nextOutbound(), request, reply, true, sink);
        if (close) {
            sessions.remove(s.id);
            slots.release();
            LOG.debug("IPMI 1.5 session {} closed", Integer.toHexString(s.id));
        }
    }

    private void sendReply(SocketAddress from, AuthType type, byte[] pw16, int sid, int seq, LanMessage request,
                           byte[] reply, boolean inSession, Sink sink) {
        byte[] msg = corruptChecksum(config.has(BmcQuirk.NOCHECKSUMCHECK), request.response(reply).encode());
        if (inSession && config.has(BmcQuirk.IDZERO)) {
            sid = 0;
        }
        if (config.has(BmcQuirk.ENDIANSEQ)) {
            seq = Integer.reverseBytes(seq);
        }
        byte[] code = AuthCodes.compute(type, pw16, sid, msg, seq);
        if (config.has(BmcQuirk.NOAUTHCODECHECK)) {
            Arrays.fill(code, (byte) 0);
        }
        sink.send(from, new Ipmi15Packet(type, seq, sid, code, msg).encode());
    }

    private int nonZero() {
        int v;
        do {
            v = random.nextInt();
        } while (v == 0 || sessions.containsKey(v) || challenges.containsKey(v));
        return v;
    }

    private void drop(String why) {
        dropped++;
        LOG.debug("IPMI 1.5 datagram dropped: {}", why);
    }
}
