package dev.ipmi.lanplus;

import dev.ipmi.core.options.LanPlusOptions;
import dev.ipmi.core.options.SessionOptions;
import dev.ipmi.core.spi.IpmiTransport;
import dev.ipmi.core.spi.TransportProvider;
import java.util.concurrent.CompletableFuture;

/** {@code IpmiClient.lanplus(host)}: RMCP+ sessions, registered for {@link java.util.ServiceLoader}. */
public final class LanPlusTransportProvider implements TransportProvider {
    @Override
    public String name() {
        return "lanplus";
    }

    @Override
    public CompletableFuture<IpmiTransport> connect(SessionOptions options) {
        if (!(options instanceof LanPlusOptions lanPlus)) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "options: the lanplus transport takes LanPlusOptions, got " + options.getClass().getSimpleName()));
        }
        try {
            return LanPlusSession.openAsync(lanPlus).thenApply(s -> s);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
