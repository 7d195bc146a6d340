package dev.ipmi.lanplus;

import dev.ipmi.core.spi.ConnectionSpec;
import dev.ipmi.core.spi.IpmiTransport;
import dev.ipmi.core.spi.TransportProvider;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** {@code IpmiClient.lanplus(host)}: RMCP+ sessions, registered for {@link java.util.ServiceLoader}. */
public final class LanPlusTransportProvider implements TransportProvider {
    @Override
    public String name() {
        return "lanplus";
    }

    @Override
    public CompletableFuture<IpmiTransport> connect(ConnectionSpec spec) {
        LanPlusOptions options;
        try {
            Set<Quirk> quirks = EnumSet.noneOf(Quirk.class);
            for (String q : spec.quirks()) {
                try {
                    quirks.add(Quirk.valueOf(q));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("unknown RMCP+ quirk '" + q + "'; known: "
                            + EnumSet.allOf(Quirk.class), e);
                }
            }
            LanPlusOptions.Builder b = LanPlusOptions.builder(spec.host())
                    .port(spec.port())
                    .user(spec.username())
                    .password(spec.password())
                    .privilege(spec.privilege())
                    .cipherSuite(spec.cipherSuite() == ConnectionSpec.CIPHER_SUITE_AUTO
                            ? CipherSuite.AUTO : CipherSuite.of(spec.cipherSuite()))
                    .allowCipherZero(spec.allowCipherZero())
                    .retryPolicy(spec.retry())
                    .listener(spec.listener())
                    .quirks(quirks);
            if (spec.kg() != null) {
                b.kg(spec.kg());
            }
            options = b.build();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        } finally {
            spec.wipeSecrets();
        }
        return LanPlusSession.openAsync(options).thenApply(s -> s);
    }
}
