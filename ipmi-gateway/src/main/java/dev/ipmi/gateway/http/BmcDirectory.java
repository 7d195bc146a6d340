package dev.ipmi.gateway.http;

import dev.ipmi.gateway.auth.Principal;
import dev.ipmi.gateway.bmc.BmcAccess;
import dev.ipmi.gateway.config.GatewayConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The configured BMCs as a caller may see them, and the power state last observed for each. */
public final class BmcDirectory {
    private final GatewayConfig config;
    private final BmcAccess access;
    private final Map<String, Boolean> power = new ConcurrentHashMap<>();

    public BmcDirectory(GatewayConfig config, BmcAccess access) {
        this.config = config;
        this.access = access;
    }

    public BmcAccess access() {
        return access;
    }

    public List<GatewayConfig.Bmc> all() {
        return config.bmcs();
    }

    public List<GatewayConfig.Bmc> visible(Principal p) {
        return config.bmcs().stream().filter(b -> p.sees(b.name())).toList();
    }

    /** The BMC, or 404 when it does not exist or is outside the caller's scope (names do not leak). */
    public GatewayConfig.Bmc require(Principal p, String name) {
        return config.bmc(name).filter(b -> p.sees(b.name())).orElseThrow(() -> ApiProblem.noSuchBmc(name));
    }

    public void rememberPower(String name, boolean on) {
        power.put(name, on);
    }

    public Optional<Boolean> power(String name) {
        return Optional.ofNullable(power.get(name));
    }
}
