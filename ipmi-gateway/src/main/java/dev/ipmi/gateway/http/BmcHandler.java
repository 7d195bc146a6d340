package dev.ipmi.gateway.http;

import dev.ipmi.core.commands.app.GetDeviceId;
import dev.ipmi.gateway.auth.Principal;
import dev.ipmi.gateway.bmc.BmcState;
import dev.ipmi.gateway.config.GatewayConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** {@code /api/v1/bmcs}: the BMCs a caller may see, and one BMC's management controller info. */
final class BmcHandler {
    private final BmcDirectory bmcs;
    private final PowerHandler power;

    BmcHandler(BmcDirectory bmcs, PowerHandler power) {
        this.bmcs = bmcs;
        this.power = power;
    }

    /** Pool state by default; {@code ?refresh=true} reads every visible BMC's power state now. */
    void list(Context ctx) {
        Principal p = Requests.principal(ctx);
        List<GatewayConfig.Bmc> visible = bmcs.visible(p);
        boolean refresh = "true".equals(ctx.queryParam("refresh"));
        if (!refresh) {
            ctx.json(visible.stream().map(this::summary).toList());
            return;
        }
        List<CompletableFuture<?>> reads = new ArrayList<>();
        for (GatewayConfig.Bmc b : visible) {
            reads.add(power.status(b.name()).exceptionally(e -> null));
        }
        ctx.future(() -> CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new))
                .thenRun(() -> ctx.json(visible.stream().map(this::summary).toList())));
    }

    private Map<String, Object> summary(GatewayConfig.Bmc b) {
        BmcState s = bmcs.access().state(b.name());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", b.name());
        m.put("host", b.host());
        m.put("port", b.port());
        m.put("labels", b.labels());
        m.put("reachable", s.reachable().orElse(null));
        m.put("session_open", s.sessionOpen());
        m.put("power", bmcs.power(b.name()).map(on -> on ? "on" : "off").orElse(null));
        s.lastError().filter(e -> !s.reachable().orElse(true)).ifPresent(e -> m.put("last_error", e));
        return m;
    }

    void detail(Context ctx) {
        String name = ctx.pathParam("name");
        GatewayConfig.Bmc b = bmcs.require(Requests.principal(ctx), name);
        ctx.future(() -> bmcs.access().call(name, c -> c.mc().info()).thenAccept(info -> {
            GetDeviceId.Response d = info.device();
            Map<String, Object> m = new LinkedHashMap<>(summary(b));
            m.put("device_id", d.deviceId());
            m.put("device_revision", d.deviceRevision());
            m.put("device_available", d.deviceAvailable());
            m.put("firmware_revision", d.firmwareMajor() + "." + String.format("%02x", d.firmwareMinor()));
            m.put("ipmi_version", (d.ipmiVersion() & 0x0F) + "." + (d.ipmiVersion() >>> 4));
            m.put("manufacturer_id", d.manufacturerId());
            m.put("manufacturer", info.manufacturerName());
            m.put("product_id", d.productId());
            m.put("provides_device_sdrs", d.providesDeviceSdrs());
            ctx.json(m);
        }));
    }
}
