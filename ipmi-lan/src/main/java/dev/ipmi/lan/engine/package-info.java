/**
 * The non-blocking UDP engine shared by IPMI 1.5 ({@code dev.ipmi.lan}) and RMCP+
 * ({@code ipmi-lanplus}).
 *
 * <h2>Pieces</h2>
 * <ul>
 *   <li>{@link dev.ipmi.lan.engine.UdpEngine}: one selector thread, sessions sharing a few
 *       unconnected {@code DatagramChannel}s (demultiplexed by BMC address and port), timers in a
 *       priority queue, futures completed on an executor (never on the I/O thread unless
 *       configured).</li>
 *   <li>{@link dev.ipmi.lan.engine.SessionMachine} + {@link dev.ipmi.lan.engine.Actions}: a
 *       session as a pure state machine ({@code start / onDatagram / onTimer / submit / close /
 *       onFailure}, each given {@code now} in nanoseconds, each returning what to send, which
 *       timer to arm and which futures to complete).</li>
 *   <li>{@link dev.ipmi.lan.engine.RequestTracker}: rqSeq allocation, in-flight window,
 *       retransmission with the same rqSeq, blocking of retried rqSeqs, CFh handling and response
 *       matching — for the {@link dev.ipmi.core.wire.LanMessage} frame both protocols carry.</li>
 *   <li>{@link dev.ipmi.core.client.RetryPolicy}, {@link dev.ipmi.lan.engine.SequenceWindow},
 *       {@link dev.ipmi.core.event.IpmiEventListener}, {@link dev.ipmi.lan.engine.Rmcp},
 *       {@link dev.ipmi.lan.engine.AsfPing}.</li>
 * </ul>
 *
 * <h2>Writing a session on top (e.g. RMCP+)</h2>
 * <ol>
 *   <li>Implement {@code SessionMachine}. Keep one {@code RequestTracker} for all IPMI-message
 *       traffic (including Set Session Privilege Level and Close Session); enqueue caller calls
 *       with an attachment that tells your transmit code how to wrap them, call
 *       {@code dispatch(now)} after every step and wrap each returned {@code Pending}'s
 *       {@code message()} in your session header (fresh session sequence number and integrity
 *       data for every transmission, also for retransmissions).</li>
 *   <li>On a datagram: parse and authenticate your header, check the session sequence number
 *       with a {@code SequenceWindow}, decode the {@code LanMessage}, pass it to
 *       {@code tracker.onResponse(msg, now)}; a non-null result is the matched request — complete
 *       its {@code call().future()} with {@code msg.body()}.</li>
 *   <li>On the timer: {@code tracker.onTimer(now)} gives requests to retransmit and expired ones
 *       (fail with {@code RequestTracker.timeout(p, now)} or a step-specific error). Arm the next
 *       timer at {@code tracker.nextDeadline()} (or your own set-up deadline).</li>
 *   <li>Session set-up messages that are not IPMI messages (Open Session, RAKP) do their own
 *       timeouts with the same {@code RetryPolicy#timeoutNanos}; report events through the
 *       {@code IpmiEventListener}.</li>
 *   <li>Register with {@code UdpEngine.register(address, machine, listener)} and hand calls over
 *       with {@code Registration.submit(IpmiCall)}; close with {@code Registration.close()}.</li>
 *   <li>Test with {@code dev.ipmi.lan.testing.MachineHarness} and {@code ScriptedRandom} from the
 *       ipmi-lan test-jar: a fake clock, captured datagrams in, datagrams out.</li>
 * </ol>
 */
package dev.ipmi.lan.engine;
import dev.ipmi.core.event.IpmiEventListener;
import dev.ipmi.core.client.RetryPolicy;
