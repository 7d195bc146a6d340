package dev.ipmi.lanplus.internal;

import dev.ipmi.core.CipherSuiteUnavailableException;
import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiAuthenticationException;
import dev.ipmi.core.IpmiException;
import dev.ipmi.core.IpmiSessionException;
import dev.ipmi.core.IpmiTimeoutException;
import dev.ipmi.core.MalformedMessageException;
import dev.ipmi.core.PrivilegeUnavailableException;
import dev.ipmi.core.commands.app.GetChannelAuthenticationCapabilities;
import dev.ipmi.core.commands.app.GetChannelCipherSuites;
import dev.ipmi.core.commands.app.GetDeviceId;
import dev.ipmi.core.commands.session.CloseSession;
import dev.ipmi.core.commands.session.SetSessionPrivilegeLevel;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.client.RequestTarget;
import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.core.wire.Hex;
import dev.ipmi.core.wire.LanMessage;
import dev.ipmi.lan.engine.Actions;
import dev.ipmi.core.event.DropReason;
import dev.ipmi.lan.engine.IpmiCall;
import dev.ipmi.core.event.IpmiEventListener;
import dev.ipmi.lan.engine.RequestTracker;
import dev.ipmi.core.client.RetryPolicy;
import dev.ipmi.lan.engine.SessionMachine;
import dev.ipmi.lan.internal.Ipmi15Packet;
import dev.ipmi.core.types.CipherSuite;
import dev.ipmi.core.options.CipherSuiteCache;
import dev.ipmi.core.types.IntegrityAlgorithm;
import dev.ipmi.core.options.Quirk;
import dev.ipmi.lanplus.RmcpPlusStatus;
import dev.ipmi.lanplus.internal.RakpMessage.OpenSessionRequest;
import dev.ipmi.lanplus.internal.RakpMessage.OpenSessionResponse;
import dev.ipmi.lanplus.internal.RakpMessage.Rakp1;
import dev.ipmi.lanplus.internal.RakpMessage.Rakp2;
import dev.ipmi.lanplus.internal.RakpMessage.Rakp3;
import dev.ipmi.lanplus.internal.RakpMessage.Rakp4;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RMCP+ session as a pure state machine (no sockets, clock or threads; driven by the engine).
 *
 * <p>Login: Get Channel Authentication Capabilities (IPMI 1.5 framing, 8Eh then 0Eh), for AUTO the
 * pre-session Get Channel Cipher Suites (1.5 framing, auth type NONE — the form ipmi_sim answers),
 * Open Session, RAKP 1–4 with verification of the BMC's auth code and ICV, Set Session Privilege
 * Level. Loss rules (pyghmi): a lost Open Session response sends a new Open Session; a lost RAKP2
 * or RAKP4 restarts the whole login with a new console session ID; each login attempt counts
 * against the retry policy.
 *
 * <p>Established: outbound sequence numbers from 1; inbound packets are integrity-checked before
 * anything else, then session ID and replay window are checked; requests are matched by the
 * engine's {@link RequestTracker}; a keepalive goes out when idle; a request timing out is taken
 * as session loss and, if configured, triggers a new login.
 */
public final class LanPlusMachine implements SessionMachine {
    private static final Logger LOG = LoggerFactory.getLogger(LanPlusMachine.class);
    private static final CommandId GET_CHANNEL_AUTH_CAPS = GetChannelAuthenticationCapabilities.ID;
    private static final long CIPHER_QUERY_TIMEOUT_NANOS = Duration.ofMillis(500).toNanos();
    private static final int CIPHER_QUERY_ATTEMPTS = 2;
    private static final Set<Integer> SUITE_REJECTED = Set.of(0x01, 0x04, 0x05, 0x06, 0x07, 0x0A, 0x10, 0x11, 0x12);

    /** Where the machine is. Public for tests and diagnostics. */
    public enum State { AUTH_CAPS, CIPHER_SUITES, OPEN_SESSION, RAKP2, RAKP4, SET_PRIVILEGE, ACTIVE, CLOSING, ENDED }

    /** What the machine needs from the options (secrets are copied in and wiped by the machine). */
    public record Config(InetSocketAddress bmc, byte[] userName, byte[] password, byte[] kg, PrivilegeLevel privilege,
                         CipherSuite cipherSuite, boolean nameOnlyLookup, RetryPolicy retryPolicy,
                         IpmiEventListener listener, CipherSuiteCache cache, Duration keepaliveInterval,
                         boolean reloginOnSessionLoss, Set<Quirk> quirks, int window) {
        /** With the default window ({@value RequestTracker#DEFAULT_WINDOW} requests in flight). */
        public Config(InetSocketAddress bmc, byte[] userName, byte[] password, byte[] kg, PrivilegeLevel privilege,
                      CipherSuite cipherSuite, boolean nameOnlyLookup, RetryPolicy retryPolicy,
                      IpmiEventListener listener, CipherSuiteCache cache, Duration keepaliveInterval,
                      boolean reloginOnSessionLoss, Set<Quirk> quirks) {
            this(bmc, userName, password, kg, privilege, cipherSuite, nameOnlyLookup, retryPolicy, listener, cache,
                    keepaliveInterval, reloginOnSessionLoss, quirks, RequestTracker.DEFAULT_WINDOW);
        }

        @Override
        public String toString() {
            return "Config[" + bmc + ", " + privilege + ", " + cipherSuite + ", secrets redacted]";
        }
    }

