package dev.ipmi.core.client;

import dev.ipmi.core.commands.sol.SolConfig;
import dev.ipmi.core.commands.sol.SolParameter;
import dev.ipmi.core.internal.Futures;
import dev.ipmi.core.sol.SolOptions;
import dev.ipmi.core.sol.SolSession;
import dev.ipmi.core.sol.SolStatusListener;
import dev.ipmi.core.spi.IpmiTransport;
import dev.ipmi.core.spi.SolSupport;
import java.util.Objects;
import java.util.Optional;

/**
 * Serial-over-LAN (ipmitool's {@code sol}): consoles, configuration, deactivation.
 *
 * <pre>{@code
 * try (IpmiClient bmc = IpmiClient.lanplus(host).credentials("admin", pw).connect();
 *      SolSession console = bmc.sol().activate(SolOptions.defaults())) {
 *     console.output().write("root\r".getBytes(StandardCharsets.US_ASCII));
 *     console.input().transferTo(System.out);
 * }
 * }</pre>
 *
 * <p>How it reaches the console: ipmi-core has no SOL packet layer (SOL is payload type 01h of the
 * RMCP+ session, with that session's sequence numbers, integrity and encryption). The session
 * implements the core SPI {@link SolSupport}; {@link #activate} finds it through
 * {@link IpmiTransport#unwrap(Class)}, which looks through decorators such as bridging. An IPMI 1.5
 * ({@code lan}) session has none and {@link #activate} throws {@link UnsupportedOperationException}.
 * Configuration and deactivation are ordinary commands and work on any session.
 */
public final class Sol {
    private final AsyncSol async;
    private final IpmiTransport transport;

    Sol(AsyncSol async, IpmiTransport transport) {
        this.async = async;
        this.transport = transport;
    }

    /**
     * Activates a SOL console (Activate Payload with the session's encryption and authentication)
     * and starts it; close the returned session to deactivate it.
     *
     * @throws UnsupportedOperationException the session is not RMCP+
     * @throws dev.ipmi.core.sol.SolAlreadyActiveException the instance is active on another session
     *                                                     and {@code options} do not take it over
     */
    public SolSession activate(SolOptions options) {
        return activate(options, SolStatusListener.NONE);
    }

    /** Like {@link #activate(SolOptions)}, with a listener for status events (break, flow control, end). */
    public SolSession activate(SolOptions options, SolStatusListener listener) {
        Objects.requireNonNull(options, "options");
        SolSupport sol = transport.unwrap(SolSupport.class).orElseThrow(() ->
                new UnsupportedOperationException("SOL needs an RMCP+ (lanplus) session"));
        return sol.activateSol(options, listener);
    }

    /**
     * Deactivates SOL {@code instance} whichever session owns it (ipmitool's {@code sol deactivate});
     * returns false when it was not active.
     */
    public boolean deactivate(int instance) {
        return Futures.await(async.deactivate(instance));
    }

    /** The SOL configuration of a channel (0Eh: the session's channel, as ipmitool asks by default). */
    public SolConfig info(int channel) {
        return Futures.await(async.info(channel));
    }

    /** One parameter; empty when the BMC does not support it. */
    public Optional<SolParameter> parameter(int channel, int selector) {
        return Futures.await(async.parameter(channel, selector));
    }

    /** Writes a parameter with ipmitool's set-in-progress protocol (see {@link AsyncSol#set}). */
    public void set(int channel, SolParameter parameter) {
        Futures.await(async.set(channel, parameter));
    }
}
