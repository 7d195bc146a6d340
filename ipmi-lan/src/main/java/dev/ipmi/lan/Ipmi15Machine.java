package dev.ipmi.lan;

import dev.ipmi.core.CompletionCodeException;
import dev.ipmi.core.IpmiAuthenticationException;
import dev.ipmi.core.IpmiException;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiSessionException;
import dev.ipmi.core.IpmiSessionLostException;
import dev.ipmi.core.MalformedMessageException;
import dev.ipmi.core.PrivilegeUnavailableException;
import dev.ipmi.core.commands.app.GetChannelAuthenticationCapabilities;
import dev.ipmi.core.commands.app.GetDeviceId;
import dev.ipmi.core.commands.session.ActivateSession;
import dev.ipmi.core.commands.session.CloseSession;
import dev.ipmi.core.commands.session.GetSessionChallenge;
import dev.ipmi.core.commands.session.SetSessionPrivilegeLevel;
import dev.ipmi.core.client.RequestTarget;
import dev.ipmi.core.types.AuthType;
import dev.ipmi.core.types.CompletionCode;
import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.core.wire.LanMessage;
import dev.ipmi.lan.engine.Actions;
import dev.ipmi.core.event.DropReason;
import dev.ipmi.lan.engine.IpmiCall;
import dev.ipmi.core.event.IpmiEventListener;
import dev.ipmi.lan.engine.RequestTracker;
import dev.ipmi.lan.engine.RequestTracker.Pending;
import dev.ipmi.core.client.RetryPolicy;
import dev.ipmi.lan.engine.SequenceWindow;
import dev.ipmi.lan.engine.SessionMachine;
import dev.ipmi.core.options.Quirk;
import dev.ipmi.core.options.QuirkCache;
import dev.ipmi.lan.internal.AuthCodes;
import dev.ipmi.lan.internal.Ipmi15Packet;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;

/**
 * The IPMI 1.5 LAN session as a pure {@link SessionMachine} (IPMI v2.0 §13.14, §22.12–22.19):
 * Get Channel Authentication Capabilities → Get Session Challenge → Activate Session → Set
 * Session Privilege Level (when above USER) → requests → Close Session. Every IPMI message,
 * set-up steps included, goes through one {@link RequestTracker}, so retransmission and matching
 * are the same everywhere; only the packet wrapping differs per step.
 *
 * <p>Replies are accepted only with the session's ID, auth type and a verified AuthCode, and
 * then only with a session sequence number inside the receive window. Quirk (ipmi_sim 2.0.33):
 * the first in-session reply repeats the initial outbound sequence number that the Activate
 * Session reply already carried; the window therefore starts just below that number instead of
 * at it (a compliant BMC's next number is accepted all the same).
 */
public final class Ipmi15Machine implements SessionMachine {

    /** What the caller learns when the session is up. */
    public record Established(int sessionId, AuthType authType, PrivilegeLevel privilege) {}

    private enum Step { AUTH_CAPS, CHALLENGE, ACTIVATE, SET_PRIVILEGE, KEEPALIVE, CLOSE, USER }

    /** A keepalive is out because requests timed out; its own timeout ends the session. */
    private boolean probing;
    /** User requests that timed out since the last answer. */
    private int timeoutsInARow;

    private enum State { NEW, SETUP, ACTIVE, CLOSING, ENDED }

    private static final int WINDOW_ABOVE = 8;
    private static final int WINDOW_BELOW = 8;

    private final SocketAddress bmc;
    private final byte[] userName;
    private final byte[] pw16;
    private final AuthType forcedAuth;
    private final boolean allowInsecure;
    private final PrivilegeLevel privilege;
    private final RetryPolicy retry;
    private final long keepaliveNanos;
    private final IpmiEventListener listener;
    private final RandomGenerator random;
    private final RequestTracker tracker;
    private final CompletableFuture<Established> opened;
    private final List<IpmiCall> waiting = new ArrayList<>();

    private State state = State.NEW;
    private AuthType chosenAuth;
    private AuthType sessionAuth;
    private int temporaryId;
    private int sessionId;
    private int nextOutSeq;
    private int initialInboundFromBmc;
    private SequenceWindow window;
    private long lastSendNanos;
    private IpmiException failure;
    private boolean closeRequested;
    /** Set once Activate Session is queued: from then on, unauthenticated session-less replies are refused. */
    private boolean activating;
    private boolean idZeroSeen;
    private final boolean verifyChecksums;
    private final boolean verifyAuthCodes;
    private int checksumDrops;
    private int authCodeDrops;
    /** Quirk.ENDIAN_SEQ in force: the BMC's session sequence numbers are read byte-swapped. */
    private boolean endianSwapped;

