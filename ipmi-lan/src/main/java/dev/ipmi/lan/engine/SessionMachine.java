package dev.ipmi.lan.engine;

import dev.ipmi.core.event.IpmiEventListener;
import dev.ipmi.core.client.RetryPolicy;

/**
 * A session (or any request/response exchange with one BMC address) as a pure state machine. It
 * owns no socket, clock or thread: the {@link UdpEngine} calls it from its single I/O thread with
 * the current time in nanoseconds and carries out the returned {@link Actions}. Tests drive it the
 * same way with a fake clock, so every loss, retry and late-reply path runs without a network.
 *
 * <p>Contract:
 * <ul>
 *   <li>All methods are called from one thread at a time (the engine's I/O thread), never
 *       concurrently; implementations need no locking.</li>
 *   <li>They must not block, sleep or do I/O, and must not throw for bad network input: a datagram
 *       that does not parse is dropped (reported to the {@link IpmiEventListener}). An exception
 *       that escapes anyway is treated as a bug: the engine calls {@link #onFailure} and ends the
 *       session.</li>
 *   <li>Every future a machine accepted must eventually appear in a completion of some returned
 *       {@link Actions}; after {@link Actions#end()} the machine is not called again.</li>
 * </ul>
 *
 * <p>Implemented by the IPMI 1.5 session ({@code dev.ipmi.lan.Ipmi15Machine}), the ASF ping
 * ({@link AsfPing}) and the RMCP+ session in ipmi-lanplus. Reusable parts: {@link RequestTracker}
 * (rqSeq, window, retransmission, late replies), {@link SequenceWindow}, {@link RetryPolicy},
 * {@link Rmcp}.
 */
public interface SessionMachine {

    /** Called once, right after registration: typically sends the first set-up message and arms a timer. */
    Actions start(long now);

    /** One UDP payload received from the BMC's address (the RMCP header included). */
    Actions onDatagram(byte[] datagram, long now);

    /** The armed timer expired (possibly a little late). */
    Actions onTimer(long now);

    /**
     * A caller request. Before the session is established the machine queues it; it fails the
     * call's future if the session failed or is closing.
     */
    Actions submit(IpmiCall call, long now);

    /**
     * The caller wants the session closed (for IPMI sessions: send Close Session, wait briefly,
     * then end). Pending calls fail with an {@link dev.ipmi.core.IpmiSessionException}.
     */
    Actions close(long now);

    /**
     * Something outside the protocol went wrong (socket error, engine shutdown, a bug in a step):
     * fail every pending future with {@code cause} and end.
     */
    Actions onFailure(Throwable cause, long now);
}
