/**
 * The machinery behind {@link dev.ipmi.bmc.VirtualBmc}; not an API.
 *
 * <ul>
 *   <li>{@link dev.ipmi.bmc.internal.Ipmi15Responder} and {@link dev.ipmi.bmc.internal.RmcpPlusResponder}:
 *       the BMC halves of IPMI 1.5 and RMCP+ sessions, pure state machines (no sockets, threads or clock)
 *       on the same packet codecs as the client.</li>
 *   <li>{@link dev.ipmi.bmc.internal.SessionCommands}: Get Channel Authentication Capabilities, Set Session
 *       Privilege Level and Close Session, once for both responders.</li>
 *   <li>{@link dev.ipmi.bmc.internal.SolPayloadServer}: payload activation and the SOL stream.</li>
 *   <li>{@link dev.ipmi.bmc.internal.BmcDispatcher}: every other command, one registration per
 *       {@link dev.ipmi.core.CommandId}, answered with the ipmi-core response records
 *       ({@link dev.ipmi.bmc.internal.Reply}).</li>
 * </ul>
 */
package dev.ipmi.bmc.internal;
