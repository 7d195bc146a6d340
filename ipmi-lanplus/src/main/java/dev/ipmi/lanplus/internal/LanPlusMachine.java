package dev.ipmi.lanplus.internal;

import dev.ipmi.core.IpmiException;
import dev.ipmi.core.IpmiSessionException;
import dev.ipmi.core.IpmiSessionLostException;
import dev.ipmi.core.IpmiTimeoutException;
import dev.ipmi.core.MalformedMessageException;
import dev.ipmi.core.PrivilegeUnavailableException;
import dev.ipmi.core.client.RequestTarget;
import dev.ipmi.core.client.RetryPolicy;
import dev.ipmi.core.commands.app.GetDeviceId;
import dev.ipmi.core.commands.session.CloseSession;
import dev.ipmi.core.commands.session.SetSessionPrivilegeLevel;
import dev.ipmi.core.event.DropReason;
import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.core.wire.LanMessage;
import dev.ipmi.lan.engine.Actions;
import dev.ipmi.lan.engine.IpmiCall;
import dev.ipmi.lan.engine.RequestTracker;
import dev.ipmi.lan.engine.SessionMachine;
import dev.ipmi.core.types.CipherSuite;
import dev.ipmi.core.options.CipherSuiteCache;
import dev.ipmi.core.types.IntegrityAlgorithm;
import dev.ipmi.core.options.Quirk;
import dev.ipmi.core.options.QuirkCache;
import dev.ipmi.lanplus.internal.LanPlusDiagnostics.State;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * The RMCP+ session as a pure state machine (no sockets, clock or threads; driven by the engine).
 *
 * <p>The login up to verified keys is {@link LanPlusLogin}; this class adds Set Session Privilege
 * Level (the first request inside the session, with the HMAC-MD5-128 quirk fallback and the AUTO
 * fallback to the next suite), the established session — requests matched by the engine's
 * {@link RequestTracker}, a keepalive when idle, SOL payloads routed to the console — and
 * re-login when the BMC stops answering. Where the machine is, is a sealed {@link SessionPhase} carrying
 * its own data; {@link #diagnostics()} is an immutable snapshot other threads may read.
 */
public final class LanPlusMachine implements SessionMachine {

    /** The machine's own requests inside the session. */
    private enum Internal { SET_PRIVILEGE, KEEPALIVE, CLOSE }

    private final InetSocketAddress bmc;
    private final RakpExchange.Secrets secrets;
    private final PrivilegeLevel privilege;
    private final CipherSuite requested;
    private final RetryPolicy policy;
    private final SessionEvents events;
    private final CipherSuiteCache cache;
    private final long keepaliveNanos;
    private final boolean relogin;
    private final RequestTracker tracker;
    private final LanPlusLogin login;
    private final boolean noChecksumCheck;
    private final boolean md5KeyingConfigured;
    private boolean md5KeyingRemembered;
    private int checksumDrops;
    private final CompletableFuture<Void> opened = new CompletableFuture<>();
    private final List<IpmiCall> waiting = new ArrayList<>();

    private SessionPhase phase = new SessionPhase.LoggingIn();
    /** User requests that timed out since the last answer. */
    private int timeoutsInARow;
    /** A keepalive is out because requests timed out; its own timeout means the session is lost. */
    private boolean probing;
    private Consumer<byte[]> solHandler;
    private LanPlusDiagnostics counters = LanPlusDiagnostics.INITIAL;
    private volatile LanPlusDiagnostics snapshot = LanPlusDiagnostics.INITIAL;

    public LanPlusMachine(LanPlusConfig c, RandomGenerator random) {
        this.bmc = c.bmc();
        this.secrets = new RakpExchange.Secrets(c.userName(), c.password(), c.kg());
        this.privilege = c.privilege();
        this.requested = c.cipherSuite();
        this.policy = c.retryPolicy();
        this.events = new SessionEvents(bmc, c.listener());
        this.cache = c.cache();
        this.keepaliveNanos = c.keepaliveInterval().toNanos();
        this.relogin = c.reloginOnSessionLoss();
        this.tracker = new RequestTracker(policy, c.window(), RequestTracker.DEFAULT_SEQUENCE_BLOCK,
                random, c.listener(), bmc);
        this.login = new LanPlusLogin(events, secrets, privilege, requested, c.nameOnlyLookup(), policy, cache, random);
        boolean md5Keying = c.quirks().contains(Quirk.HMAC_MD5_128_KEYED_WITH_PASSWORD);
        // A BMC that needed the password as the HMAC-MD5-128 key last time gets it from the start: the
        // detection costs a Set Session Privilege Level timeout and a whole second login.
        this.md5KeyingRemembered = !md5Keying
                && QuirkCache.shared().get(bmc).contains(Quirk.HMAC_MD5_128_KEYED_WITH_PASSWORD);
        login.keyMd5IntegrityWithPassword(md5Keying || md5KeyingRemembered);
        this.md5KeyingConfigured = md5Keying;
        this.noChecksumCheck = c.quirks().contains(Quirk.NO_CHECKSUM_CHECK);
        login.verifyChecksums(!noChecksumCheck);
        if (noChecksumCheck) {
            events.quirkApplied(Quirk.NO_CHECKSUM_CHECK, "enabled by the caller: IPMI message checksums are not checked");
        }
    }

    /** Completes when the first login succeeded; fails with the login's error. */
    public CompletableFuture<Void> opened() {
        return opened;
    }

    /** The state after the machine's last step; an immutable value, safe to read from any thread. */
    public LanPlusDiagnostics diagnostics() {
        return snapshot;
    }

    /**
     * Sets the receiver of inbound SOL payloads (type 01h, after integrity check, decryption and
     * the replay window), called on the I/O thread through {@link Actions#callback}; {@code null}:
     * dropped. A step: run it on the I/O thread ({@code Registration.execute}).
     */
    public Actions setSolHandler(Consumer<byte[]> handler, long now) {
        this.solHandler = handler;
        return new Actions();
    }

    /**
     * Sends one SOL payload in the session (payload type 01h, encrypted and authenticated as the
     * suite says, next session sequence number). Not retransmitted here: the SOL layer does that.
     * Outside an established session the payload is dropped (the SOL layer retries or gives up).
     */
    public Actions sendSol(byte[] payload, long now) {
        Actions a = new Actions();
        if (phase instanceof SessionPhase.Active p) {
            a.send(p.session().encode(RmcpPlusCodec.PAYLOAD_SOL, payload));
        } else {
            events.drop(DropReason.UNEXPECTED_STATE, "SOL payload to send in state " + state());
        }
        return a;
    }

    @Override
    public Actions start(long now) {
        Actions a = new Actions();
        login.start(a, now);
        return arm(a, now);
    }

    @Override
    public Actions submit(IpmiCall call, long now) {
        Actions a = new Actions();
        if (phase instanceof SessionPhase.Active) {
            tracker.enqueue(call, null);
            dispatch(a, now);
        } else if (phase instanceof SessionPhase.Closing || phase instanceof SessionPhase.Ended) {
            a.fail(call.future(), new IpmiSessionException("session is closed"));
        } else {
            waiting.add(call);
        }
        return arm(a, now);
    }

    @Override
    public Actions onTimer(long now) {
        Actions a = new Actions();
        if (phase instanceof SessionPhase.Ended) {
            return a;
        }
        if (phase instanceof SessionPhase.Closing p && now - p.deadline() >= 0) {
            end(a, null);
            return a;
        }
        if (phase instanceof SessionPhase.LoggingIn) {
            loginResult(login.onTimer(a, now), a, now);
        } else {
            trackerTimer(a, now);
        }
        return arm(a, now);
    }

    @Override
    public Actions onDatagram(byte[] d, long now) {
        Actions a = new Actions();
        if (phase instanceof SessionPhase.Ended) {
            return a;
        }
        if (d.length < 5 || (d[0] & 0xFF) != 0x06 || (d[3] & 0x1F) != 0x07) {
            events.drop(DropReason.UNEXPECTED_MESSAGE, "not an RMCP IPMI datagram");
            return a;
        }
        try {
            if ((d[4] & 0xFF) == 0x00) {
                loginResult(login.onPreSession(d, a, now), a, now);
            } else if ((d[4] & 0xFF) == RmcpPlusCodec.AUTH_TYPE_RMCP_PLUS) {
                onRmcpPlus(d, a, now);
            } else {
                events.drop(DropReason.WRONG_SESSION, "auth type " + (d[4] & 0xFF));
            }
        } catch (IntegrityCheckException e) {
            counters = counters.counted(1, 0);
            events.drop(DropReason.BAD_AUTH_CODE, e.getMessage());
        } catch (MalformedMessageException e) {
            // field and offset only: the bytes may be decrypted session payload
            events.drop(DropReason.MALFORMED, "field '" + e.field() + "' at offset " + e.offset());
            if (e.field().startsWith("checksum")) {
                checksumDrops++;
            }
        }
        return arm(a, now);
    }

    @Override
    public Actions close(long now) {
        Actions a = new Actions();
        if (phase instanceof SessionPhase.Closing || phase instanceof SessionPhase.Ended) {
            return a;
        }
        if (phase instanceof SessionPhase.LoggingIn) {
            end(a, new IpmiSessionException("session closed during login"));
            return a;
        }
        closeSession(session(), a, now);
        return arm(a, now);
    }

    @Override
    public Actions onFailure(Throwable cause, long now) {
        Actions a = new Actions();
        end(a, cause instanceof IpmiException ie ? ie : new IpmiSessionException("session failed: " + cause, cause));
        return a;
    }

    private void closeSession(EstablishedSession s, Actions a, long now) {
        failAll(a, new IpmiSessionException("session closed"), now);
        if (!opened.isDone()) {
            a.fail(opened, new IpmiSessionException("session closed during login"));
        }
        phase = new SessionPhase.Closing(s, now + policy.timeoutNanos(1, 0));
        tracker.enqueue(new IpmiCall(RequestTarget.BMC, CloseSession.ID,
                new CloseSession.Request(s.bmcSid()).toBytes(), new CompletableFuture<>()), Internal.CLOSE, 1);
        dispatch(a, now);
    }

    private void loginResult(LanPlusLogin.Result r, Actions a, long now) {
        if (r instanceof LanPlusLogin.Result.Failed f) {
            loginFailed(a, f.error());
        } else if (r instanceof LanPlusLogin.Result.KeysReady k) {
            keysReady(k.keys(), a, now);
        }
    }

    private void onRmcpPlus(byte[] d, Actions a, long now) {
        int type = d.length > 5 ? d[5] & 0x3F : -1;
        if (type >= RakpMessage.OPEN_SESSION_REQUEST && type <= RakpMessage.RAKP_4) {
            loginResult(login.onSetup(d, type, a, now), a, now);
            return;
        }
        EstablishedSession s = phase.session();
        if (s == null) {
            events.drop(DropReason.UNEXPECTED_STATE, "session packet in state " + state());
            return;
        }
        EstablishedSession.Inbound in = s.receive(d, a, now, solHandler, tracker);
        if (in instanceof EstablishedSession.Inbound.Rejected r) {
            counters = counters.counted(0, r.replay() ? 1 : 0);
        } else if (in instanceof EstablishedSession.Inbound.Message m && m.answered() != null) {
            answered(m.answered(), m.body(), a, now);
        }
        if (in instanceof EstablishedSession.Inbound.Message) {
            dispatch(a, now);
        }
    }

    private void keysReady(RakpExchange.SessionKeys keys, Actions a, long now) {
        EstablishedSession s = new EstablishedSession(keys, secrets, events, now);
        s.verifyChecksums(!noChecksumCheck);
        phase = new SessionPhase.SettingPrivilege(s);
        // Under HMAC-MD5-128 integrity a silent BMC is most likely ipmi_sim's keying (see Quirk):
        // give up on the standard keys after two transmissions instead of the whole budget.
        boolean remembered = md5KeyingRemembered && md5KeyedSuite(s);
        if (remembered) {
            events.quirkApplied(Quirk.HMAC_MD5_128_KEYED_WITH_PASSWORD,
                    "HMAC-MD5-128 integrity keyed with the password (remembered for this BMC)");
        }
        boolean quirkCandidate = quirkCandidate(s) || remembered;
        tracker.enqueue(new IpmiCall(RequestTarget.BMC, SetSessionPrivilegeLevel.ID,
                new SetSessionPrivilegeLevel.Request(privilege).toBytes(), new CompletableFuture<>()),
                Internal.SET_PRIVILEGE, quirkCandidate ? Math.min(2, policy.attempts()) : policy.attempts());
        dispatch(a, now);
    }

    private boolean quirkCandidate(EstablishedSession s) {
        return s.suite().integrity() == IntegrityAlgorithm.HMAC_MD5_128 && !login.md5KeyedWithPassword();
    }

    /** The session's keys use {@link Quirk#HMAC_MD5_128_KEYED_WITH_PASSWORD}. */
    private boolean md5KeyedSuite(EstablishedSession s) {
        return s.suite().integrity() == IntegrityAlgorithm.HMAC_MD5_128 && login.md5KeyedWithPassword();
    }

    private void answered(RequestTracker.Pending p, byte[] body, Actions a, long now) {
        timeoutsInARow = 0;
        if (p.attachment() instanceof Internal kind) {
            switch (kind) {
                case SET_PRIVILEGE -> onSetPrivilege(body, a, now);
                case KEEPALIVE -> probing = false;
                case CLOSE -> end(a, null);
            }
            return;
        }
        a.complete(p.call().future(), body);
    }

    private void onSetPrivilege(byte[] body, Actions a, long now) {
        if (!(phase instanceof SessionPhase.SettingPrivilege sp)) {
            return;
        }
        int cc = body[0] & 0xFF;
        if (cc != 0) {
            String why = switch (cc) {
                case 0x80 -> "requested level not available for this user";
                case 0x81 -> "requested level exceeds the user's or channel's limit";
                default -> String.format("completion code %02Xh", cc);
            };
            loginFailed(a, new PrivilegeUnavailableException("Set Session Privilege Level to " + privilege
                    + " refused: " + why));
            return;
        }
        EstablishedSession s = sp.session();
        if (md5KeyedSuite(s) && !md5KeyingConfigured && !md5KeyingRemembered) {
            events.quirkDetected(Quirk.HMAC_MD5_128_KEYED_WITH_PASSWORD, "HMAC-MD5-128 integrity keyed with the password");
        }
        PrivilegeLevel granted = body.length > 1 ? PrivilegeLevel.valueOf(body[1] & 0x0F) : privilege;
        phase = new SessionPhase.Active(s);
        Duration took = Duration.ofNanos(now - login.started());
        counters = counters.loggedIn(granted, took);
        if (requested.isAuto()) {
            cache.put(bmc, s.suite());
        }
        events.listener().sessionOpened(bmc, s.consoleSid(), "RMCP+ cipher suite " + s.suite().id() + ", " + granted
                + ", login " + took.toMillis() + " ms");
        if (!opened.isDone()) {
            a.complete(opened, null);
        }
        for (IpmiCall call : waiting) {
            tracker.enqueue(call, null);
        }
        waiting.clear();
        dispatch(a, now);
    }

    private void dispatch(Actions a, long now) {
        EstablishedSession s = phase.session();
        if (s != null) {
            s.send(a, tracker.dispatch(now));
        }
    }

    private EstablishedSession session() {
        EstablishedSession s = phase.session();
        if (s == null) {
            throw new IllegalStateException("no session in state " + state());
        }
        return s;
    }


    private void trackerTimer(Actions a, long now) {
        RequestTracker.TimerResult t = tracker.onTimer(now);
        EstablishedSession s = session();
        s.send(a, t.retransmit());
        boolean lost = false;
        for (RequestTracker.Pending p : t.expired()) {
            IpmiTimeoutException e = RequestTracker.timeout(p, now);
            if (p.attachment() instanceof Internal kind) {
                switch (kind) {
                    case SET_PRIVILEGE -> {
                        privilegeNotAnswered(s, e, a, now);
                        return;
                    }
                    case CLOSE -> {
                        end(a, null);
                        return;
                    }
                    case KEEPALIVE -> lost = true;
                }
            } else {
                events.listener().requestFailed(bmc, p.id(), e);
                a.fail(p.call().future(), e);
                // one lost reply is not a lost session; a second in a row with nothing answered between
                // them is worth a question (Get Device ID): only the probe's own timeout ends the session
                if (++timeoutsInARow >= 2 && !probing && phase instanceof SessionPhase.Active) {
                    probing = true;
                    tracker.enqueue(new IpmiCall(RequestTarget.BMC, GetDeviceId.ID, new byte[0],
                            new CompletableFuture<>()), Internal.KEEPALIVE);
                }
            }
        }
        if (lost && phase instanceof SessionPhase.Active) {
            sessionLost(s, a, now);
            return;
        }
        if (phase instanceof SessionPhase.Active && tracker.isIdle() && now - s.lastActivity() >= keepaliveNanos) {
            s.touch(now);
            // Get Device ID, as ipmitool does: allowed at every privilege level and answered in a
            // session by every BMC (ipmi_sim refuses Get Channel Authentication Capabilities there, D5h)
            tracker.enqueue(new IpmiCall(RequestTarget.BMC, GetDeviceId.ID, new byte[0], new CompletableFuture<>()),
                    Internal.KEEPALIVE);
        }
        dispatch(a, now);
    }

    /**
     * The key exchange succeeded but the first request inside the session got no answer: either
     * the BMC keys HMAC-MD5-128 differently (the quirk), or another AUTO candidate works, or the
     * link lost every try. The error says which step went unanswered and how often.
     */
    private void privilegeNotAnswered(EstablishedSession s, IpmiTimeoutException e, Actions a, long now) {
        s.close();
        if (md5KeyingRemembered && md5KeyedSuite(s)) {
            // The remembered keying no longer works (new firmware, or another BMC at the address): forget it
            // and log in again with the standard keys, once.
            md5KeyingRemembered = false;
            QuirkCache.shared().remove(bmc, Quirk.HMAC_MD5_128_KEYED_WITH_PASSWORD);
            login.keyMd5IntegrityWithPassword(false);
            events.progress("no answer with the remembered quirk " + Quirk.HMAC_MD5_128_KEYED_WITH_PASSWORD
                    + "; logging in again with the standard keys");
            phase = new SessionPhase.LoggingIn();
            login.restart(a, now);
            return;
        }
        if (quirkCandidate(s)) {
            events.progress("no answer under HMAC-MD5-128 integrity; logging in again with quirk "
                    + Quirk.HMAC_MD5_128_KEYED_WITH_PASSWORD);
            login.keyMd5IntegrityWithPassword(true);
            phase = new SessionPhase.LoggingIn();
            login.restart(a, now);
            return;
        }
        phase = new SessionPhase.LoggingIn();
        if (requested.isAuto() && login.tryNextCandidate(a, now)) {
            return;
        }
        loginFailed(a, new IpmiSessionException("Set Session Privilege Level not answered with cipher suite "
                + s.suite().id() + ": " + e.getMessage() + ", although the key exchange (RAKP) succeeded; either "
                + "the packets were lost or the BMC does not accept this suite's integrity or encryption - "
                + "retry, or try another cipher suite", e));
    }

    private void sessionLost(EstablishedSession s, Actions a, long now) {
        for (RequestTracker.Pending p : tracker.removeAll(now)) {
            if (p.seq() < 0 && !(p.attachment() instanceof Internal)) {
                waiting.add(p.call());
            } else if (!(p.attachment() instanceof Internal)) {
                a.fail(p.call().future(), new IpmiSessionLostException("the BMC stopped answering the session",
                        p.attempts() > 0, p.call().repeatable(), null));
            }
        }
        probing = false;
        timeoutsInARow = 0;
        // the session is given up: ask the BMC to free its slot (once, unanswered replies are dropped), so
        // re-logins after loss never leave this client holding more than one session there
        a.send(s.encodeIpmi(new LanMessage(LanMessage.BMC_ADDRESS, CloseSession.ID.netFn().code(), 0,
                LanMessage.REMOTE_CONSOLE_ADDRESS, 0, 0, CloseSession.ID.cmd(),
                new CloseSession.Request(s.bmcSid()).toBytes())));
        if (!relogin) {
            end(a, new IpmiSessionException("the BMC stopped answering the session"));
            return;
        }
        events.progress("session lost; logging in again");
        s.close();
        phase = new SessionPhase.LoggingIn();
        login.relogin(a, now, s.suite());
    }

    private void loginFailed(Actions a, IpmiException e) {
        if (requested.isAuto() && cache.get(bmc).isPresent()) {
            cache.forget(bmc);
        }
        if (checksumDrops > 0 && e instanceof dev.ipmi.core.IpmiTimeoutException) {
            // Supermicro X9 firmware answers with wrong checksums; skipping the check is the caller's call.
            e = new IpmiSessionException(e.getMessage() + "; " + checksumDrops + " replies were dropped for a "
                    + "wrong checksum: if the BMC is known to send them (Supermicro X9SCM-iiF, X9DRi-F, X9DRFR), "
                    + "enable Quirk.NO_CHECKSUM_CHECK (FreeIPMI -W nochecksumcheck)", e);
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
        if (phase instanceof SessionPhase.Ended) {
            return;
        }
        failAll(a, error != null ? error : new IpmiSessionException("session closed"), 0);
        if (!opened.isDone()) {
            a.fail(opened, error != null ? error : new IpmiSessionException("session closed during login"));
        }
        int consoleSid = 0;
        EstablishedSession s = phase.session();
        if (s != null) {
            consoleSid = s.consoleSid();
            s.close();
        }
        publish();
        phase = new SessionPhase.Ended();
        events.listener().sessionClosed(bmc, consoleSid, error);
        login.wipe();
        secrets.wipe();
        publish();
        a.cancelTimer().end();
    }

    private Actions arm(Actions a, long now) {
        publish();
        if (phase instanceof SessionPhase.Ended || a.ended()) {
            return a;
        }
        long next;
        if (phase instanceof SessionPhase.LoggingIn) {
            next = login.step() == null ? Long.MAX_VALUE : login.step().deadline();
        } else if (phase instanceof SessionPhase.Active && tracker.isIdle()) {
            next = phase.session().lastActivity() + keepaliveNanos;
        } else if (phase instanceof SessionPhase.Closing p) {
            long t = tracker.nextDeadline();
            next = t == Long.MAX_VALUE || p.deadline() - t < 0 ? p.deadline() : t;
        } else {
            next = tracker.nextDeadline();
        }
        if (next != Long.MAX_VALUE) {
            a.armTimer(next);
        } else {
            a.cancelTimer();
        }
        return a;
    }

    /** Publishes the state after a step (one volatile write instead of a volatile field per figure). */
    private void publish() {
        EstablishedSession s = phase.session();
        CipherSuite suite = s != null ? s.suite() : login.suite() != null ? login.suite() : counters.cipherSuite();
        counters = counters.at(state(), suite, s != null ? s.bmcSid() : counters.bmcSessionId(), login.channel());
        snapshot = counters;
    }

    private State state() {
        if (phase instanceof SessionPhase.LoggingIn) {
            return login.state();
        }
        if (phase instanceof SessionPhase.SettingPrivilege) {
            return State.SET_PRIVILEGE;
        }
        if (phase instanceof SessionPhase.Active) {
            return State.ACTIVE;
        }
        return phase instanceof SessionPhase.Closing ? State.CLOSING : State.ENDED;
    }

    @Override
    public String toString() {
        LanPlusDiagnostics d = snapshot;
        return "LanPlusMachine[" + bmc + ", " + d.state() + ", suite "
                + (d.cipherSuite() == null ? "-" : d.cipherSuite().id()) + "]";
    }
}
