package dev.ipmi.core.fleet;

import dev.ipmi.core.client.IpmiClient;
import dev.ipmi.core.options.SessionOptions;
import java.util.concurrent.CompletableFuture;

/**
 * Opens one session for the fleet. The standard one is {@link IpmiClient#connectAsync(SessionOptions)}
 * (the transport's module, ipmi-lanplus or ipmi-lan, on the class path); tests and custom transports
 * pass their own.
 */
@FunctionalInterface
public interface FleetConnector {
    /** Logs in with {@code options} (the fleet's listener and scheduler already set in them). */
    CompletableFuture<IpmiClient> connect(SessionOptions options);

    static FleetConnector standard() {
        return IpmiClient::connectAsync;
    }
}