    /**
     * @param pw16 the password padded to 16 bytes; the machine takes ownership and wipes it when it ends
     */
    public Ipmi15Machine(SocketAddress bmc, byte[] userName, byte[] pw16, AuthType forcedAuth, boolean allowInsecure,
                         PrivilegeLevel privilege, RetryPolicy retry, int window, Duration keepalive,
                         IpmiEventListener listener, RandomGenerator random, CompletableFuture<Established> opened) {
        this(bmc, userName, pw16, forcedAuth, allowInsecure, privilege, retry, window, keepalive, listener, random,
                opened, Set.of());
    }

    /**
     * @param quirks opt-in workarounds the caller enabled ({@link Quirk#NO_CHECKSUM_CHECK},
     *               {@link Quirk#NO_AUTHCODE_CHECK}); the others are detected
     */
    public Ipmi15Machine(SocketAddress bmc, byte[] userName, byte[] pw16, AuthType forcedAuth, boolean allowInsecure,
                         PrivilegeLevel privilege, RetryPolicy retry, int window, Duration keepalive,
                         IpmiEventListener listener, RandomGenerator random, CompletableFuture<Established> opened,
                         Set<Quirk> quirks) {
        this.verifyChecksums = !quirks.contains(Quirk.NO_CHECKSUM_CHECK);
        this.verifyAuthCodes = !quirks.contains(Quirk.NO_AUTHCODE_CHECK);
        this.bmc = bmc;
        this.userName = userName.clone();
        if (pw16.length != AuthCodes.PASSWORD_LENGTH) {
            throw new IllegalArgumentException("password must be padded to 16 bytes");
        }
        this.pw16 = pw16;
        this.forcedAuth = forcedAuth;
        this.allowInsecure = allowInsecure;
        this.privilege = Objects.requireNonNull(privilege);
        this.retry = retry;
        this.keepaliveNanos = keepalive.toNanos();
        this.listener = IpmiEventListener.safe(listener);
        this.random = random;
        this.opened = opened;
        this.tracker = new RequestTracker(retry, window, RequestTracker.DEFAULT_SEQUENCE_BLOCK, random, listener, bmc);
        for (Quirk q : quirks) {
            if (q == Quirk.NO_CHECKSUM_CHECK || q == Quirk.NO_AUTHCODE_CHECK) {
                this.listener.quirkApplied(bmc, q, "enabled by the caller");
            }
        }
    }

    // ---- SessionMachine

    @Override
    public Actions start(long now) {
        state = State.SETUP;
        Actions a = new Actions();
        internal(new GetChannelAuthenticationCapabilities.Request(false,
                GetChannelAuthenticationCapabilities.THIS_CHANNEL, privilege), Step.AUTH_CAPS);
        return pump(a, now);
    }

    @Override
    public Actions submit(IpmiCall call, long now) {
        Actions a = new Actions();
        if (!call.target().isBmc()) {
            return a.fail(call.future(), new UnsupportedOperationException("a session sends to the BMC only: bridged targets go through IpmiClient (BridgingTransport wraps them in Send Message)"));
        }
        switch (state) {
            case NEW, SETUP -> waiting.add(call);
            case ACTIVE -> tracker.enqueue(call, Step.USER);
            default -> a.fail(call.future(), failure != null ? failure : new IpmiSessionException("session closed"));
        }
        return pump(a, now);
    }

    @Override
    public Actions onDatagram(byte[] datagram, long now) {
        Actions a = new Actions();
        if (state == State.ENDED || state == State.NEW) {
            listener.packetDropped(bmc, DropReason.UNEXPECTED_STATE, "session " + state);
            return a;
        }
        Ipmi15Packet p;
        LanMessage msg;
        try {
            p = Ipmi15Packet.decode(datagram);
            msg = LanMessage.decode(p.message(), verifyChecksums);
        } catch (MalformedMessageException e) {
            // field and offset only: the bytes may hold a straight-password AuthCode
            listener.packetDropped(bmc, DropReason.MALFORMED, "field '" + e.field() + "' at offset " + e.offset());
            if (e.field().startsWith("checksum")) {
                checksumDrops++;
            }
            return a;
        }
        if (!acceptable(p, msg)) {
            return a;
        }
        Pending matched = tracker.onResponse(msg, now);
        if (matched != null) {
            handle(matched, msg.body(), a, now);
        }
        return pump(a, now);
    }

