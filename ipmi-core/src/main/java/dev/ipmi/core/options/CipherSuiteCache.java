package dev.ipmi.core.options;

import dev.ipmi.core.types.CipherSuite;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers which cipher suite {@link CipherSuite#AUTO} settled on per BMC address, so later
 * sessions to the same BMC skip the negotiation. Thread-safe. A client keeps one for its lifetime;
 * {@link #shared()} is the JVM-wide default.
 */
public final class CipherSuiteCache {
    private static final CipherSuiteCache SHARED = new CipherSuiteCache();

    private final Map<InetSocketAddress, CipherSuite> outcomes = new ConcurrentHashMap<>();

    public static CipherSuiteCache shared() {
        return SHARED;
    }

    public Optional<CipherSuite> get(InetSocketAddress bmc) {
        return Optional.ofNullable(outcomes.get(bmc));
    }

    public void put(InetSocketAddress bmc, CipherSuite suite) {
        if (suite.isAuto()) {
            throw new IllegalArgumentException("cache concrete suites only");
        }
        outcomes.put(bmc, suite);
    }

    /** Forgets a BMC (for example after a login with the remembered suite failed). */
    public void forget(InetSocketAddress bmc) {
        outcomes.remove(bmc);
    }

    public void clear() {
        outcomes.clear();
    }
}