    private enum Internal { SET_PRIVILEGE, KEEPALIVE, CLOSE }

    private final InetSocketAddress bmc;
    private final byte[] userName;
    private final byte[] password;
    private final byte[] kg;
    private final PrivilegeLevel privilege;
    private final CipherSuite requested;
    private final boolean nameOnly;
    private final RetryPolicy policy;
    private final IpmiEventListener listener;
    private final CipherSuiteCache cache;
    private final long keepaliveNanos;
    private final boolean relogin;
    private boolean md5IntegrityWithPassword;
    private final RandomGenerator random;
    private final RequestTracker tracker;
    private final CompletableFuture<Void> opened = new CompletableFuture<>();
    private final List<IpmiCall> waiting = new ArrayList<>();

    private State state = State.AUTH_CAPS;
    private long stepDeadline;
    private int stepAttempts;
    private int loginAttempts;
    private long loginStarted;
    private volatile long loginNanos = -1;
    private int preSeq;
    private boolean v2AuthCaps = true;
    private boolean bmcHasKg;
    private int cipherIndex;
    private final ByteArrayOutputStream cipherRecords = new ByteArrayOutputStream();
    private List<CipherSuite> candidates = List.of();
    private int candidate;
    private volatile CipherSuite suite;
    private int tag;
    private int consoleSid;
    private volatile int bmcSid;
    private byte[] rm;
    private int role;
    private RmcpPlusCodec codec = RmcpPlusCodec.unauthenticated();
    private int outSeq;
    private ReplayWindow window = new ReplayWindow();
    private long lastActivity;
    private long closeDeadline;
    private volatile PrivilegeLevel grantedPrivilege;
    private volatile long badIntegrity;
    private volatile long replayed;
    private volatile int logins;
    private volatile int channel = -1;
    private volatile Consumer<byte[]> solHandler;

    public LanPlusMachine(Config c, RandomGenerator random) {
        this.bmc = c.bmc();
        this.userName = c.userName().clone();
        this.password = c.password().clone();
        this.kg = c.kg() == null ? null : c.kg().clone();
        this.privilege = c.privilege();
        this.requested = c.cipherSuite();
        this.nameOnly = c.nameOnlyLookup();
        this.policy = c.retryPolicy();
        this.listener = c.listener();
        this.cache = c.cache();
        this.keepaliveNanos = c.keepaliveInterval().toNanos();
        this.relogin = c.reloginOnSessionLoss();
        this.md5IntegrityWithPassword = c.quirks().contains(Quirk.HMAC_MD5_128_KEYED_WITH_PASSWORD);
        this.random = random;
        this.tracker = new RequestTracker(policy, c.window(), RequestTracker.DEFAULT_SEQUENCE_BLOCK,
                random, listener, bmc);
        this.preSeq = random.nextInt(64);
    }

    /** Completes when the first login succeeded; fails with the login's error. */
    public CompletableFuture<Void> opened() {
        return opened;
    }

    public State state() {
        return state;
    }

    /** The suite in use (after Open Session), or null. */
    public CipherSuite cipherSuite() {
        return suite;
    }

    public PrivilegeLevel grantedPrivilege() {
        return grantedPrivilege;
    }

    /** Inbound packets dropped because their integrity check (AuthCode, trailer, AES padding) failed. */
    public long badIntegrityCount() {
        return badIntegrity;
    }

    /** Inbound packets dropped by the replay window. */
    public long replayCount() {
        return replayed;
    }

    /** Protocol time of the last successful login (first request sent to session ready), or -1. */
    public Duration loginDuration() {
        return loginNanos < 0 ? null : Duration.ofNanos(loginNanos);
    }

    /** The session ID the BMC chose (what Close Session names), or 0 before Open Session. */
    public int bmcSessionId() {
        return bmcSid;
    }

    /**
     * The channel number the BMC reported in Get Channel Authentication Capabilities (asked for
     * "this channel", answered with the real number), or -1 before that answer.
     */
    public int channel() {
        return channel;
    }

    /**
     * Receiver of inbound SOL payloads (type 01h, after integrity check, decryption and the replay
     * window); called on the I/O thread through {@link Actions#callback}. {@code null}: dropped.
     */
    public void setSolHandler(Consumer<byte[]> handler) {
        this.solHandler = handler;
    }

    /**
     * Sends one SOL payload in the session (payload type 01h, encrypted and authenticated as the
     * suite says, next session sequence number). Not retransmitted here: the SOL layer does that.
     * Outside an established session the payload is dropped (the SOL layer retries or gives up).
     */
    public Actions sendSol(byte[] payload, long now) {
        Actions a = new Actions();
        if (state != State.ACTIVE) {
            drop(DropReason.UNEXPECTED_STATE, "SOL payload to send in state " + state);
            return a;
        }
        a.send(encodeInSession(RmcpPlusCodec.PAYLOAD_SOL, payload));
        return a;
    }

    /** Successful logins so far (more than one after re-logins). */
    public int loginCount() {
        return logins;
    }

