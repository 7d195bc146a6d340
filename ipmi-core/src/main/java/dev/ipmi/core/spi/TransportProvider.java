package dev.ipmi.core.spi;

import dev.ipmi.core.options.SessionOptions;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;

/**
 * Opens sessions of one kind ("lan", "lanplus"). Found with {@link ServiceLoader}, so ipmi-core can
 * offer {@code IpmiClient.lan(host)} and {@code IpmiClient.lanplus(host)} without depending on the
 * modules that implement them. The provider receives the typed options as the caller built them.
 */
public interface TransportProvider {
    /** The interface name as ipmitool spells it, matching {@link SessionOptions#transport()}: "lan" or "lanplus". */
    String name();

    /**
     * Opens and authenticates a session; completes exceptionally with an {@code IpmiException}, or
     * with an {@link IllegalArgumentException} for options this provider cannot use. The options are
     * not wiped: the session copies the secrets it needs.
     */
    CompletableFuture<IpmiTransport> connect(SessionOptions options);

    /**
     * The provider for {@code name}, or an {@link IllegalStateException} saying which module is missing.
     * A provider once found is kept: scanning the class path's service files on every connect cost a
     * fleet's cold fan-out a sixth of its CPU.
     */
    static TransportProvider find(String name) {
        TransportProvider known = FoundProviders.BY_NAME.get(name);
        if (known != null) {
            return known;
        }
        for (TransportProvider p : ServiceLoader.load(TransportProvider.class, TransportProvider.class.getClassLoader())) {
            if (p.name().equals(name)) {
                TransportProvider first = FoundProviders.BY_NAME.putIfAbsent(name, p);
                return first != null ? first : p;
            }
        }
        String module = name.equals("lan") ? "ipmi-lan" : name.equals("lanplus") ? "ipmi-lanplus" : "a module";
        throw new IllegalStateException("no IPMI transport '" + name + "' on the class path: add " + module
                + " (dev.ipmi) to the dependencies");
    }
}
