package dev.ipmi.lan;

import dev.ipmi.core.spi.ConnectionSpec;
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
    public CompletableFuture<IpmiTransport> connect(ConnectionSpec spec) {
        LanOptions options;
        try {
            if (!spec.quirks().isEmpty()) {
                throw new IllegalArgumentException("IPMI 1.5 sessions know no quirks; got " + spec.quirks());
            }
            LanOptions.Builder b = LanOptions.builder(spec.host())
                    .port(spec.port())
                    .userName(spec.username())
                    .password(spec.password())
                    .privilege(spec.privilege())
                    .allowInsecureAuthentication(spec.allowInsecureAuth())
                    .retry(spec.retry())
                    .listener(spec.listener());
            if (spec.authType() != null) {
                b.authType(spec.authType());
            }
            options = b.build();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        } finally {
            spec.wipeSecrets();
        }
        return LanSession.openAsync(options).thenApply(s -> s);
    }
}