    // ---------------------------------------------------------------- SessionMachine

    @Override
    public Actions start(long now) {
        loginStarted = now;
        Actions a = new Actions();
        sendAuthCaps(a, now, true);
        return arm(a, now);
    }

    @Override
    public Actions submit(IpmiCall call, long now) {
        Actions a = new Actions();
        switch (state) {
            case ACTIVE -> {
                tracker.enqueue(call, null);
                dispatch(a, now);
            }
            case CLOSING, ENDED -> a.fail(call.future(), new IpmiSessionException("session is closed"));
            default -> waiting.add(call);
        }
        return arm(a, now);
    }

    @Override
    public Actions onTimer(long now) {
        Actions a = new Actions();
        switch (state) {
            case AUTH_CAPS, CIPHER_SUITES, OPEN_SESSION, RAKP2, RAKP4 -> {
                if (now - stepDeadline >= 0) {
                    stepTimedOut(a, now);
                }
            }
            case SET_PRIVILEGE, ACTIVE -> trackerTimer(a, now);
            case CLOSING -> {
                if (now - closeDeadline >= 0) {
                    end(a, null);
                    return a;
                }
                trackerTimer(a, now);
            }
            case ENDED -> {
                return a;
            }
        }
        return arm(a, now);
    }

    @Override
    public Actions onDatagram(byte[] d, long now) {
        Actions a = new Actions();
        if (state == State.ENDED) {
            return a;
        }
        if (d.length < 5 || (d[0] & 0xFF) != 0x06 || (d[3] & 0x1F) != 0x07) {
            drop(DropReason.UNEXPECTED_MESSAGE, "not an RMCP IPMI datagram");
            return a;
        }
        try {
            if ((d[4] & 0xFF) == 0x00) {
                onPreSession(d, a, now);
            } else if ((d[4] & 0xFF) == RmcpPlusCodec.AUTH_TYPE_RMCP_PLUS) {
                onRmcpPlus(d, a, now);
            } else {
                drop(DropReason.WRONG_SESSION, "auth type " + (d[4] & 0xFF));
            }
        } catch (IntegrityCheckException e) {
            badIntegrity++;
            drop(DropReason.BAD_AUTH_CODE, e.getMessage());
        } catch (MalformedMessageException e) {
            // field and offset only: the bytes may be decrypted session payload
            drop(DropReason.MALFORMED, "field '" + e.field() + "' at offset " + e.offset());
        }
        return arm(a, now);
    }

    @Override
    public Actions close(long now) {
        Actions a = new Actions();
        switch (state) {
            case ACTIVE, SET_PRIVILEGE -> {
                failAll(a, new IpmiSessionException("session closed"), now);
                if (!opened.isDone()) {
                    a.fail(opened, new IpmiSessionException("session closed during login"));
                }
                state = State.CLOSING;
                closeDeadline = now + policy.timeoutNanos(1, 0);
                tracker.enqueue(new IpmiCall(RequestTarget.BMC, CloseSession.ID,
                        new CloseSession.Request(bmcSid).toBytes(), new CompletableFuture<>()), Internal.CLOSE, 1);
                dispatch(a, now);
            }
            case CLOSING, ENDED -> {
                return a;
            }
            default -> {
                end(a, new IpmiSessionException("session closed during login"));
                return a;
            }
        }
        return arm(a, now);
    }

    @Override
    public Actions onFailure(Throwable cause, long now) {
        Actions a = new Actions();
        end(a, cause instanceof IpmiException ie ? ie : new IpmiSessionException("session failed: " + cause, cause));
        return a;
    }

    // ---------------------------------------------------------------- login steps

    private void sendAuthCaps(Actions a, long now, boolean first) {
        state = State.AUTH_CAPS;
        if (first) {
            stepAttempts = 0;
        }
        stepAttempts++;
        sendPreSession(a, GET_CHANNEL_AUTH_CAPS, new GetChannelAuthenticationCapabilities.Request(v2AuthCaps,
                GetChannelAuthenticationCapabilities.THIS_CHANNEL, privilege).toBytes());
        stepDeadline = now + policy.timeoutNanos(stepAttempts, random.nextDouble());
    }

    private void sendCipherQuery(Actions a, long now, boolean firstOfPage) {
        state = State.CIPHER_SUITES;
        if (firstOfPage) {
            stepAttempts = 0;
        }
        stepAttempts++;
        sendPreSession(a, GetChannelCipherSuites.ID, new GetChannelCipherSuites.Request(
                GetChannelCipherSuites.THIS_CHANNEL, 0, cipherIndex).toBytes());
        stepDeadline = now + Math.min(CIPHER_QUERY_TIMEOUT_NANOS, policy.timeoutNanos(1, 0));
    }

    private void sendPreSession(Actions a, CommandId id, byte[] data) {
        preSeq = (preSeq + 1) & 0x3F;
        byte[] msg = LanMessage.request(id.netFn().code(), 0, preSeq, id.cmd(), data).encode();
        trace("send pre-session", id.name() + " rqSeq " + preSeq);
        a.send(Ipmi15Packet.outsideSession(msg).encode());
    }

