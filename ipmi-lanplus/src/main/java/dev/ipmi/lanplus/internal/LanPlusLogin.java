package dev.ipmi.lanplus.internal;

import dev.ipmi.core.CipherSuiteUnavailableException;
import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiAuthenticationException;
import dev.ipmi.core.IpmiException;
import dev.ipmi.core.IpmiSessionException;
import dev.ipmi.core.IpmiTimeoutException;
import dev.ipmi.core.MalformedMessageException;
import dev.ipmi.core.client.RetryPolicy;
import dev.ipmi.core.commands.app.GetChannelAuthenticationCapabilities;
import dev.ipmi.core.commands.app.GetChannelCipherSuites;
import dev.ipmi.core.event.DropReason;
import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.LanMessage;
import dev.ipmi.lan.engine.Actions;
import dev.ipmi.lan.internal.Ipmi15Packet;
import dev.ipmi.core.types.CipherSuite;
import dev.ipmi.core.options.CipherSuiteCache;
import dev.ipmi.core.options.Quirk;
import dev.ipmi.lanplus.RmcpPlusStatus;
import dev.ipmi.lanplus.internal.RakpExchange.AwaitRakp2;
import dev.ipmi.lanplus.internal.RakpExchange.AwaitRakp4;
import dev.ipmi.lanplus.internal.RakpExchange.Rakp2Outcome;
import dev.ipmi.lanplus.internal.RakpExchange.SessionKeys;
import dev.ipmi.lanplus.internal.RakpMessage.OpenSessionRequest;
import dev.ipmi.lanplus.internal.RakpMessage.OpenSessionResponse;
import dev.ipmi.lanplus.internal.RakpMessage.Rakp2;
import dev.ipmi.lanplus.internal.RakpMessage.Rakp4;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The RMCP+ login up to verified session keys: Get Channel Authentication Capabilities (IPMI 1.5
 * framing, 8Eh then 0Eh), the cipher suite choice ({@link SuiteNegotiation}), Open Session and the
 * RAKP steps ({@link RakpExchange}). Loss rules (pyghmi): a lost Open Session response sends a new
 * Open Session; a lost RAKP2 or RAKP4 restarts the whole login with a new console session ID; each
 * login attempt counts against the retry policy. Set Session Privilege Level, the first request
 * inside the session, belongs to {@link LanPlusMachine}.
 *
 * <p>Each step is a record carrying its own data; the methods return what happened as a
 * {@link Result} and add datagrams to the given {@link Actions}. Called on the I/O thread only.
 */
final class LanPlusLogin {
    private static final CommandId GET_CHANNEL_AUTH_CAPS = GetChannelAuthenticationCapabilities.ID;
    private static final Set<RmcpPlusStatus> SUITE_REJECTED = Set.of(RmcpPlusStatus.INSUFFICIENT_RESOURCES,
            RmcpPlusStatus.INVALID_AUTHENTICATION_ALGORITHM, RmcpPlusStatus.INVALID_INTEGRITY_ALGORITHM,
            RmcpPlusStatus.NO_MATCHING_AUTHENTICATION_PAYLOAD, RmcpPlusStatus.NO_MATCHING_INTEGRITY_PAYLOAD,
            RmcpPlusStatus.UNAUTHORIZED_ROLE, RmcpPlusStatus.INVALID_CONFIDENTIALITY_ALGORITHM,
            RmcpPlusStatus.NO_CIPHER_SUITE_MATCH, RmcpPlusStatus.ILLEGAL_PARAMETER);
    /** Refusals that may be about the suite but are not only about it: the error stays an authentication error. */
    private static final Set<RmcpPlusStatus> NOT_ONLY_SUITE = Set.of(RmcpPlusStatus.INSUFFICIENT_RESOURCES,
            RmcpPlusStatus.UNAUTHORIZED_ROLE);

    /** Where the login is; each step carries its own data. */
    sealed interface Step {
        long deadline();
    }

