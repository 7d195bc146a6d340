package dev.ipmi.core.fleet;

import dev.ipmi.core.client.IpmiClient;
import dev.ipmi.core.event.IpmiEventListener;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Opens one session for the fleet. The standard one logs in with {@link IpmiClient#lanplus} or
 * {@link IpmiClient#lan} (so ipmi-lanplus or ipmi-lan must be on the class path); tests and
 * custom transports pass their own.
 */
@FunctionalInterface
public interface FleetConnector {
    /**
     * Logs in to {@code endpoint}.
     *
     * @param listener  the fleet's listener for this BMC (health counters and the caller's own); pass it on
     * @param scheduler the fleet's one timer thread: the client's polls and retry delays run there
     */
    CompletableFuture<IpmiClient> connect(BmcEndpoint endpoint, IpmiEventListener listener,
                                          ScheduledExecutorService scheduler);

    /** Logs in through the facade's builder with everything the endpoint says. */
    static FleetConnector standard() {
        return (e, listener, scheduler) -> {
            IpmiClient.Builder b = "lan".equals(e.kind()) ? IpmiClient.lan(e.host()) : IpmiClient.lanplus(e.host());
            char[] password = e.password();
            try {
                b.port(e.port()).credentials(e.username(), password).privilege(e.privilege())
                        .retry(e.retry()).listener(listener).scheduler(scheduler);
                if ("lanplus".equals(e.kind())) {
                    b.cipherSuite(e.cipherSuite()).kg(e.kg());
                    e.quirks().forEach(b::quirk);
                } else if (e.authType() != null) {
                    b.authType(e.authType());
                }
                return b.connectAsync();
            } catch (RuntimeException ex) {
                return CompletableFuture.failedFuture(ex);
            } finally {
                java.util.Arrays.fill(password, '\0');
            }
        };
    }
}
