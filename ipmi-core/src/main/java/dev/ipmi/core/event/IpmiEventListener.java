package dev.ipmi.core.event;

import dev.ipmi.core.CommandId;
import java.net.SocketAddress;
import java.time.Duration;

/**
 * Hooks for metrics and tracing, one per phase of a session's life (in the spirit of OkHttp's
 * {@code EventListener}); the library core does not log on its own beyond DEBUG/TRACE. All methods
 * have empty defaults, so implement only what you need.
 *
 * <p>Called on the engine's I/O thread: implementations must be quick and must not block. An
 * exception thrown here is swallowed ({@code RequestTracker}, the sessions and the engine wrap
 * listeners with {@link #safe}). No method receives passwords, keys or AuthCodes.
 * {@link LoggingEventListener} logs every event through SLF4J at DEBUG.
 */
public interface IpmiEventListener {
    /** Does nothing. */
    IpmiEventListener NONE = new IpmiEventListener() {};

    /** A session is established; {@code description} names protocol, auth and privilege (no secrets). */
    default void sessionOpened(SocketAddress bmc, int sessionId, String description) {}

    /** A session ended; {@code cause} is null after a normal close. */
    default void sessionClosed(SocketAddress bmc, int sessionId, Throwable cause) {}

    /** An IPMI request went out for the first time. */
    default void requestSent(SocketAddress bmc, CommandId id, int rqSeq) {}

    /** An IPMI request went out again ({@code attempt} ≥ 2), with the same rqSeq. */
    default void requestRetransmitted(SocketAddress bmc, CommandId id, int rqSeq, int attempt) {}

    /** A response was matched to its request; {@code completionCode} as received. */
    default void requestAnswered(SocketAddress bmc, CommandId id, int rqSeq, int completionCode, int attempts,
                                 Duration elapsed) {}

    /** A request failed without a response (timeout, session failure, close). */
    default void requestFailed(SocketAddress bmc, CommandId id, Throwable error) {}

    /** A received datagram was discarded. {@code detail} is a short text without secrets. */
    default void packetDropped(SocketAddress bmc, DropReason reason, String detail) {}

    /**
     * A decision during login that is worth knowing when a login is slow or fails: a step not
     * answered and retried, a cipher suite refused and the next one tried, a vendor quirk switched
     * on. {@code detail} is a short text without secrets.
     */
    default void loginProgress(SocketAddress bmc, String detail) {}

    /**
     * A vendor workaround was applied to this BMC: detected during login (or remembered from an earlier
     * login to the same address), or enabled by the caller. {@code detail} says what the BMC did.
     */
    default void quirkApplied(SocketAddress bmc, dev.ipmi.core.options.Quirk quirk, String detail) {}

    /**
     * Whether {@link #packetTraced} should be called: describing a packet costs a hex dump, so the
     * machines ask first. False by default.
     */
    default boolean tracesPackets() {
        return false;
    }

    /**
     * A datagram sent ({@code outbound}) or received and accepted, described for a packet trace:
     * headers and field names only. The description never holds material that would let someone
     * test a password or K_G guess offline: no RAKP random numbers, auth codes or integrity check
     * values, no key material, no payload bytes of encrypted packets and no data of IPMI messages.
     */
    default void packetTraced(SocketAddress bmc, boolean outbound, String description) {}

    /** A listener that forwards every event to all of {@code listeners}, isolating their failures. */
    static IpmiEventListener composite(IpmiEventListener... listeners) {
        return new CompositeEventListener(listeners.clone());
    }

    /** {@code listener} with its exceptions swallowed (the engine's pieces wrap what they are given). */
    static IpmiEventListener safe(IpmiEventListener listener) {
        return listener == NONE || listener instanceof CompositeEventListener ? listener
                : new CompositeEventListener(new IpmiEventListener[] {listener});
    }
}