    @Override
    public Actions onTimer(long now) {
        Actions a = new Actions();
        RequestTracker.TimerResult r = tracker.onTimer(now);
        for (Pending p : r.retransmit()) {
            transmit(p, a, now);
        }
        for (Pending p : r.expired()) {
            expired(p, a, now);
        }
        if (state == State.ACTIVE && keepaliveNanos > 0 && tracker.isIdle() && now - lastSendNanos >= keepaliveNanos) {
            internal(new GetDeviceId.Request(), Step.KEEPALIVE);
        }
        return pump(a, now);
    }

    @Override
    public Actions close(long now) {
        Actions a = new Actions();
        closeRequested = true;
        switch (state) {
            case ACTIVE -> beginClose(a, now);
            case NEW, SETUP -> end(a, now, new IpmiSessionException("session closed while opening"));
            default -> { }
        }
        return pump(a, now);
    }

    @Override
    public Actions onFailure(Throwable cause, long now) {
        Actions a = new Actions();
        IpmiException e = cause instanceof IpmiException ie ? ie
                : new dev.ipmi.core.IpmiTransportException(cause.toString(), cause);
        end(a, now, e);
        return a;
    }

    // ---- steps

    private void internal(IpmiRequest<?> request, Step step) {
        tracker.enqueue(new IpmiCall(RequestTarget.BMC, request.id(), request.toBytes(), new CompletableFuture<>()),
                step);
    }

    private void handle(Pending p, byte[] body, Actions a, long now) {
        Step step = (Step) p.attachment();
        int cc = body[0] & 0xFF;
        timeoutsInARow = 0;
        try {
            switch (step) {
                case USER -> a.complete(p.call().future(), body);
                case AUTH_CAPS -> onAuthCaps(decode(new GetChannelAuthenticationCapabilities.Request(false, 0,
                        privilege), body), a, now);
                case CHALLENGE -> onChallenge(p, body, a, now);
                case ACTIVATE -> onActivated(p, body, a, now);
                case SET_PRIVILEGE -> {
                    if (cc != 0) {
                        end(a, now, new PrivilegeUnavailableException("Set Session Privilege Level to " + privilege
                                + " refused: " + CompletionCode.valueOf(cc)));
                    } else {
                        established(a, now);
                    }
                }
                case KEEPALIVE -> probing = false;
                case CLOSE -> end(a, now, null);
                default -> throw new IllegalStateException(step.toString());
            }
        } catch (CompletionCodeException e) {
            // its message already reads "<command> failed: <code>"
            end(a, now, new IpmiSessionException(e.getMessage(), e));
        } catch (MalformedMessageException e) {
            end(a, now, new IpmiSessionException(p.id().name() + " failed: " + e.getMessage(), e));
        }
    }

    private static <R> R decode(IpmiRequest<R> request, byte[] body) {
        return dev.ipmi.core.Commands.decodeResponse(request, body);
    }

    private void onAuthCaps(GetChannelAuthenticationCapabilities.Response caps, Actions a, long now) {
        AuthType chosen = forcedAuth;
        if (chosen != null) {
            if (!caps.supports(chosen)) {
                end(a, now, new IpmiAuthenticationException("Get Channel Authentication Capabilities",
                        "the BMC does not offer auth type " + chosen + " (offers " + caps.authTypes() + ")"));
                return;
            }
        } else {
            for (AuthType t : List.of(AuthType.MD5, AuthType.MD2, AuthType.PASSWORD, AuthType.NONE)) {
                boolean weak = t.equals(AuthType.PASSWORD) || t.equals(AuthType.NONE);
                if (caps.supports(t) && (!weak || allowInsecure)) {
                    chosen = t;
                    break;
                }
            }
            if (chosen == null) {
                end(a, now, new IpmiAuthenticationException("Get Channel Authentication Capabilities",
                        "the BMC offers only " + caps.authTypes()
                                + "; PASSWORD and NONE need allowInsecureAuth(true)"));
                return;
            }
        }
        chosenAuth = chosen;
        internal(new GetSessionChallenge.Request(chosen, userName), Step.CHALLENGE);
    }