    private void startLogin(Actions a, long now) {
        loginAttempts = 0;
        sendOpenSession(a, now);
    }

    private void sendOpenSession(Actions a, long now) {
        state = State.OPEN_SESSION;
        loginAttempts++;
        suite = candidates.get(candidate);
        tag = (tag + 1) & 0xFF;
        int sid;
        do {
            sid = random.nextInt();
        } while (sid == 0 || sid == consoleSid);
        consoleSid = sid;
        OpenSessionRequest req = new OpenSessionRequest(tag, privilege.code(), consoleSid, suite.authentication().code(),
                suite.integrity().code(), suite.confidentiality().code());
        sendSetup(a, req);
        stepDeadline = now + policy.timeoutNanos(loginAttempts, random.nextDouble());
    }

    private void sendSetup(Actions a, RakpMessage m) {
        byte[] d = RmcpPlusCodec.unauthenticated().encode(m.payloadType(), 0, 0, m.toBytes());
        if (LOG.isTraceEnabled()) {
            trace("send", m + " " + PacketTrace.redacted(d, 0));
        }
        a.send(d);
    }

    private void stepTimedOut(Actions a, long now) {
        switch (state) {
            case AUTH_CAPS -> {
                if (stepAttempts < policy.attempts()) {
                    sendAuthCaps(a, now, false);
                } else {
                    loginFailed(a, new IpmiTimeoutException("Get Channel Authentication Capabilities", stepAttempts,
                            Duration.ofNanos(now - loginStarted)));
                }
            }
            case CIPHER_SUITES -> {
                if (stepAttempts < CIPHER_QUERY_ATTEMPTS) {
                    sendCipherQuery(a, now, false);
                } else {
                    LOG.debug("{}: Get Channel Cipher Suites not answered; trying suites 17 then 3", bmc);
                    useCandidates(CipherSuitePolicy.FALLBACK, a, now);
                }
            }
            case OPEN_SESSION, RAKP2, RAKP4 -> {
                if (loginAttempts < policy.attempts()) {
                    LOG.debug("{}: {} not answered; restarting the login with a new console session ID", bmc, state);
                    sendOpenSession(a, now);
                } else {
                    loginFailed(a, new IpmiTimeoutException("RMCP+ login (" + state + ")", loginAttempts,
                            Duration.ofNanos(now - loginStarted)));
                }
            }
            default -> { }
        }
    }

    private void onPreSession(byte[] d, Actions a, long now) {
        if (d.length < 14) {
            drop(DropReason.MALFORMED, "short IPMI 1.5 header");
            return;
        }
        int len = d[13] & 0xFF;
        if (d.length < 14 + len) {
            drop(DropReason.MALFORMED, "IPMI 1.5 message length " + len + " beyond datagram");
            return;
        }
        LanMessage m = LanMessage.decode(d, 14, len);
        byte[] body = m.body();
        if (!m.isResponse() || m.seq() != preSeq || body.length == 0) {
            drop(DropReason.UNMATCHED_RESPONSE, "pre-session reply rqSeq " + m.seq());
            return;
        }
        int cc = body[0] & 0xFF;
        if (state == State.AUTH_CAPS && m.command() == GET_CHANNEL_AUTH_CAPS.cmd()) {
            trace("recv pre-session", "auth caps cc " + Hex.u8(cc));
            if (cc != 0) {
                if (v2AuthCaps) {
                    v2AuthCaps = false;
                    sendAuthCaps(a, now, true);
                } else {
                    loginFailed(a, new IpmiSessionException(String.format(
                            "Get Channel Authentication Capabilities failed with completion code %02Xh", cc)));
                }
                return;
            }
            GetChannelAuthenticationCapabilities.Response caps = new GetChannelAuthenticationCapabilities.Request(
                    v2AuthCaps, GetChannelAuthenticationCapabilities.THIS_CHANNEL, privilege)
                    .decodeResponse(ByteReader.of(body, 1, body.length - 1));
            bmcHasKg = caps.kgConfigured();
            channel = caps.channel();
            if (!caps.supportsRmcpPlus()) {
                loginFailed(a, new IpmiSessionException(
                        "the BMC does not support IPMI 2.0 / RMCP+ sessions on this channel; use IPMI 1.5 (lan)"));
                return;
            }
            afterAuthCaps(a, now);
        } else if (state == State.CIPHER_SUITES && m.command() == GetChannelCipherSuites.ID.cmd()) {
            trace("recv pre-session", "cipher suites cc " + Hex.u8(cc) + " index " + cipherIndex);
            if (cc != 0 || body.length < 2) {
                useCandidates(CipherSuitePolicy.FALLBACK, a, now);
                return;
            }
            cipherRecords.write(body, 2, body.length - 2);
            if (body.length - 2 < GetChannelCipherSuites.PAGE_SIZE || cipherIndex >= GetChannelCipherSuites.MAX_LIST_INDEX) {
                List<CipherSuite> c;
                try {
                    c = CipherSuitePolicy.candidates(GetChannelCipherSuites.parseRecords(cipherRecords.toByteArray()));
                } catch (MalformedMessageException e) {
                    LOG.debug("{}: unparsable cipher suite records ({}); trying 17 then 3", bmc, e.getMessage());
                    c = List.of();
                }
                useCandidates(c.isEmpty() ? CipherSuitePolicy.FALLBACK : c, a, now);
            } else {
                cipherIndex++;
                sendCipherQuery(a, now, true);
            }
        } else {
            drop(DropReason.UNEXPECTED_STATE, "pre-session reply in state " + state);
        }
    }