    /** Get Channel Authentication Capabilities sent ({@code v2}: the 8Eh form asking for IPMI 2.0 data). */
    record AuthCaps(boolean v2, int attempts, long deadline) implements Step {}

    /** Get Channel Cipher Suites sent (AUTO only). */
    record CipherQuery(SuiteNegotiation negotiation, int attempts, long deadline) implements Step {}

    /** Open Session Request sent. */
    record OpenSession(CipherSuite suite, int tag, int consoleSid, long deadline) implements Step {}

    /** RAKP 1 sent. */
    record Rakp1Sent(AwaitRakp2 rakp, long deadline) implements Step {}

    /** RAKP 3 sent. */
    record Rakp3Sent(AwaitRakp4 rakp, long deadline) implements Step {}

    /** What a login step led to. */
    sealed interface Result {
        /** Still logging in (or the input was dropped). */
        record Pending() implements Result {}

        /** The key exchange verified: the session keys for the machine. */
        record KeysReady(SessionKeys keys) implements Result {}

        /** The login failed for good. */
        record Failed(IpmiException error) implements Result {}
    }

    static final Result PENDING = new Result.Pending();

    private final SessionEvents events;
    private final RakpExchange.Secrets secrets;
    private final PrivilegeLevel privilege;
    private final CipherSuite requested;
    private final boolean nameOnly;
    private final RetryPolicy policy;
    private final CipherSuiteCache cache;
    private final RandomGenerator random;

    private Step step;
    private int preSeq;
    private long started;
    private List<CipherSuite> candidates = List.of();
    private int candidate;
    private int loginAttempts;
    private int tag;
    private int lastConsoleSid;
    private boolean bmcHasKg;
    private int channel = -1;
    private boolean md5KeyedWithPassword;
    private boolean verifyChecksums = true;

    LanPlusLogin(SessionEvents events, RakpExchange.Secrets secrets, PrivilegeLevel privilege, CipherSuite requested,
                 boolean nameOnly, RetryPolicy policy, CipherSuiteCache cache, RandomGenerator random) {
        this.events = events;
        this.secrets = secrets;
        this.privilege = privilege;
        this.requested = requested;
        this.nameOnly = nameOnly;
        this.policy = policy;
        this.cache = cache;
        this.random = random;
        this.preSeq = random.nextInt(64);
    }

    Step step() {
        return step;
    }

    /** The suite of the current (or last) login attempt, or null before Open Session. */
    CipherSuite suite() {
        return candidates.isEmpty() ? null : candidates.get(candidate);
    }

    /** The channel Get Channel Authentication Capabilities reported, or -1. */
    int channel() {
        return channel;
    }

    /** When the current login began (the first datagram of it). */
    long started() {
        return started;
    }

    /** Begins with Get Channel Authentication Capabilities. */
    void start(Actions a, long now) {
        started = now;
        sendAuthCaps(a, now, true, 1);
    }

    /** Logs in again with the suite that worked, skipping the pre-session steps (after session loss). */
    void relogin(Actions a, long now, CipherSuite suite) {
        started = now;
        candidates = List.of(suite);
        candidate = 0;
        restart(a, now);
    }

    /** A new Open Session with the current candidate. */
    void restart(Actions a, long now) {
        loginAttempts = 0;
        sendOpenSession(a, now);
    }

    /** Moves to the next candidate suite (AUTO) and logs in with it; false when none is left. */
    boolean tryNextCandidate(Actions a, long now) {
        if (candidate + 1 >= candidates.size()) {
            return false;
        }
        candidate++;
        restart(a, now);
        return true;
    }

