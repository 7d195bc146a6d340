/**
 * Serial-over-LAN (IPMI v2.0 §15, §24, §26) for RMCP+ sessions.
 *
 * <ul>
 *   <li>{@link dev.ipmi.lanplus.sol.SolPacket} — the SOL payload codec (payload type 01h), with typed
 *       {@link dev.ipmi.lanplus.sol.ConsoleOperation} and {@link dev.ipmi.lanplus.sol.BmcStatus} bits.</li>
 *   <li>{@link dev.ipmi.lanplus.sol.SolStateMachine} — sequencing, acknowledgement, retransmission and
 *       flow control as a pure state machine (no sockets, clock or threads).</li>
 *   <li>{@link dev.ipmi.lanplus.sol.SolConsole} — activation (Activate Payload with the
 *       {@link dev.ipmi.lanplus.sol.SolOptions.AlreadyActivePolicy}) and the threaded
 *       {@link dev.ipmi.lanplus.sol.SolSession} with its streams, on top of a
 *       {@link dev.ipmi.lanplus.sol.SolTransport}.</li>
 * </ul>
 *
 * <h2>Wiring onto the RMCP+ session</h2>
 * The session implements {@link dev.ipmi.lanplus.sol.SolTransport}:
 * <ol>
 *   <li>{@code execute}: an ordinary in-session IPMI request (Activate/Deactivate Payload, Get SOL
 *       Configuration Parameters, Get Device ID as keepalive).</li>
 *   <li>{@code sendSolPayload}: wrap the bytes as payload type 01h, with payload-type bit 7 set when the
 *       session has confidentiality (encrypt: the same AES-CBC-128 as IPMI payloads) and bit 6 when it
 *       has integrity (trailer with AuthCode), next outbound session sequence number. No waiting, no
 *       retransmission: the state machine resends by itself.</li>
 *   <li>Inbound: after the session's checks (session ID, sequence window, AuthCode, decryption), hand
 *       payload type 01h to the registered handler; the handler only queues, so calling it from the
 *       receive thread is fine. Drop them when no handler is registered.</li>
 *   <li>{@code channel()}: the LAN channel number (never 0Eh: ipmi_sim crashes on Get Channel Payload
 *       Support for it); {@code sessionPort()}: the UDP port the session uses.</li>
 *   <li>Closing the session should close its {@link dev.ipmi.lanplus.sol.SolSession}s first (Deactivate
 *       Payload, then Close Session).</li>
 * </ol>
 * The facade then is {@code SolConsole.activate(sessionAsTransport, options, listener)}.
 */
package dev.ipmi.lanplus.sol;
