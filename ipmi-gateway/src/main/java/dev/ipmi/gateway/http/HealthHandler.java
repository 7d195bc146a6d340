package dev.ipmi.gateway.http;

import dev.ipmi.gateway.bmc.BmcState;
import dev.ipmi.gateway.config.GatewayConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /health}, without authentication: the process is up; counts from the session pool. */
final class HealthHandler {
    private final BmcDirectory bmcs;

    HealthHandler(BmcDirectory bmcs) {
        this.bmcs = bmcs;
    }

    void get(Context ctx) {
        int open = 0;
        int reachable = 0;
        int unreachable = 0;
        for (GatewayConfig.Bmc b : bmcs.all()) {
            BmcState s = bmcs.access().state(b.name());
            open += s.sessionOpen() ? 1 : 0;
            if (s.reachable().isPresent()) {
                if (s.reachable().get()) {
                    reachable++;
                } else {
                    unreachable++;
                }
            }
        }
        Map<String, Object> pool = new LinkedHashMap<>();
        pool.put("bmcs", bmcs.all().size());
        pool.put("sessions_open", open);
        pool.put("reachable", reachable);
        pool.put("unreachable", unreachable);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", "ok");
        m.put("pool", pool);
        ctx.json(m);
    }
}