    Result onTimer(Actions a, long now) {
        if (step == null || now - step.deadline() < 0) {
            return PENDING;
        }
        if (step instanceof AuthCaps s) {
            if (s.attempts() < policy.attempts()) {
                sendAuthCaps(a, now, s.v2(), s.attempts() + 1);
                return PENDING;
            }
            return new Result.Failed(new IpmiTimeoutException("Get Channel Authentication Capabilities",
                    s.attempts(), Duration.ofNanos(now - started)));
        }
        if (step instanceof CipherQuery s) {
            if (s.attempts() < SuiteNegotiation.QUERY_ATTEMPTS) {
                sendCipherQuery(a, now, s.negotiation(), s.attempts() + 1);
            } else {
                events.progress("Get Channel Cipher Suites not answered; trying suites 17 then 3");
                useCandidates(CipherSuitePolicy.FALLBACK, a, now);
            }
            return PENDING;
        }
        if (step instanceof Rakp3Sent s) {
            s.rakp().wipe();
            return loginStepLost("RAKP 3", a, now);
        }
        return loginStepLost(step instanceof OpenSession ? "Open Session Request" : "RAKP 1", a, now);
    }

    private Result loginStepLost(String what, Actions a, long now) {
        if (loginAttempts < policy.attempts()) {
            events.progress(what + " not answered; restarting the login with a new console session ID");
            sendOpenSession(a, now);
            return PENDING;
        }
        return new Result.Failed(new IpmiTimeoutException(what + " (RMCP+ login with cipher suite " + suite().id()
                + ")", loginAttempts, Duration.ofNanos(now - started)));
    }

    /** A datagram in IPMI 1.5 framing (auth type NONE): a pre-session reply. */
    Result onPreSession(byte[] d, Actions a, long now) {
        if (d.length < 14) {
            events.drop(DropReason.MALFORMED, "short IPMI 1.5 header");
            return PENDING;
        }
        int len = d[13] & 0xFF;
        if (d.length < 14 + len) {
            events.drop(DropReason.MALFORMED, "IPMI 1.5 message length " + len + " beyond datagram");
            return PENDING;
        }
        LanMessage m = LanMessage.decode(java.util.Arrays.copyOfRange(d, 14, 14 + len), verifyChecksums);
        byte[] body = m.body();
        if (!m.isResponse() || m.seq() != preSeq || body.length == 0) {
            events.drop(DropReason.UNMATCHED_RESPONSE, "pre-session reply rqSeq " + m.seq());
            return PENDING;
        }
        int cc = body[0] & 0xFF;
        if (step instanceof AuthCaps s && m.command() == GET_CHANNEL_AUTH_CAPS.cmd()) {
            events.trace(false, () -> "pre-session auth caps cc " + String.format("%02Xh", cc));
            return onAuthCaps(s, body, a, now);
        }
        if (step instanceof CipherQuery s && m.command() == GetChannelCipherSuites.ID.cmd()) {
            events.trace(false, () -> "pre-session cipher suites cc " + String.format("%02Xh", cc) + " index "
                    + s.negotiation().index());
            if (cc != 0 || body.length < 2) {
                useCandidates(CipherSuitePolicy.FALLBACK, a, now);
                return PENDING;
            }
            SuiteNegotiation next = s.negotiation().withPage(body, 2);
            if (next.complete(body.length - 2)) {
                List<CipherSuite> c;
                try {
                    c = next.candidates();
                } catch (MalformedMessageException e) {
                    events.progress("unparsable cipher suite records (" + e.getMessage() + "); trying 17 then 3");
                    c = List.of();
                }
                useCandidates(c.isEmpty() ? CipherSuitePolicy.FALLBACK : c, a, now);
            } else {
                sendCipherQuery(a, now, next.nextPage(), 1);
            }
            return PENDING;
        }
        events.drop(DropReason.UNEXPECTED_STATE, "pre-session reply in login step " + name(step));
        return PENDING;
    }

