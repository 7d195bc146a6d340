package dev.ipmi.core.options;

import java.net.InetSocketAddress;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers per BMC address which automatically detected quirks a login needed, so later logins to
 * the same BMC apply them from the start (and report them as remembered), as {@link CipherSuiteCache}
 * does for the negotiated suite. Only quirks that cost no security are ever remembered. Thread-safe;
 * {@link #shared()} is the JVM-wide default.
 */
public final class QuirkCache {
    private static final QuirkCache SHARED = new QuirkCache();

    private final Map<InetSocketAddress, Set<Quirk>> seen = new ConcurrentHashMap<>();

    public static QuirkCache shared() {
        return SHARED;
    }

    /** The quirks remembered for this BMC (a copy). */
    public Set<Quirk> get(InetSocketAddress bmc) {
        Set<Quirk> q = seen.get(bmc);
        return q == null ? EnumSet.noneOf(Quirk.class) : EnumSet.copyOf(q);
    }

    /**
     * Remembers that this BMC needed {@code quirk}.
     *
     * @throws IllegalArgumentException for an opt-in quirk (those are never applied unasked)
     */
    public void add(InetSocketAddress bmc, Quirk quirk) {
        if (quirk.optIn()) {
            throw new IllegalArgumentException(quirk + " weakens a check and is never remembered");
        }
        seen.compute(bmc, (k, v) -> {
            Set<Quirk> n = v == null ? EnumSet.noneOf(Quirk.class) : EnumSet.copyOf(v);
            n.add(quirk);
            return Set.copyOf(n);
        });
    }

    /** Forgets one quirk of this BMC, when applying it from the start no longer worked. */
    public void remove(InetSocketAddress bmc, Quirk quirk) {
        seen.computeIfPresent(bmc, (k, v) -> {
            Set<Quirk> n = EnumSet.copyOf(v);
            n.remove(quirk);
            return n.isEmpty() ? null : Set.copyOf(n);
        });
    }

    public void forget(InetSocketAddress bmc) {
        seen.remove(bmc);
    }

    public void clear() {
        seen.clear();
    }
}