    private void onChallenge(Pending p, byte[] body, Actions a, long now) {
        int cc = body[0] & 0xFF;
        if (cc == 0x81 || cc == 0x82) {
            end(a, now, new IpmiAuthenticationException("Get Session Challenge", cc,
                    cc == 0x81 ? "invalid user name" : "null user name not enabled"));
            return;
        }
        GetSessionChallenge.Response r = decode(new GetSessionChallenge.Request(chosenAuth, userName), body);
        temporaryId = r.temporarySessionId();
        initialInboundFromBmc = nonZeroRandom();
        activating = true;
        internal(new ActivateSession.Request(chosenAuth, privilege, r.challenge(), initialInboundFromBmc),
                Step.ACTIVATE);
    }

    private void onActivated(Pending p, byte[] body, Actions a, long now) {
        int cc = body[0] & 0xFF;
        if (cc != 0) {
            String why = switch (cc) {
                case 0x81 -> "no session slot available";
                case 0x82 -> "no slot available for this user";
                case 0x83 -> "no slot available at the requested privilege";
                case 0x84 -> "session sequence number out of range";
                case 0x85 -> "invalid session ID";
                case 0x86 -> "requested privilege " + privilege + " exceeds the user's or channel's limit";
                default -> CompletionCode.valueOf(cc).toString();
            };
            IpmiSessionException e = cc == 0x86 ? new PrivilegeUnavailableException("Activate Session: " + why)
                    : new IpmiSessionException("Activate Session failed: " + why);
            end(a, now, e);
            return;
        }
        ActivateSession.Response r = decode(new ActivateSession.Request(chosenAuth, privilege, new byte[16], 1), body);
        // the BMC names the auth type for the rest of the session: never one we cannot compute, and
        // no silent downgrade to NONE / PASSWORD without the caller's opt-in
        AuthType t = r.authType();
        boolean weak = t.equals(AuthType.NONE) || t.equals(AuthType.PASSWORD);
        boolean computable = weak || t.equals(AuthType.MD5) || t.equals(AuthType.MD2);
        if (t.equals(AuthType.NONE) && !allowInsecure && !t.equals(chosenAuth)) {
            // Quirk.FORCE_PERMSG (IBM eServer 325) and the announcement behind Quirk.UNEXPECTED_AUTH (Dell
            // PowerEdge 2850): "no per-message authentication" announced; we keep authenticating every message.
            quirk(Quirk.FORCE_PERMSG, "Activate Session announced auth type NONE; every message stays "
                    + "authenticated with " + chosenAuth);
            t = chosenAuth;
            weak = false;
        }
        if (!computable || (weak && !allowInsecure && !t.equals(chosenAuth))) {
            end(a, now, new IpmiAuthenticationException("Activate Session", "the BMC chose auth type " + t
                    + " for the session instead of " + chosenAuth));
            return;
        }
        sessionId = r.sessionId();
        sessionAuth = t;
        nextOutSeq = r.initialInboundSeq() == 0 ? 1 : r.initialInboundSeq();
        window = new SequenceWindow(initialInboundFromBmc - 1, WINDOW_ABOVE, WINDOW_BELOW);
        if (privilege.compareTo(PrivilegeLevel.USER) > 0) {
            internal(new SetSessionPrivilegeLevel.Request(privilege), Step.SET_PRIVILEGE);
        } else {
            established(a, now);
        }
    }

    private void established(Actions a, long now) {
        state = State.ACTIVE;
        listener.sessionOpened(bmc, sessionId, "IPMI 1.5, auth " + sessionAuth + ", privilege " + privilege);
        a.complete(opened, new Established(sessionId, sessionAuth, privilege));
        for (IpmiCall c : waiting) {
            tracker.enqueue(c, Step.USER);
        }
        waiting.clear();
        if (closeRequested) {
            beginClose(a, now);
        }
    }

    private void beginClose(Actions a, long now) {
        state = State.CLOSING;
        IpmiSessionException closing = new IpmiSessionException("session closed");
        for (Pending p : tracker.removeAll(now)) {
            if (p.attachment() == Step.USER) {
                a.fail(p.call().future(), closing);
            }
        }
        // One attempt only: a BMC that lost the session (e.g. after a reset) never answers.
        tracker.enqueue(new IpmiCall(RequestTarget.BMC, CloseSession.ID,
                new CloseSession.Request(sessionId).toBytes(), new CompletableFuture<>()), Step.CLOSE, 1);
    }

