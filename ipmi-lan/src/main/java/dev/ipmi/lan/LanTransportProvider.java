package dev.ipmi.lan;

import dev.ipmi.core.options.LanOptions;
import dev.ipmi.core.options.SessionOptions;
import dev.ipmi.core.spi.IpmiTransport;
import dev.ipmi.core.spi.TransportProvider;
import java.util.concurrent.CompletableFuture;

/** {@code IpmiClient.lan(host)}: IPMI 1.5 sessions, registered for {@link java.util.ServiceLoader}. */
public final class LanTransportProvider implements TransportProvider {
    @Override
    public String name() {
        return "lan";
    }

    @Override
    public CompletableFuture<IpmiTransport> connect(SessionOptions options) {
        if (!(options instanceof LanOptions lan)) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "options: the lan transport takes LanOptions, got " + options.getClass().getSimpleName()));
        }
        try {
            return LanSession.openAsync(lan).thenApply(s -> s);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