    private Result onAuthCaps(AuthCaps s, byte[] body, Actions a, long now) {
        int cc = body[0] & 0xFF;
        if (cc != 0) {
            if (s.v2()) {
                sendAuthCaps(a, now, false, 1);
                return PENDING;
            }
            return new Result.Failed(new IpmiSessionException(String.format(
                    "Get Channel Authentication Capabilities failed with completion code %02Xh", cc)));
        }
        GetChannelAuthenticationCapabilities.Response caps = new GetChannelAuthenticationCapabilities.Request(
                s.v2(), GetChannelAuthenticationCapabilities.THIS_CHANNEL, privilege)
                .decodeResponse(ByteReader.of(body, 1, body.length - 1));
        bmcHasKg = caps.kgConfigured();
        channel = caps.channel();
        if (!caps.supportsRmcpPlus()) {
            return new Result.Failed(new IpmiSessionException(
                    "the BMC does not support IPMI 2.0 / RMCP+ sessions on this channel; use IPMI 1.5 (lan)"));
        }
        if (!requested.isAuto()) {
            useCandidates(List.of(requested), a, now);
            return PENDING;
        }
        var remembered = cache.get(events.bmc());
        if (remembered.isPresent()) {
            useCandidates(List.of(remembered.get()), a, now);
            return PENDING;
        }
        sendCipherQuery(a, now, SuiteNegotiation.first(), 1);
        return PENDING;
    }

    /** An RMCP+ session-setup message (Open Session Response, RAKP 2, RAKP 4). */
    Result onSetup(byte[] d, int type, Actions a, long now) {
        RmcpPlusCodec.Packet p = RmcpPlusCodec.unauthenticated().decode(d);
        RakpMessage msg = RakpMessage.decode(type, p.payload());
        events.trace(false, () -> msg + " " + PacketTrace.redacted(d, 0));
        if (msg instanceof OpenSessionResponse r && step instanceof OpenSession s
                && ours(s.tag(), s.consoleSid(), r.tag(), r.status(), r.consoleSessionId())) {
            return onOpenSessionResponse(s, r, a, now);
        }
        if (msg instanceof Rakp2 r && step instanceof Rakp1Sent s && (ours(s.rakp().tag(), s.rakp().consoleSid(),
                r.tag(), r.status(), r.consoleSessionId()) || zeroTagRakp2(s.rakp(), r))) {
            return onRakp2(s.rakp(), r, a, now);
        }
        if (msg instanceof Rakp4 r && step instanceof Rakp3Sent s
                && ours(s.rakp().tag(), s.rakp().consoleSid(), r.tag(), r.status(), r.consoleSessionId())) {
            return onRakp4(s.rakp(), r, a, now);
        }
        events.drop(DropReason.UNEXPECTED_STATE, "stale or unexpected " + msg.getClass().getSimpleName()
                + " in login step " + name(step));
        return PENDING;
    }

    /**
     * A setup reply belongs to the current attempt when tag and console session ID match; error
     * replies cut short after the status byte (ipmi_sim) carry no session ID, so the tag must do.
     */
    private static boolean ours(int tag, int consoleSid, int replyTag, RmcpPlusStatus status, int sid) {
        return replyTag == tag && (sid == consoleSid || (!status.isSuccess() && sid == 0));
    }

    /**
     * {@link dev.ipmi.core.options.Quirk#RAKP2_MESSAGE_TAG_ZERO}: some OpenBMC builds answer RAKP1 with
     * message tag 0 instead of echoing ours. The console session ID, fresh and random for every
     * attempt, still ties the reply to this login, so a successful RAKP2 carrying our ID is taken.
     */
    private static boolean zeroTagRakp2(AwaitRakp2 rakp, Rakp2 r) {
        return r.tag() == 0 && r.status().isSuccess() && r.consoleSessionId() == rakp.consoleSid();
    }