    private void expired(Pending p, Actions a, long now) {
        Step step = (Step) p.attachment();
        switch (step) {
            case USER -> {
                IpmiException e = RequestTracker.timeout(p, now);
                listener.requestFailed(bmc, p.id(), e);
                a.fail(p.call().future(), e);
                // one lost reply is not a lost session; a second one in a row with nothing answered
                // between them is worth a question: a restarted BMC forgot the session and stays
                // silent, so the probe's timeout ends the session and the client logs in again
                if (state == State.ACTIVE && ++timeoutsInARow >= 2 && !probing) {
                    probing = true;
                    internal(new GetDeviceId.Request(), Step.KEEPALIVE);
                }
            }
            case ACTIVATE -> end(a, now, new IpmiAuthenticationException("Activate Session",
                    "no reply to Activate Session — wrong user name or password?" + hints()));
            case KEEPALIVE -> end(a, now, new IpmiSessionException("session lost: no reply to keepalive after "
                    + p.attempts() + " attempts"));
            case CLOSE -> end(a, now, null);
            default -> {
                IpmiException e = RequestTracker.timeout(p, now);
                String hints = hints();
                end(a, now, hints.isEmpty() ? e : new IpmiSessionException(e.getMessage() + hints, e));
            }
        }
    }

    /**
     * What dropped replies suggest: the two checks a caller may switch off for known firmware are named,
     * never switched off here.
     */
    private String hints() {
        StringBuilder b = new StringBuilder();
        if (checksumDrops > 0) {
            b.append("; ").append(checksumDrops).append(" replies were dropped for a wrong checksum: if the BMC is "
                    + "known to send them (Supermicro X9SCM-iiF, X9DRi-F, X9DRFR), enable Quirk.NO_CHECKSUM_CHECK "
                    + "(FreeIPMI -W nochecksumcheck)");
        }
        if (authCodeDrops > 0) {
            b.append("; ").append(authCodeDrops).append(" replies carried an AuthCode that does not verify: a wrong "
                    + "password, or a BMC known to send invalid AuthCodes (Xyratex FB-H8-SRAY, Intel/Quanta/Wiwynn "
                    + "Windmill), for which Quirk.NO_AUTHCODE_CHECK exists (FreeIPMI -W noauthcodecheck)");
        }
        return b.toString();
    }

    private void end(Actions a, long now, IpmiException cause) {
        if (state == State.ENDED) {
            return;
        }
        boolean wasOpen = state == State.ACTIVE || state == State.CLOSING;
        state = State.ENDED;
        failure = cause != null ? cause : new IpmiSessionException("session closed");
        for (Pending p : tracker.removeAll(now)) {
            if (p.attachment() == Step.USER) {
                IpmiException e = wasOpen && cause != null ? new IpmiSessionLostException(cause.getMessage(),
                        p.attempts() > 0, p.call().repeatable(), cause) : failure;
                a.fail(p.call().future(), e);
                listener.requestFailed(bmc, p.id(), e);
            }
        }
        for (IpmiCall c : waiting) {
            a.fail(c.future(), failure);
        }
        waiting.clear();
        if (!opened.isDone()) {
            a.fail(opened, failure);
        }
        Arrays.fill(pw16, (byte) 0);
        if (wasOpen) {
            listener.sessionClosed(bmc, sessionId, cause);
        }
        a.cancelTimer().end();
    }

    // ---- wire

    /** Sends what the tracker lets out, then arms the timer for the earliest deadline. */
    private Actions pump(Actions a, long now) {
        if (state != State.ENDED) {
            for (Pending p : tracker.dispatch(now)) {
                transmit(p, a, now);
            }
            armTimer(a, now);
        }
        return a;
    }

    private void armTimer(Actions a, long now) {
        long deadline = tracker.nextDeadline();
        if (state == State.ACTIVE && keepaliveNanos > 0 && tracker.isIdle()) {
            deadline = lastSendNanos + keepaliveNanos;
        }
        if (deadline == Long.MAX_VALUE) {
            a.cancelTimer();
        } else {
            a.armTimer(deadline);
        }
    }

