/**
 * Serial-over-LAN (IPMI v2.0 §15, §24, §26) for RMCP+ sessions.
 *
 * <ul>
 *   <li>{@link dev.ipmi.lanplus.sol.SolPacket} — the SOL payload codec (payload type 01h), with typed
 *       {@link dev.ipmi.lanplus.sol.ConsoleOperation} and {@link dev.ipmi.lanplus.sol.BmcStatus} bits.</li>
 *   <li>{@link dev.ipmi.lanplus.sol.SolStateMachine} — sequencing, acknowledgement, retransmission and
 *       flow control as a pure state machine (no sockets, clock or threads).</li>
 *   <li>{@link dev.ipmi.lanplus.sol.SolConsole} — activation (Activate Payload with the
 *       {@link dev.ipmi.core.sol.SolOptions.AlreadyActivePolicy}) and the threaded
 *       {@link dev.ipmi.core.sol.SolSession} with its streams, on top of a
 *       {@link dev.ipmi.lanplus.sol.SolTransport}.</li>
 * </ul>
 *
 * <h2>On the RMCP+ session</h2>
 * {@link dev.ipmi.lanplus.LanPlusSession} implements {@link dev.ipmi.lanplus.sol.SolTransport} (and the
 * core SPI {@link dev.ipmi.core.spi.SolSupport}, through which {@code IpmiClient.sol().activate} reaches
 * it):
 * <ol>
 *   <li>{@code execute}/{@code executeAsync}: ordinary in-session requests (Activate/Deactivate Payload,
 *       Get SOL Configuration Parameters, Get Device ID as keepalive, sent without blocking the console).</li>
 *   <li>{@code sendSolPayload}: a step of the session state machine on the engine's I/O thread: payload
 *       type 01h with bit 7 when the suite has confidentiality (AES-CBC-128 as for IPMI payloads) and
 *       bit 6 when it has integrity, next outbound session sequence number; not retransmitted there (the
 *       {@link dev.ipmi.lanplus.sol.SolStateMachine} resends).</li>
 *   <li>Inbound type 01h passes the session's checks (AuthCode, decryption, session ID, replay window)
 *       and is handed to the console as an engine callback, in order, on the I/O thread (the console
 *       only queues it); without a console it is dropped.</li>
 *   <li>{@code channel()}: the channel number Get Channel Authentication Capabilities reported (Get
 *       Channel Info as fallback), never 0Eh; {@code sessionPort()}: the session's UDP port.</li>
 *   <li>One console per session; closing the session deactivates it before Close Session.</li>
 * </ol>
 * The public types ({@link dev.ipmi.core.sol.SolSession}, {@link dev.ipmi.core.sol.SolOptions},
 * {@link dev.ipmi.core.sol.SolEvent}, ...) live in ipmi-core's {@code dev.ipmi.core.sol} so that the
 * facade can name them.
 */
package dev.ipmi.lanplus.sol;
