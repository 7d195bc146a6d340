package dev.ipmi.bmc.internal;

import dev.ipmi.core.MalformedMessageException;
import dev.ipmi.core.commands.app.GetChannelAuthenticationCapabilities;
import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.core.wire.LanMessage;
import dev.ipmi.bmc.BmcQuirk;
import dev.ipmi.bmc.BmcUser;
import dev.ipmi.bmc.Sink;
import dev.ipmi.bmc.SolConsole;
import dev.ipmi.lan.engine.SequenceWindow;
import dev.ipmi.core.types.AuthenticationAlgorithm;
import dev.ipmi.core.types.CipherSuite;
import dev.ipmi.core.types.IntegrityAlgorithm;
import dev.ipmi.lanplus.RmcpPlusStatus;
import dev.ipmi.lanplus.internal.Crypto;
import dev.ipmi.lanplus.internal.IntegrityCheckException;
import dev.ipmi.lanplus.internal.RakpKeys;
import dev.ipmi.lanplus.internal.RakpMessage;
import dev.ipmi.lanplus.internal.RmcpPlusCodec;
import java.net.SocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The BMC half of RMCP+ (IPMI v2.0 §13.15–§13.28; facts §3): Open Session with suite selection
 * among the offered suites, RAKP1 → RAKP2 (user lookup by name and privilege, or name only),
 * RAKP3 check → RAKP4, then per-packet integrity and AES confidentiality with the session keys,
 * an inbound sequence window of −16..+15 (§6.12.13), idle timeout, session limit, Set Session
 * Privilege Level, Close Session and Serial-over-LAN payload activation and data.
 *
 * <p>A pure state machine like {@link dev.ipmi.bmc.internal.Ipmi15Responder}: the caller passes time and
 * a {@link Sink}; {@link #onTimer} expires sessions and moves SOL output. Confined to one thread.
 */
public final class RmcpPlusResponder {
    private static final Logger LOG = LoggerFactory.getLogger(RmcpPlusResponder.class);

    static {
        // BouncyCastle's first digest construction can take seconds on a busy machine (registrar and
        // class initialisation); doing it when the class loads keeps it off the first client's RAKP1,
        // which FreeIPMI and ipmitool would otherwise time out on.
        for (Crypto.Hash h : Crypto.Hash.values()) {
            Crypto.hmac(h, new byte[20], new byte[1]);
        }
        Crypto.aesCbc(true, new byte[16], new byte[16], new byte[16], 0, 16);
    }

    private final ResponderConfig config;
    private final List<CipherSuite> suites;
    private final byte[] kg;
    private final byte[] guid;
    private final Set<BmcQuirk> quirks;
    private final CommandHandler handler;
    private final SessionSlots slots;
    private final SessionCommands<Session> sessionCommands;
    private final SolPayloadServer<Session> sol;
    private final RandomGenerator random;
    private final Map<Integer, Session> sessions = new LinkedHashMap<>();
    private final DeferredReplies deferred = new DeferredReplies();
    private long dropped;

    private enum State { OPENED, RAKP2_SENT, ACTIVE }

    private static final class Session extends ResponderSession {
        final int bmcSid;
        final int consoleSid;
        final CipherSuite suite;
        final PrivilegeLevel openPrivilege;
        final long created;
        State state = State.OPENED;
        SocketAddress remote;
        BmcUser user;
        byte[] rm;
        byte[] rc;
        int role;
        byte[] name;
        /** The role and name the RAKP hashes use: what RAKP1 sent, unless a quirk hashes something else. */
        int hashRole;
        byte[] hashName;
        RakpMessage.Rakp2 rakp2;
        RakpKeys keys;
        RmcpPlusCodec codec;
        final SequenceWindow window = new SequenceWindow(0, 15, 16);

        Session(int bmcSid, int consoleSid, CipherSuite suite, PrivilegeLevel openPrivilege, long now) {
            super(now);
            this.bmcSid = bmcSid;
            this.consoleSid = consoleSid;
            this.suite = suite;
            this.openPrivilege = openPrivilege;
            this.created = now;
        }

        void wipe() {
            if (keys != null) {
                keys.wipe();
            }
            if (codec != null) {
                codec.close();
            }
        }
    }

    /**
     * @param suites offered cipher suites; an Open Session request must match one of them exactly
     * @param kg     the BMC key K_G, or null for one-key logins
     * @param guid   the 16-byte system GUID used in RAKP2/RAKP4
     * @param port   this BMC's UDP port (reported by Activate Payload)
     * @param sol    the SOL console, if the BMC offers one
     */
    public RmcpPlusResponder(ResponderConfig config, List<CipherSuite> suites, byte[] kg, byte[] guid,
                             Set<BmcQuirk> quirks, IntSupplier port, CommandHandler handler, SessionSlots slots,
                             Supplier<Optional<SolConsole>> sol, RandomGenerator random) {
        if (guid.length != 16) {
            throw new IllegalArgumentException("the GUID is 16 bytes");
        }
        this.config = config;
        this.suites = List.copyOf(suites);
        this.kg = kg == null ? null : kg.clone();
        this.guid = guid.clone();
        Set<BmcQuirk> all = new java.util.HashSet<>(quirks);
        all.addAll(config.quirks());
        this.quirks = Set.copyOf(all);
        this.handler = handler;
        this.slots = slots;
        this.random = random == null ? new SecureRandom() : random;
        this.sessionCommands = new SessionCommands<>(config, new SessionCommands.Table<>() {
            @Override
            public Session active(int sessionId) {
                Session s = sessions.get(sessionId);
                return s != null && s.state == State.ACTIVE ? s : null;
            }

            @Override
            public void close(Session session) {
                sessions.remove(session.bmcSid);
                end(session);
            }
        });
        this.sol = new SolPayloadServer<>(sol, port, this.quirks.contains(BmcQuirk.DROP_FIRST_SOL_PACKET),
                s -> s.bmcSid, this::drop);
    }

    /** Where replies a backend finishes later are sent from (the server's I/O thread). */
    public DeferredReplies deferredReplies() {
        return deferred;
    }

    public int activeSessions() {
        return (int) sessions.values().stream().filter(s -> s.state == State.ACTIVE).count();
    }

    public int sessions() {
        return sessions.size();
    }

    public long dropped() {
        return dropped;
    }

    /** True while some session exists (the server only ticks BMCs that have work). */
    public boolean hasSessions() {
        return !sessions.isEmpty();
    }

    /** Handles one datagram whose auth type byte is 06h. */
    public void onDatagram(SocketAddress from, byte[] d, long now, Sink sink) {
        if (d.length < RmcpPlusCodec.HEADER_LENGTH) {
            drop("short RMCP+ packet");
            return;
        }
        int sid = RmcpPlusCodec.sessionIdOf(d);
        try {
            if (sid == 0) {
                preSession(from, RmcpPlusCodec.unauthenticated().decode(d), now, sink);
            } else {
                Session s = sessions.get(sid);
                if (s == null || s.state != State.ACTIVE) {
                    drop("unknown or inactive session " + Integer.toHexString(sid));
                    return;
                }
                inSession(from, s, s.codec.decode(d), now, sink);
            }
        } catch (IntegrityCheckException e) {
            drop("integrity: " + e.getMessage());
        } catch (MalformedMessageException e) {
            drop("malformed: " + e.withoutBytes());
        }
    }

    /** Expires idle sessions and moves SOL output; call every few tens of milliseconds while {@link #hasSessions()}. */
    public void onTimer(long now, Sink sink) {
        for (Iterator<Session> it = sessions.values().iterator(); it.hasNext(); ) {
            Session s = it.next();
            long limit = s.state == State.ACTIVE ? config.idleTimeoutNanos()
                    : Math.min(config.idleTimeoutNanos(), config.halfOpenTimeoutNanos());
            if (now - s.lastActivity > limit) {
                LOG.debug("RMCP+ session {} idle, closed", Integer.toHexString(s.bmcSid));
                it.remove();
                end(s);
                continue;
            }
        }
        sol.onTimer(now, solLink(sink));
    }

    private void end(Session s) {
        sol.sessionEnded(s);
        s.wipe();
        if (s.state == State.ACTIVE) {
            slots.release();
        }
    }

    /**
     * Makes room for one more login in its handshake by forgetting the oldest one. Logins in their
     * handshake take no session slot (a slot is taken when RAKP3 proves the password), so a flood of
     * Open Session + RAKP1 that never finishes cannot lock out users who do finish.
     */
    private void makeRoomForHandshake() {
        long halfOpen = sessions.values().stream().filter(s -> s.state != State.ACTIVE).count();
        if (halfOpen < config.halfOpenLimit()) {
            return;
        }
        Session oldest = null;
        for (Session s : sessions.values()) {
            if (s.state != State.ACTIVE && (oldest == null || s.created < oldest.created)) {
                oldest = s;
            }
        }
        if (oldest != null) {
            LOG.debug("RMCP+ handshake {} forgotten for a newer one", Integer.toHexString(oldest.bmcSid));
            sessions.remove(oldest.bmcSid);
            end(oldest);
        }
    }

    private void preSession(SocketAddress from, RmcpPlusCodec.Packet p, long now, Sink sink) {
        switch (p.payloadType()) {
            case RakpMessage.OPEN_SESSION_REQUEST -> openSession(from, p, now, sink);
            case RakpMessage.RAKP_1 -> rakp1(from, p, now, sink);
            case RakpMessage.RAKP_3 -> rakp3(from, p, now, sink);
            case RmcpPlusCodec.PAYLOAD_IPMI -> {
                LanMessage request = LanMessage.decode(p.payload());
                if (request.isResponse()) {
                    drop("a response sent to the BMC");
                    return;
                }
                byte[] reply;
                if (SessionCommands.is(request, GetChannelAuthenticationCapabilities.ID)) {
                    reply = AuthCapabilities.answer(config, request.body()).toBytes();
                } else {
                    reply = handler.handle(new CommandContext(config.channel(), PrivilegeLevel.NO_ACCESS, 0, 0, true),
                            request.netFn(), request.command(), request.body());
                }
                if (reply == null) {
                    drop("pre-session request ignored");
                    return;
                }
                sink.send(from, RmcpPlusCodec.unauthenticated().encode(RmcpPlusCodec.PAYLOAD_IPMI, 0, 0,
                        Ipmi15Responder.corruptChecksum(quirks.contains(BmcQuirk.NOCHECKSUMCHECK), request.response(reply).encode())));
            }
            default -> drop("payload type " + p.payloadType() + " outside a session");
        }
    }

    private void openSession(SocketAddress from, RmcpPlusCodec.Packet p, long now, Sink sink) {
        var req = (RakpMessage.OpenSessionRequest) RakpMessage.decode(p.payloadType(), p.payload());
        PrivilegeLevel requested = PrivilegeLevel.valueOf(req.privilege());
        RmcpPlusStatus status = RmcpPlusStatus.valueOf(0);
        CipherSuite chosen = null;
        for (CipherSuite s : suites) {
            if (s.authentication().code() == req.authAlgorithm() && s.integrity().code() == req.integrityAlgorithm()
                    && s.confidentiality().code() == req.confidentialityAlgorithm()) {
                chosen = s;
                break;
            }
        }
        if (chosen == null) {
            if (suites.stream().noneMatch(s -> s.authentication().code() == req.authAlgorithm())) {
                status = RmcpPlusStatus.valueOf(0x04);
            } else if (suites.stream().noneMatch(s -> s.integrity().code() == req.integrityAlgorithm())) {
                status = RmcpPlusStatus.valueOf(0x05);
            } else if (suites.stream().noneMatch(s -> s.confidentiality().code() == req.confidentialityAlgorithm())) {
                status = RmcpPlusStatus.valueOf(0x10);
            } else {
                status = RmcpPlusStatus.valueOf(0x11);
            }
        } else if (req.privilege() > PrivilegeLevel.OEM.code()) {
            status = RmcpPlusStatus.valueOf(0x09);
        } else if (req.consoleSessionId() == 0) {
            status = RmcpPlusStatus.valueOf(0x02);
        } else if (slots.inUse() >= slots.limit()) {
            status = RmcpPlusStatus.valueOf(0x01);
        }
        if (!status.isSuccess()) {
            sendSetup(from, new RakpMessage.OpenSessionResponse(req.tag(), status, 0, req.consoleSessionId(), 0,
                    -1, -1, -1), sink);
            return;
        }
        makeRoomForHandshake();
        int bmcSid = nonZero();
        Session s = new Session(bmcSid, req.consoleSessionId(), chosen, requested, now);
        s.remote = from;
        sessions.put(bmcSid, s);
        int granted = requested.code() == 0 ? PrivilegeLevel.ADMINISTRATOR.code() : requested.code();
        if (quirks.contains(BmcQuirk.OPEN_SESSION_PRIVILEGE_ZERO)) {
            granted = req.privilege();
        }
        CipherSuite answered = chosen;
        if (quirks.contains(BmcQuirk.OPEN_SESSION_OTHER_ALGORITHMS)) {
            final CipherSuite c = chosen;
            answered = suites.stream().filter(x -> !x.equals(c)).findFirst()
                    .orElse(chosen.equals(CipherSuite.SUITE_3) ? CipherSuite.SUITE_17 : CipherSuite.SUITE_3);
        }
        sendSetup(from, new RakpMessage.OpenSessionResponse(req.tag(), status, granted, req.consoleSessionId(),
                bmcSid, answered.authentication().code(), answered.integrity().code(),
                answered.confidentiality().code()), sink);
    }

    private void rakp1(SocketAddress from, RmcpPlusCodec.Packet p, long now, Sink sink) {
        var r1 = (RakpMessage.Rakp1) RakpMessage.decode(p.payloadType(), p.payload());
        Session s = sessions.get(r1.bmcSessionId());
        if (s == null || s.state == State.ACTIVE) {
            drop("RAKP1 for an unknown session");
            return;
        }
        int tag = quirks.contains(BmcQuirk.RAKP2_TAG_ZERO) ? 0 : r1.tag();
        if (s.state == State.RAKP2_SENT && s.rakp2 != null && Arrays.equals(s.rm, r1.consoleRandom())
                && s.role == r1.role() && Arrays.equals(s.name, r1.userName())) {
            // A retransmitted RAKP1 (our RAKP2 was lost or late): the same random number and auth code, so
            // that whichever copy the console uses matches what RAKP3 is checked against. FreeIPMI 1.6.10
            // bumps the message tag on every retry and drops replies with an older one, so echo the new tag.
            s.lastActivity = now;
            s.rakp2 = new RakpMessage.Rakp2(tag, s.rakp2.status(), s.rakp2.consoleSessionId(), s.rakp2.bmcRandom(),
                    s.rakp2.bmcGuid(), s.rakp2.authCode());
            sendSetup(from, s.rakp2, sink);
            return;
        }
        int priv = r1.role() & 0x0F;
        boolean nameOnly = (r1.role() & 0x10) != 0;
        RmcpPlusStatus status = RmcpPlusStatus.valueOf(0);
        Optional<BmcUser> user = Optional.empty();
        if ((r1.role() & 0xE0) != 0 || priv > PrivilegeLevel.OEM.code()) {
            status = RmcpPlusStatus.valueOf(0x09);
        } else {
            user = config.user(r1.userName());
            if (user.isEmpty()) {
                status = RmcpPlusStatus.valueOf(0x0D);
            } else if (!nameOnly && priv > user.get().maxPrivilege().code()) {
                status = RmcpPlusStatus.valueOf(0x0A);
            } else if (s.openPrivilege.code() != 0 && priv > s.openPrivilege.code()) {
                status = RmcpPlusStatus.valueOf(0x0A);
            }
        }
        if (!status.isSuccess()) {
            sendSetup(from, new RakpMessage.Rakp2(tag, status, s.consoleSid, new byte[0], new byte[0], new byte[0]),
                    sink);
            sessions.remove(s.bmcSid);
            end(s);
            return;
        }
        BmcUser u = user.get();
        if (s.keys != null) {
            s.keys.wipe();
        }
        byte[] password = u.password();
        if (quirks.contains(BmcQuirk.INTEL20) && password.length > 16
                && s.suite.authentication().equals(AuthenticationAlgorithm.RAKP_HMAC_MD5)) {
            // The Intel SMM hashes and keys RAKP-HMAC-MD5 with only the first 16 bytes of a longer password.
            byte[] full = password;
            password = Arrays.copyOf(full, 16);
            Crypto.wipe(full);
        }
        s.keys = new RakpKeys(s.suite.authentication(), password, kg);
        Crypto.wipe(password);
        s.user = u;
        s.rm = r1.consoleRandom();
        s.rc = new byte[16];
        random.nextBytes(s.rc);
        s.role = r1.role();
        s.name = r1.userName();
        s.hashRole = s.role;
        s.hashName = s.name;
        if (quirks.contains(BmcQuirk.OPENSESSPRIV) || quirks.contains(BmcQuirk.SUN20)) {
            s.hashRole = (s.role & 0xF0) | s.openPrivilege.code();
        }
        if (quirks.contains(BmcQuirk.INTEL20)) {
            s.hashName = Arrays.copyOf(s.name, Math.max(16, s.name.length));
        }
        int granted = priv == 0 ? u.maxPrivilege().code() : Math.min(priv, u.maxPrivilege().code());
        s.maxPrivilege = PrivilegeLevel.valueOf(granted);
        s.lastActivity = now;
        s.remote = from;
        byte[] code = s.keys.rakp2AuthCode(s.consoleSid, s.bmcSid, s.rm, s.rc, guid, s.hashRole, s.hashName);
        boolean sha1 = s.suite.authentication().equals(AuthenticationAlgorithm.RAKP_HMAC_SHA1);
        if (quirks.contains(BmcQuirk.SUPERMICRO20) || (quirks.contains(BmcQuirk.SUN20) && sha1)) {
            // Peppercon and Sun ILOM firmware: the auth code field is one byte longer than the HMAC.
            code = Arrays.copyOf(code, code.length + 1);
        }
        s.state = State.RAKP2_SENT;
        s.rakp2 = new RakpMessage.Rakp2(tag, status, s.consoleSid, s.rc, guid, code);
        sendSetup(from, s.rakp2, sink);
    }

    private void rakp3(SocketAddress from, RmcpPlusCodec.Packet p, long now, Sink sink) {
        var r3 = (RakpMessage.Rakp3) RakpMessage.decode(p.payloadType(), p.payload());
        Session s = sessions.get(r3.bmcSessionId());
        if (s == null || s.state != State.RAKP2_SENT) {
            drop("RAKP3 for an unknown session or out of order");
            return;
        }
        if (!r3.status().isSuccess()) {
            LOG.debug("console refused RAKP2 of session {}: {}", Integer.toHexString(s.bmcSid), r3.status());
            sessions.remove(s.bmcSid);
            end(s);
            return;
        }
        int rakp3Role = s.hashRole;
        byte[] rakp3Name = s.hashName;
        if (quirks.contains(BmcQuirk.INTEL20)) {
            // The Intel SMM checks RAKP3 over the unpadded name, as if name-and-privilege lookup were asked for.
            rakp3Role &= ~0x10;
            rakp3Name = s.user.nameBytes();
        }
        byte[] expected = s.keys.rakp3AuthCode(s.rc, s.consoleSid, rakp3Role, rakp3Name);
        if (!Crypto.macEquals(expected, r3.authCode())) {
            sendSetup(from, new RakpMessage.Rakp4(r3.tag(), RmcpPlusStatus.valueOf(0x0F), s.consoleSid,
                    new byte[0]), sink);
            sessions.remove(s.bmcSid);
            end(s);
            return;
        }
        if (!slots.tryAcquire()) {
            // Every slot is held by a logged-in session: this login proved its password but cannot stay.
            sendSetup(from, new RakpMessage.Rakp4(r3.tag(), RmcpPlusStatus.valueOf(0x01), s.consoleSid,
                    new byte[0]), sink);
            sessions.remove(s.bmcSid);
            end(s);
            return;
        }
        AuthenticationAlgorithm alg = s.suite.authentication();
        byte[] sik = s.keys.sik(s.rm, s.rc, s.hashRole, s.hashName);
        byte[] k1 = RakpKeys.derive(alg, sik, 0x01);
        byte[] k2 = RakpKeys.derive(alg, sik, 0x02);
        byte[] icv = RakpKeys.rakp4Icv(alg, sik, s.rm, s.bmcSid, guid);
        if (quirks.contains(BmcQuirk.INTEL20) && s.suite.integrity() == IntegrityAlgorithm.NONE) {
            // The Intel SMM computes the RAKP4 ICV by the integrity algorithm instead of the authentication one:
            // none without integrity (FreeIPMI ipmipower_check.c, intel20).
            icv = new byte[0];
        }
        if (quirks.contains(BmcQuirk.INTEGRITYCHECKVALUE) && icv.length == 0) {
            // Supermicro X8DTG and others: suite 0's RAKP4 carries an ICV where none belongs.
            icv = new byte[12];
            random.nextBytes(icv);
        }
        byte[] password = s.user.password();
        if (quirks.contains(BmcQuirk.HMAC_MD5_128_KEYED_WITH_PASSWORD) && s.suite.integrity() == IntegrityAlgorithm.HMAC_MD5_128) {
            Crypto.wipe(k1);
            k1 = Arrays.copyOf(password, 20);
        }
        s.codec = RmcpPlusCodec.forSession(s.suite, k1, k2, password);
        Crypto.wipe(password);
        Crypto.wipe(sik);
        Crypto.wipe(k1);
        Crypto.wipe(k2);
        s.keys.wipe();
        s.keys = null;
        s.rakp2 = null;
        s.state = State.ACTIVE;
        s.privilege = s.maxPrivilege.code() < PrivilegeLevel.USER.code() ? s.maxPrivilege : PrivilegeLevel.USER;
        s.lastActivity = now;
        s.remote = from;
        LOG.debug("RMCP+ session {} active: user {}, suite {}", Integer.toHexString(s.bmcSid), s.user.id(),
                s.suite.id());
        sendSetup(from, new RakpMessage.Rakp4(r3.tag(), RmcpPlusStatus.valueOf(0), s.consoleSid, icv), sink);
    }

    private void inSession(SocketAddress from, Session s, RmcpPlusCodec.Packet p, long now, Sink sink) {
        if (!s.window.accept(p.sequence())) {
            drop("sequence number outside the window in session " + Integer.toHexString(s.bmcSid));
            return;
        }
        s.lastActivity = now;
        s.remote = from;
        if (p.payloadType() == RmcpPlusCodec.PAYLOAD_SOL) {
            sol.onPayload(s, p.payload(), now, solLink(sink));
            return;
        }
        if (p.payloadType() != RmcpPlusCodec.PAYLOAD_IPMI) {
            drop("unsupported payload type " + p.payloadType());
            return;
        }
        LanMessage request = LanMessage.decode(p.payload());
        if (request.isResponse()) {
            drop("a response sent to the BMC");
            return;
        }
        if (deferred.stillRunning(s.bmcSid, request)) {
            drop("retransmission of a request still running in session " + Integer.toHexString(s.bmcSid));
            return;
        }
        Optional<SessionCommands.Outcome> session = sessionCommands.handle(s, request);
        Optional<Reply> payload = session.isEmpty() ? sol.handle(s, s.privilege, request) : Optional.empty();
        if (session.isPresent()) {
            reply(from, s, request, session.get().reply().toBytes(), session.get().closeCaller(), sink);
        } else if (payload.isPresent()) {
            reply(from, s, request, payload.get().toBytes(), false, sink);
        } else {
            deferred.answer(s.bmcSid, request, handler.handleAsync(new CommandContext(config.channel(), s.privilege,
                    s.user.id(), s.bmcSid, true), request.netFn(), request.command(), request.body())
                    .toCompletableFuture(), () -> sessions.get(s.bmcSid) == s, r -> reply(from, s, request, r, false, sink));
        }
    }

    private void reply(SocketAddress from, Session s, LanMessage request, byte[] reply, boolean close, Sink sink) {
        if (reply == null) {
            return;
        }
        byte[] message = Ipmi15Responder.corruptChecksum(quirks.contains(BmcQuirk.NOCHECKSUMCHECK),
                request.response(reply).encode());
        sink.send(from, quirks.contains(BmcQuirk.IDZERO)
                ? s.codec.encodeWithSessionIdZero(RmcpPlusCodec.PAYLOAD_IPMI, s.nextOutbound(), message)
                : s.codec.encode(RmcpPlusCodec.PAYLOAD_IPMI, s.consoleSid, s.nextOutbound(), message));
        if (close) {
            sessions.remove(s.bmcSid);
            end(s);
            LOG.debug("RMCP+ session {} closed", Integer.toHexString(s.bmcSid));
        }
    }

    private static SolPayloadServer.Link<Session> solLink(Sink sink) {
        return (s, payload) -> sink.send(s.remote,
                s.codec.encode(RmcpPlusCodec.PAYLOAD_SOL, s.consoleSid, s.nextOutbound(), payload));
    }

    private void sendSetup(SocketAddress to, RakpMessage m, Sink sink) {
        sink.send(to, RmcpPlusCodec.unauthenticated().encode(m.payloadType(), 0, 0, m.toBytes()));
    }

    private int nonZero() {
        int v;
        do {
            v = random.nextInt();
        } while (v == 0 || sessions.containsKey(v));
        return v;
    }

    private void drop(String why) {
        dropped++;
        LOG.debug("RMCP+ datagram dropped: {}", why);
    }

    /** Sessions currently open (for diagnostics). */
    List<Integer> sessionIds() {
        return new ArrayList<>(sessions.keySet());
    }
}
