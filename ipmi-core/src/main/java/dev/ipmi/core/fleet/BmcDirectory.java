package dev.ipmi.core.fleet;

import dev.ipmi.core.options.LanOptions;
import dev.ipmi.core.options.LanPlusOptions;
import dev.ipmi.core.options.SessionOptions;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * How a fleet logs in to a BMC it knows by name: a fresh options builder per login, with the
 * BMC's address, credentials, cipher suite, Kg and quirks, as for {@code IpmiClient.lanplus(host)}.
 * The fleet sets the builder's {@code listener} (its health counters and the
 * {@link FleetEventListener}) and {@code scheduler} (its one timer) before it builds, so set those
 * on the fleet instead. Asked at every login, so a rotated password or a changed entry is picked up
 * by the next one; it may block briefly (a vault lookup): it runs on the fleet's pool.
 */
@FunctionalInterface
public interface BmcDirectory {
    /**
     * A new builder for the BMC {@code name}.
     *
     * @throws IllegalArgumentException when the name is unknown (the call for it fails with it)
     */
    SessionOptions.Builder<?, ?> resolve(String name);

    /**
     * Names are "host", "host:port" or "[v6addr]:port" (port 623 unless given); {@code options}
     * makes the builder for that host and port.
     */
    static BmcDirectory byHost(BiFunction<String, Integer, ? extends SessionOptions.Builder<?, ?>> options) {
        Objects.requireNonNull(options, "options");
        return name -> {
            Object[] hp = HostNames.split(name, SessionOptions.DEFAULT_PORT);
            return Objects.requireNonNull(options.apply((String) hp[0], (Integer) hp[1]),
                    "the directory made no options for " + name);
        };
    }

    /** RMCP+ to every name ("host[:port]"), with what {@code settings} adds (credentials, cipher suite, …). */
    static BmcDirectory lanplus(UnaryOperator<LanPlusOptions.Builder> settings) {
        Objects.requireNonNull(settings, "settings");
        return byHost((host, port) -> settings.apply(LanPlusOptions.builder(host).port(port)));
    }

    /** IPMI 1.5 to every name ("host[:port]"), with what {@code settings} adds. */
    static BmcDirectory lan(UnaryOperator<LanOptions.Builder> settings) {
        Objects.requireNonNull(settings, "settings");
        return byHost((host, port) -> settings.apply(LanOptions.builder(host).port(port)));
    }
}