    private void afterAuthCaps(Actions a, long now) {
        if (!requested.isAuto()) {
            useCandidates(List.of(requested), a, now);
            return;
        }
        var remembered = cache.get(bmc);
        if (remembered.isPresent()) {
            useCandidates(List.of(remembered.get()), a, now);
            return;
        }
        cipherIndex = 0;
        cipherRecords.reset();
        sendCipherQuery(a, now, true);
    }

    private void useCandidates(List<CipherSuite> c, Actions a, long now) {
        candidates = c;
        candidate = 0;
        LOG.debug("{}: cipher suites to try: {}", bmc, c.stream().map(CipherSuite::id).toList());
        startLogin(a, now);
    }

    /** Tries the next candidate suite if AUTO allows; returns false when none is left. */
    private boolean nextCandidate(Actions a, long now) {
        if (candidate + 1 < candidates.size()) {
            candidate++;
            startLogin(a, now);
            return true;
        }
        return false;
    }

    private void onRmcpPlus(byte[] d, Actions a, long now) {
        int type = d.length > 5 ? d[5] & 0x3F : -1;
        if (type >= RakpMessage.OPEN_SESSION_REQUEST && type <= RakpMessage.RAKP_4) {
            onSetup(d, type, a, now);
            return;
        }
        if (state != State.SET_PRIVILEGE && state != State.ACTIVE && state != State.CLOSING) {
            drop(DropReason.UNEXPECTED_STATE, "session packet in state " + state);
            return;
        }
        RmcpPlusCodec.Packet p = codec.decode(d);
        if (p.sessionId() != consoleSid) {
            drop(DropReason.WRONG_SESSION, "session ID " + Integer.toHexString(p.sessionId()));
            return;
        }
        if (!window.accept(p.sequence())) {
            replayed++;
            drop(DropReason.SEQUENCE_OUTSIDE_WINDOW, "session sequence number " + Integer.toUnsignedString(p.sequence()));
            return;
        }
        if (p.payloadType() == RmcpPlusCodec.PAYLOAD_SOL) {
            lastActivity = now;
            Consumer<byte[]> h = solHandler;
            if (h == null) {
                drop(DropReason.UNEXPECTED_MESSAGE, "SOL payload with no console active");
            } else {
                byte[] sol = p.payload();
                a.callback(() -> h.accept(sol));
            }
            return;
        }
        if (p.payloadType() != RmcpPlusCodec.PAYLOAD_IPMI) {
            drop(DropReason.UNEXPECTED_MESSAGE, "payload type " + p.payloadType());
            return;
        }
        LanMessage m = LanMessage.decode(p.payload());
        if (LOG.isTraceEnabled()) {
            trace("recv", "seq " + Integer.toUnsignedString(p.sequence()) + " " + describe(m) + " "
                    + PacketTrace.redacted(d, suite.integrity().authCodeLength()));
        }
        lastActivity = now;
        RequestTracker.Pending done = tracker.onResponse(m, now);
        if (done != null) {
            answered(done, m.body(), a, now);
        }
        dispatch(a, now);
    }

    private void onSetup(byte[] d, int type, Actions a, long now) {
        RmcpPlusCodec.Packet p = RmcpPlusCodec.unauthenticated().decode(d);
        RakpMessage msg = RakpMessage.decode(type, p.payload());
        if (LOG.isTraceEnabled()) {
            trace("recv", msg + " " + PacketTrace.redacted(d, 0));
        }
        if (msg instanceof OpenSessionResponse r && state == State.OPEN_SESSION && ours(r.tag(), r.status(),
                r.consoleSessionId())) {
            onOpenSessionResponse(r, a, now);
        } else if (msg instanceof Rakp2 r && state == State.RAKP2 && (ours(r.tag(), r.status(), r.consoleSessionId())
                || zeroTagRakp2(r))) {
            onRakp2(r, a, now);
        } else if (msg instanceof Rakp4 r && state == State.RAKP4 && ours(r.tag(), r.status(), r.consoleSessionId())) {
            onRakp4(r, a, now);
        } else {
            drop(DropReason.UNEXPECTED_STATE, "stale or unexpected " + msg.getClass().getSimpleName()
                    + " in state " + state);
        }
    }

    /**
     * A setup reply belongs to the current attempt when tag and console session ID match; error
     * replies cut short after the status byte (ipmi_sim) carry no session ID, so the tag must do.
     */
    private boolean ours(int replyTag, RmcpPlusStatus status, int sid) {
        return replyTag == tag && (sid == consoleSid || (!status.isSuccess() && sid == 0));
    }

    /**
     * {@link dev.ipmi.core.options.Quirk#RAKP2_MESSAGE_TAG_ZERO}: some OpenBMC builds answer RAKP1 with
     * message tag 0 instead of echoing ours. The console session ID, fresh and random for every
     * attempt, still ties the reply to this login, so a successful RAKP2 carrying our ID is taken.
     */
    private boolean zeroTagRakp2(Rakp2 r) {
        return r.tag() == 0 && r.status().isSuccess() && r.consoleSessionId() == consoleSid;
    }

