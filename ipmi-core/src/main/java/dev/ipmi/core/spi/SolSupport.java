package dev.ipmi.core.spi;

import dev.ipmi.core.sol.SolOptions;
import dev.ipmi.core.sol.SolSession;
import dev.ipmi.core.sol.SolStatusListener;

/**
 * The seam between the facade's {@code sol()} group (ipmi-core) and the session that can carry
 * Serial-over-LAN (the RMCP+ session in ipmi-lanplus, which ipmi-core cannot see).
 *
 * <p>SOL is payload type 01h of IPMI v2.0 RMCP+ (§15): it needs the session's own packet layer
 * (sequence numbers, integrity, encryption) and cannot be expressed as request/response
 * {@link IpmiTransport#exchange exchanges}. A transport that can run it implements this interface;
 * the facade finds it with {@link IpmiTransport#unwrap(Class) transport.unwrap(SolSupport.class)},
 * which sees through decorators such as bridging. IPMI 1.5 sessions do not implement it, and the
 * facade then throws {@link UnsupportedOperationException}.
 */
public interface SolSupport {
    /**
     * Activates a SOL console on this session (Activate Payload with the session's encryption and
     * authentication) and starts it. Closing the session closes its consoles first.
     *
     * @param listener status events (break, flow control, deactivation by the BMC); null for none
     * @throws dev.ipmi.core.sol.SolAlreadyActiveException the instance is active on another session
     *                                                     and the options do not take it over
     */
    SolSession activateSol(SolOptions options, SolStatusListener listener);
}
