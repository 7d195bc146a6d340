package dev.ipmi.gateway.http;

import dev.ipmi.core.client.AsyncFru;
import dev.ipmi.core.client.AsyncIpmiClient;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** {@code /api/v1/bmcs/{name}/fru}: every FRU device with its fields as ipmitool's {@code fru print} names them. */
final class FruHandler {
    private final BmcDirectory bmcs;

    FruHandler(BmcDirectory bmcs) {
        this.bmcs = bmcs;
    }

    void get(Context ctx) {
        String name = ctx.pathParam("name");
        ctx.future(() -> bmcs.access().call(name, FruHandler::read).thenAccept(ctx::json));
    }

    private static CompletableFuture<List<Map<String, Object>>> read(AsyncIpmiClient c) {
        AsyncFru fru = c.fru();
        return fru.devices().thenCompose(devices -> {
            List<Map<String, Object>> out = new ArrayList<>();
            CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
            for (AsyncFru.Device d : devices) {
                chain = chain.thenCompose(v -> fru.print(d).handle((lines, e) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("fru_id", d.fruId());
                    m.put("description", d.description());
                    if (e != null) {
                        m.put("error", String.valueOf(e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
                    } else {
                        m.put("fields", fields(lines));
                    }
                    out.add(m);
                    return null;
                }));
            }
            return chain.thenApply(v -> out);
        });
    }

    /** "Board Mfg             : ACME" lines as a map; repeated names (extra fields) get a numeric suffix. */
    static Map<String, String> fields(List<String> lines) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : lines) {
            int colon = line.indexOf(" : ");
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).trim();
            if (key.equals("FRU Device Description")) {
                // the header line; the device is already described by fru_id and description
                continue;
            }
            String value = line.substring(colon + 3).trim();
            String k = key;
            for (int i = 2; m.containsKey(k); i++) {
                k = key + " " + i;
            }
            m.put(k, value);
        }
        return m;
    }
}
