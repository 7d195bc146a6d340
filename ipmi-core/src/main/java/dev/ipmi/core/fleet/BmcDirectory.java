package dev.ipmi.core.fleet;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Where a fleet finds how to reach a BMC by name: a registry of endpoints, a credentials provider
 * (a vault lookup per host), or one template for a fleet that shares credentials. Called once per
 * name, when the fleet first talks to that BMC, and again after a login failed (so a rotated
 * password is picked up); it may block briefly, it runs on the fleet's pool.
 */
@FunctionalInterface
public interface BmcDirectory {
    /**
     * The endpoint for {@code name}.
     *
     * @throws IllegalArgumentException when the name is unknown (the call for it fails with it)
     */
    BmcEndpoint resolve(String name);

    /** A fixed registry: each endpoint under its {@link BmcEndpoint#name()}. */
    static BmcDirectory of(Collection<BmcEndpoint> endpoints) {
        Map<String, BmcEndpoint> byName = new LinkedHashMap<>();
        for (BmcEndpoint e : endpoints) {
            if (byName.put(e.name(), e) != null) {
                throw new IllegalArgumentException("two endpoints named " + e.name());
            }
        }
        return name -> {
            BmcEndpoint e = byName.get(name);
            if (e == null) {
                throw new IllegalArgumentException("no BMC named '" + name + "' in the directory");
            }
            return e;
        };
    }

    /**
     * Any name "host", "host:port" or "[v6addr]:port", with what {@code template} sets (credentials,
     * cipher suite, quirks) applied to a builder for that host and port (623 unless given).
     */
    static BmcDirectory byHost(UnaryOperator<BmcEndpoint.Builder> template) {
        Objects.requireNonNull(template, "template");
        return name -> {
            Object[] hp = HostNames.split(name, 623);
            return template.apply(BmcEndpoint.builder((String) hp[0]).port((Integer) hp[1])).name(name).build();
        };
    }
}