    private void onOpenSessionResponse(OpenSessionResponse r, Actions a, long now) {
        if (!r.status().isSuccess()) {
            LOG.debug("{}: Open Session with suite {} refused: {}", bmc, suite.id(), r.status());
            if (SUITE_REJECTED.contains(r.status().code()) && nextCandidate(a, now)) {
                return;
            }
            if (SUITE_REJECTED.contains(r.status().code()) && r.status().code() != 0x01 && r.status().code() != 0x0A) {
                loginFailed(a, new CipherSuiteUnavailableException("Open Session: the BMC refused cipher suite "
                        + suite.id() + ": " + r.status().description() + " (" + r.status().likelyCause() + ")"));
            } else {
                loginFailed(a, new IpmiAuthenticationException("Open Session", r.status().code(),
                        r.status().description() + "; likely cause: " + r.status().likelyCause()));
            }
            return;
        }
        if (r.authAlgorithm() != suite.authentication().code() || r.integrityAlgorithm() != suite.integrity().code()
                || r.confidentialityAlgorithm() != suite.confidentiality().code()) {
            String msg = String.format("Open Session: the BMC answered with algorithms auth %d / integrity %d / "
                            + "confidentiality %d instead of cipher suite %d's %d / %d / %d", r.authAlgorithm(),
                    r.integrityAlgorithm(), r.confidentialityAlgorithm(), suite.id(), suite.authentication().code(),
                    suite.integrity().code(), suite.confidentiality().code());
            if (nextCandidate(a, now)) {
                LOG.debug("{}: {}", bmc, msg);
                return;
            }
            loginFailed(a, new CipherSuiteUnavailableException(msg));
            return;
        }
        if (r.bmcSessionId() == 0) {
            // 0 means "outside a session": our codec would send every later packet without integrity or encryption
            loginFailed(a, new IpmiSessionException("Open Session: the BMC assigned session ID 0"));
            return;
        }
        // ipmi_sim echoes 0 ("highest") when asked for a concrete level; anything else lower than asked
        // is left for Set Session Privilege Level to confirm or refuse.
        bmcSid = r.bmcSessionId();
        rm = Crypto.random(16);
        role = privilege.code() | (nameOnly ? 0x10 : 0);
        state = State.RAKP2;
        sendSetup(a, new Rakp1(tag, bmcSid, rm, role, userName));
        stepDeadline = now + policy.timeoutNanos(loginAttempts, random.nextDouble());
    }

    private void onRakp2(Rakp2 r, Actions a, long now) {
        if (!r.status().isSuccess()) {
            loginFailed(a, new IpmiAuthenticationException("RAKP2", r.status().code(),
                    r.status().description() + "; likely cause: " + r.status().likelyCause()));
            return;
        }
        try (RakpKeys keys = new RakpKeys(suite.authentication(), password, kg)) {
            byte[] expected = keys.rakp2AuthCode(consoleSid, bmcSid, rm, r.bmcRandom(), r.bmcGuid(), role, userName);
            if (!Crypto.macEquals(expected, r.authCode())) {
                sendSetup(a, new Rakp3(tag, RmcpPlusStatus.INVALID_INTEGRITY_CHECK_VALUE, bmcSid, new byte[0]));
                loginFailed(a, new IpmiAuthenticationException("RAKP2", RmcpPlusStatus.INVALID_INTEGRITY_CHECK_VALUE.code(),
                        "the BMC's key exchange auth code does not verify; likely cause: wrong password"));
                return;
            }
            byte[] sik = keys.sik(rm, r.bmcRandom(), role, userName);
            sendSetup(a, new Rakp3(tag, RmcpPlusStatus.NO_ERRORS, bmcSid,
                    keys.rakp3AuthCode(r.bmcRandom(), consoleSid, role, userName)));
            pendingSik = sik;
            pendingGuid = r.bmcGuid();
        }
        state = State.RAKP4;
        stepDeadline = now + policy.timeoutNanos(loginAttempts, random.nextDouble());
    }

    private byte[] pendingSik;
    private byte[] pendingGuid;