    private Result onOpenSessionResponse(OpenSession s, OpenSessionResponse r, Actions a, long now) {
        CipherSuite suite = s.suite();
        if (!r.status().isSuccess()) {
            events.progress("Open Session with suite " + suite.id() + " refused: " + r.status());
            boolean aboutSuite = SUITE_REJECTED.contains(r.status());
            if (aboutSuite && tryNextCandidate(a, now)) {
                return PENDING;
            }
            if (aboutSuite && !NOT_ONLY_SUITE.contains(r.status())) {
                return new Result.Failed(new CipherSuiteUnavailableException(
                        "Open Session: the BMC refused cipher suite " + suite.id() + ": " + r.status().description()
                                + " (" + r.status().likelyCause() + ")"));
            }
            return new Result.Failed(new IpmiAuthenticationException("Open Session", r.status().code(),
                    r.status().description() + "; likely cause: " + r.status().likelyCause()));
        }
        if (r.authAlgorithm() != suite.authentication().code() || r.integrityAlgorithm() != suite.integrity().code()
                || r.confidentialityAlgorithm() != suite.confidentiality().code()) {
            String msg = String.format("Open Session: the BMC answered with algorithms auth %d / integrity %d / "
                            + "confidentiality %d instead of cipher suite %d's %d / %d / %d", r.authAlgorithm(),
                    r.integrityAlgorithm(), r.confidentialityAlgorithm(), suite.id(), suite.authentication().code(),
                    suite.integrity().code(), suite.confidentiality().code());
            if (tryNextCandidate(a, now)) {
                events.progress(msg);
                return PENDING;
            }
            return new Result.Failed(new CipherSuiteUnavailableException(msg));
        }
        if (r.bmcSessionId() == 0) {
            // 0 means "outside a session": our codec would send every later packet without integrity or encryption
            return new Result.Failed(new IpmiSessionException("Open Session: the BMC assigned session ID 0"));
        }
        // ipmi_sim echoes 0 ("highest") when asked for a concrete level; anything else lower than asked
        // is left for Set Session Privilege Level to confirm or refuse.
        AwaitRakp2 rakp = AwaitRakp2.begin(suite, s.tag(), s.consoleSid(), r.bmcSessionId(),
                privilege.code() | (nameOnly ? 0x10 : 0));
        sendSetup(a, rakp.rakp1(secrets));
        step = new Rakp1Sent(rakp, now + policy.timeoutNanos(loginAttempts, random.nextDouble()));
        return PENDING;
    }

    private Result onRakp2(AwaitRakp2 rakp, Rakp2 r, Actions a, long now) {
        if (!r.status().isSuccess()) {
            return new Result.Failed(new IpmiAuthenticationException("RAKP2", r.status().code(),
                    r.status().description() + "; likely cause: " + r.status().likelyCause()));
        }
        Rakp2Outcome outcome = rakp.onRakp2(r, secrets);
        sendSetup(a, outcome.reply());
        if (outcome instanceof Rakp2Outcome.Refused refused) {
            return new Result.Failed(refused.error());
        }
        Rakp2Outcome.Confirmed confirmed = (Rakp2Outcome.Confirmed) outcome;
        confirmed.quirk().ifPresent(q -> events.quirkDetected(q, confirmed.detail()));
        step = new Rakp3Sent(confirmed.next(), now + policy.timeoutNanos(loginAttempts, random.nextDouble()));
        return PENDING;
    }

    private Result onRakp4(AwaitRakp4 rakp, Rakp4 r, Actions a, long now) {
        if (!r.status().isSuccess()) {
            if (r.status().equals(RmcpPlusStatus.INVALID_SESSION_ID) && loginAttempts < policy.attempts()) {
                rakp.wipe();
                sendOpenSession(a, now);
                return PENDING;
            }
            String cause = r.status().equals(RmcpPlusStatus.INVALID_INTEGRITY_CHECK_VALUE)
                    ? "wrong password or wrong BMC key (K_g)" : r.status().likelyCause();
            return new Result.Failed(new IpmiAuthenticationException("RAKP4", r.status().code(),
                    r.status().description() + "; likely cause: " + cause));
        }
        try {
            return new Result.KeysReady(rakp.onRakp4(r, secrets, md5KeyedWithPassword, bmcHasKg));
        } catch (IpmiAuthenticationException e) {
            return new Result.Failed(e);
        } finally {
            rakp.wipe();
            step = null;
        }
    }