    private void transmit(Pending p, Actions a, long now) {
        byte[] msg = p.message().encode();
        Step step = (Step) p.attachment();
        Ipmi15Packet packet;
        switch (step) {
            case AUTH_CAPS, CHALLENGE -> packet = new Ipmi15Packet(AuthType.NONE, 0, 0, new byte[0], msg);
            case ACTIVATE -> packet = new Ipmi15Packet(chosenAuth, 0, temporaryId,
                    AuthCodes.compute(chosenAuth, pw16, temporaryId, msg, 0), msg);
            default -> {
                int seq = nextOutSeq;
                nextOutSeq = nextOutSeq + 1 == 0 ? 1 : nextOutSeq + 1;
                packet = new Ipmi15Packet(sessionAuth, seq, sessionId,
                        AuthCodes.compute(sessionAuth, pw16, sessionId, msg, seq), msg);
            }
        }
        a.send(packet.encode());
        lastSendNanos = now;
    }

    private boolean acceptable(Ipmi15Packet p, LanMessage msg) {
        if (window == null) {
            // before activation: session-less replies, then the Activate Session reply under the temporary ID
            boolean sessionless = p.sessionId() == 0 && p.authType().equals(AuthType.NONE);
            if (!activating) {
                if (sessionless) {
                    return true;
                }
            } else if (p.sessionId() == temporaryId && p.authType().equals(chosenAuth)) {
                if (!verifyAuthCodes || AuthCodes.verify(p, pw16)) {
                    return true;
                }
                authCodeDrops++;
                listener.packetDropped(bmc, DropReason.BAD_AUTH_CODE, "Activate Session reply");
                return false;
            } else if ((sessionless || p.sessionId() == temporaryId) && p.authType().equals(AuthType.NONE)
                    && msg.body().length > 0 && msg.body()[0] != 0) {
                // an error answer may come unauthenticated; it opens nothing, so it is safe to believe
                return true;
            }
            listener.packetDropped(bmc, DropReason.WRONG_SESSION, String.format("session %08X auth %s before activation",
                    p.sessionId(), p.authType()));
            return false;
        }
        boolean idZero = p.sessionId() == 0 && sessionId != 0 && !sessionAuth.equals(AuthType.NONE)
                && p.authType().equals(sessionAuth);
        if ((p.sessionId() != sessionId && !idZero) || !p.authType().equals(sessionAuth)) {
            listener.packetDropped(bmc, DropReason.WRONG_SESSION, String.format("session %08X auth %s",
                    p.sessionId(), p.authType()));
            return false;
        }
        if (verifyAuthCodes && !AuthCodes.verify(p, pw16)) {
            authCodeDrops++;
            listener.packetDropped(bmc, DropReason.BAD_AUTH_CODE, String.format("seq %08X", p.sequence()));
            return false;
        }
        if (idZero && !idZeroSeen) {
            // Tyan S2882 / M3289: the AuthCode over the header (session ID 0 included) verified above.
            idZeroSeen = true;
            quirk(Quirk.ID_ZERO, "in-session replies carry session ID 0");
        }
        int seq = endianSwapped ? Integer.reverseBytes(p.sequence()) : p.sequence();
        if (!window.accept(seq)) {
            if (!endianSwapped && window.accept(Integer.reverseBytes(seq))) {
                // Sun ILOM: big-endian sequence numbers; the swapped number fits the window of an authentic reply.
                endianSwapped = true;
                quirk(Quirk.ENDIAN_SEQ, "session sequence numbers of replies are big-endian");
                return true;
            }
            listener.packetDropped(bmc, DropReason.SEQUENCE_OUTSIDE_WINDOW, String.format(
                    "seq %08X, highest seen %08X", p.sequence(), window.highest()));
            return false;
        }
        return true;
    }

    private void quirk(Quirk q, String detail) {
        boolean known = false;
        if (bmc instanceof java.net.InetSocketAddress a) {
            known = QuirkCache.shared().get(a).contains(q);
            QuirkCache.shared().add(a, q);
        }
        listener.quirkApplied(bmc, q, detail + (known ? " (remembered for this BMC)" : " (detected)"));
    }

    private int nonZeroRandom() {
        int v;
        do {
            v = random.nextInt();
        } while (v == 0);
        return v;
    }

    @Override
    public String toString() {
        return "Ipmi15Machine[" + bmc + " " + state + "]";
    }
}