    private void onRakp4(Rakp4 r, Actions a, long now) {
        if (!r.status().isSuccess()) {
            if (r.status().equals(RmcpPlusStatus.INVALID_SESSION_ID) && loginAttempts < policy.attempts()) {
                sendOpenSession(a, now);
                return;
            }
            String cause = r.status().code() == 0x0F ? "wrong password or wrong BMC key (K_g)"
                    : r.status().likelyCause();
            loginFailed(a, new IpmiAuthenticationException("RAKP4", r.status().code(),
                    r.status().description() + "; likely cause: " + cause));
            return;
        }
        byte[] icv = RakpKeys.rakp4Icv(suite.authentication(), pendingSik, rm, bmcSid, pendingGuid);
        // Cipher suite 0: some BMCs send a non-empty ICV anyway (FreeIPMI doc Auth #16); there is nothing to check.
        if (icv.length > 0 && !Crypto.macEquals(icv, r.integrityCheckValue())) {
            loginFailed(a, new IpmiAuthenticationException("RAKP4",
                    "the BMC's integrity check value does not verify; likely cause: wrong BMC key (K_g)"
                            + (bmcHasKg && kg == null ? " - the BMC reports a K_g is configured but none was given" : "")));
            return;
        }
        byte[] k1 = md5IntegrityWithPassword && suite.integrity() == IntegrityAlgorithm.HMAC_MD5_128
                ? Arrays.copyOf(password, 20) : RakpKeys.derive(suite.authentication(), pendingSik, 0x01);
        byte[] k2 = RakpKeys.derive(suite.authentication(), pendingSik, 0x02);
        codec.close();
        codec = RmcpPlusCodec.forSession(suite, k1, k2, password);
        Crypto.wipe(k1);
        Crypto.wipe(k2);
        Crypto.wipe(pendingSik);
        pendingSik = null;
        outSeq = 0;
        window = new ReplayWindow();
        state = State.SET_PRIVILEGE;
        lastActivity = now;
        // Under HMAC-MD5-128 integrity a silent BMC is most likely ipmi_sim's keying (see Quirk):
        // give up on the standard keys after two transmissions instead of the whole budget.
        boolean quirkCandidate = suite.integrity() == IntegrityAlgorithm.HMAC_MD5_128 && !md5IntegrityWithPassword;
        tracker.enqueue(new IpmiCall(RequestTarget.BMC, SetSessionPrivilegeLevel.ID,
                new SetSessionPrivilegeLevel.Request(privilege).toBytes(), new CompletableFuture<>()),
                Internal.SET_PRIVILEGE, quirkCandidate ? Math.min(2, policy.attempts()) : policy.attempts());
        dispatch(a, now);
    }

    // ---------------------------------------------------------------- established session

    private void answered(RequestTracker.Pending p, byte[] body, Actions a, long now) {
        if (p.attachment() instanceof Internal kind) {
            switch (kind) {
                case SET_PRIVILEGE -> onSetPrivilege(body, a, now);
                case KEEPALIVE -> { }
                case CLOSE -> end(a, null);
            }
            return;
        }
        a.complete(p.call().future(), body);
    }

    private void onSetPrivilege(byte[] body, Actions a, long now) {
        int cc = body[0] & 0xFF;
        if (cc != 0) {
            String why = switch (cc) {
                case 0x80 -> "requested level not available for this user";
                case 0x81 -> "requested level exceeds the user's or channel's limit";
                default -> String.format("completion code %02Xh", cc);
            };
            loginFailed(a, new PrivilegeUnavailableException("Set Session Privilege Level to " + privilege + " refused: "
                    + why));
            return;
        }
        grantedPrivilege = body.length > 1 ? PrivilegeLevel.valueOf(body[1] & 0x0F) : privilege;
        state = State.ACTIVE;
        logins++;
        loginNanos = now - loginStarted;
        if (requested.isAuto()) {
            cache.put(bmc, suite);
        }
        listener.sessionOpened(bmc, consoleSid, "RMCP+ cipher suite " + suite.id() + ", " + grantedPrivilege);
        LOG.debug("{}: RMCP+ session open, cipher suite {}, privilege {}, login {} ms", bmc, suite.id(),
                grantedPrivilege, loginNanos / 1_000_000);
        if (!opened.isDone()) {
            a.complete(opened, null);
        }
        for (IpmiCall c : waiting) {
            tracker.enqueue(c, null);
        }
        waiting.clear();
        dispatch(a, now);
    }

    private void dispatch(Actions a, long now) {
        for (RequestTracker.Pending p : tracker.dispatch(now)) {
            sendInSession(a, p);
        }
    }

    private byte[] encodeInSession(int payloadType, byte[] payload) {
        outSeq++;
        if (outSeq == 0) {
            outSeq = 1;
        }
        return codec.encode(payloadType, bmcSid, outSeq, payload);
    }

    private void sendInSession(Actions a, RequestTracker.Pending p) {
        LanMessage m = p.message();
        byte[] d = encodeInSession(RmcpPlusCodec.PAYLOAD_IPMI, m.encode());
        if (LOG.isTraceEnabled()) {
            trace("send", "seq " + Integer.toUnsignedString(outSeq) + " " + describe(m) + " "
                    + PacketTrace.redacted(d, suite.integrity().authCodeLength()));
        }
        a.send(d);
    }