    /** False under the opt-in {@link Quirk#NO_CHECKSUM_CHECK}. */
    void verifyChecksums(boolean verify) {
        verifyChecksums = verify;
    }

    /** {@link dev.ipmi.core.options.Quirk#HMAC_MD5_128_KEYED_WITH_PASSWORD} in force for the next key derivation. */
    void keyMd5IntegrityWithPassword(boolean on) {
        md5KeyedWithPassword = on;
    }

    boolean md5KeyedWithPassword() {
        return md5KeyedWithPassword;
    }

    /** Drops any key material a step still holds. */
    void wipe() {
        if (step instanceof Rakp3Sent s) {
            s.rakp().wipe();
        }
        step = null;
    }

    private void useCandidates(List<CipherSuite> c, Actions a, long now) {
        candidates = c;
        candidate = 0;
        events.progress("cipher suites to try: " + c.stream().map(CipherSuite::id).toList());
        restart(a, now);
    }

    private void sendAuthCaps(Actions a, long now, boolean v2, int attempt) {
        sendPreSession(a, GET_CHANNEL_AUTH_CAPS, new GetChannelAuthenticationCapabilities.Request(v2,
                GetChannelAuthenticationCapabilities.THIS_CHANNEL, privilege).toBytes());
        step = new AuthCaps(v2, attempt, now + policy.timeoutNanos(attempt, random.nextDouble()));
    }

    private void sendCipherQuery(Actions a, long now, SuiteNegotiation negotiation, int attempt) {
        sendPreSession(a, GetChannelCipherSuites.ID, negotiation.request());
        step = new CipherQuery(negotiation, attempt, now + Math.min(SuiteNegotiation.QUERY_TIMEOUT_NANOS,
                policy.timeoutNanos(1, 0)));
    }

    private void sendPreSession(Actions a, CommandId id, byte[] data) {
        preSeq = (preSeq + 1) & 0x3F;
        byte[] msg = LanMessage.request(id.netFn().code(), 0, preSeq, id.cmd(), data).encode();
        int seq = preSeq;
        events.trace(true, () -> "pre-session " + id.name() + " rqSeq " + seq);
        a.send(Ipmi15Packet.outsideSession(msg).encode());
    }

    private void sendOpenSession(Actions a, long now) {
        loginAttempts++;
        CipherSuite suite = suite();
        tag = (tag + 1) & 0xFF;
        int sid;
        do {
            sid = random.nextInt();
        } while (sid == 0 || sid == lastConsoleSid);
        lastConsoleSid = sid;
        sendSetup(a, new OpenSessionRequest(tag, privilege.code(), sid, suite.authentication().code(),
                suite.integrity().code(), suite.confidentiality().code()));
        step = new OpenSession(suite, tag, sid, now + policy.timeoutNanos(loginAttempts, random.nextDouble()));
    }

    private void sendSetup(Actions a, RakpMessage m) {
        byte[] d = RmcpPlusCodec.unauthenticated().encode(m.payloadType(), 0, 0, m.toBytes());
        events.trace(true, () -> m + " " + PacketTrace.redacted(d, 0));
        a.send(d);
    }

    /** The step's name in {@link LanPlusDiagnostics}. */
    LanPlusDiagnostics.State state() {
        if (step instanceof AuthCaps) {
            return LanPlusDiagnostics.State.AUTH_CAPS;
        }
        if (step instanceof CipherQuery) {
            return LanPlusDiagnostics.State.CIPHER_SUITES;
        }
        if (step instanceof Rakp1Sent) {
            return LanPlusDiagnostics.State.RAKP2;
        }
        return step instanceof Rakp3Sent ? LanPlusDiagnostics.State.RAKP4 : LanPlusDiagnostics.State.OPEN_SESSION;
    }

    /** A short name of the step for drop reasons. */
    static String name(Step s) {
        return s == null ? "none" : s.getClass().getSimpleName();
    }
}