    private void trackerTimer(Actions a, long now) {
        RequestTracker.TimerResult t = tracker.onTimer(now);
        for (RequestTracker.Pending p : t.retransmit()) {
            sendInSession(a, p);
        }
        boolean lost = false;
        for (RequestTracker.Pending p : t.expired()) {
            IpmiTimeoutException e = RequestTracker.timeout(p, now);
            if (p.attachment() instanceof Internal kind) {
                switch (kind) {
                    case SET_PRIVILEGE -> {
                        if (suite.integrity() == IntegrityAlgorithm.HMAC_MD5_128 && !md5IntegrityWithPassword) {
                            LOG.debug("{}: no answer under HMAC-MD5-128 integrity; logging in again with quirk {}",
                                    bmc, Quirk.HMAC_MD5_128_KEYED_WITH_PASSWORD);
                            md5IntegrityWithPassword = true;
                            startLogin(a, now);
                            return;
                        }
                        if (requested.isAuto() && candidate + 1 < candidates.size()) {
                            candidate++;
                            startLogin(a, now);
                        } else {
                            loginFailed(a, new IpmiSessionException("Set Session Privilege Level not answered with "
                                    + "cipher suite " + suite.id() + " (the BMC may not implement its integrity "
                                    + "algorithm correctly); try another cipher suite", e));
                        }
                        return;
                    }
                    case CLOSE -> {
                        end(a, null);
                        return;
                    }
                    case KEEPALIVE -> lost = true;
                }
            } else {
                listener.requestFailed(bmc, p.id(), e);
                a.fail(p.call().future(), e);
                lost = true;
            }
        }
        if (lost && state == State.ACTIVE) {
            sessionLost(a, now);
            return;
        }
        if (state == State.ACTIVE && tracker.isIdle() && now - lastActivity >= keepaliveNanos) {
            lastActivity = now;
            // Get Device ID, as ipmitool does: allowed at every privilege level and answered in a
            // session by every BMC (ipmi_sim refuses Get Channel Authentication Capabilities there, D5h)
            tracker.enqueue(new IpmiCall(RequestTarget.BMC, GetDeviceId.ID, new byte[0], new CompletableFuture<>()),
                    Internal.KEEPALIVE);
        }
        dispatch(a, now);
    }

    private void sessionLost(Actions a, long now) {
        IpmiSessionException lostError = new IpmiSessionException(
                "the BMC stopped answering the session; request not retried");
        for (RequestTracker.Pending p : tracker.removeAll(now)) {
            if (p.seq() < 0 && !(p.attachment() instanceof Internal)) {
                waiting.add(p.call());
            } else if (!(p.attachment() instanceof Internal)) {
                a.fail(p.call().future(), lostError);
            }
        }
        if (!relogin) {
            end(a, new IpmiSessionException("the BMC stopped answering the session"));
            return;
        }
        LOG.debug("{}: session lost; logging in again", bmc);
        codec.close();
        codec = RmcpPlusCodec.unauthenticated();
        loginStarted = now;
        candidates = List.of(suite);
        candidate = 0;
        startLogin(a, now);
    }

    private void loginFailed(Actions a, IpmiException e) {
        if (requested.isAuto() && cache.get(bmc).isPresent()) {
            cache.forget(bmc);
        }
        end(a, e);
    }

    private void failAll(Actions a, IpmiException e, long now) {
        for (RequestTracker.Pending p : tracker.removeAll(now)) {
            if (!(p.attachment() instanceof Internal)) {
                a.fail(p.call().future(), e);
            }
        }
        for (IpmiCall c : waiting) {
            a.fail(c.future(), e);
        }
        waiting.clear();
    }

    private void end(Actions a, IpmiException error) {
        if (state == State.ENDED) {
            return;
        }
        failAll(a, error != null ? error : new IpmiSessionException("session closed"), 0);
        if (!opened.isDone()) {
            a.fail(opened, error != null ? error : new IpmiSessionException("session closed during login"));
        }
        state = State.ENDED;
        listener.sessionClosed(bmc, consoleSid, error);
        codec.close();
        Crypto.wipe(password);
        Crypto.wipe(kg);
        Crypto.wipe(pendingSik);
        a.cancelTimer().end();
    }

    private Actions arm(Actions a, long now) {
        if (state == State.ENDED || a.ended()) {
            return a;
        }
        long next = Long.MAX_VALUE;
        switch (state) {
            case AUTH_CAPS, CIPHER_SUITES, OPEN_SESSION, RAKP2, RAKP4 -> next = stepDeadline;
            case SET_PRIVILEGE, ACTIVE, CLOSING -> {
                next = tracker.nextDeadline();
                if (state == State.ACTIVE && tracker.isIdle()) {
                    next = lastActivity + keepaliveNanos;
                }
                if (state == State.CLOSING && (next == Long.MAX_VALUE || closeDeadline - next < 0)) {
                    next = closeDeadline;
                }
            }
            default -> { }
        }
        if (next != Long.MAX_VALUE) {
            a.armTimer(next);
        } else {
            a.cancelTimer();
        }
        return a;
    }

    private void drop(DropReason reason, String detail) {
        LOG.debug("{}: dropped datagram: {} ({})", bmc, reason, detail);
        try {
            listener.packetDropped(bmc, reason, detail);
        } catch (RuntimeException ignored) {
            // a misbehaving listener must not disturb the session
        }
    }

    /** Header fields only: request data may itself be secret (Set User Password), so it is never traced. */
    private static String describe(LanMessage m) {
        return String.format("netFn %02Xh cmd %02Xh rqSeq %d, %d data bytes", m.netFn(), m.command(), m.seq(),
                m.body().length);
    }

    private void trace(String what, String detail) {
        if (LOG.isTraceEnabled()) {
            LOG.trace("{} {}: {}", bmc, what, detail);
        }
    }

    @Override
    public String toString() {
        return "LanPlusMachine[" + bmc + ", " + state + ", suite " + (suite == null ? "-" : suite.id()) + "]";
    }
}
