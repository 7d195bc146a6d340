package dev.ipmi.gateway.http;

import dev.ipmi.core.sdr.SensorReading;
import dev.ipmi.core.sdr.SensorTypes;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /api/v1/bmcs/{name}/sensors}: every sensor with a typed reading (never 0 for "no reading"). */
final class SensorHandler {
    private final BmcDirectory bmcs;

    SensorHandler(BmcDirectory bmcs) {
        this.bmcs = bmcs;
    }

    void get(Context ctx) {
        String name = ctx.pathParam("name");
        ctx.future(() -> bmcs.access().call(name, c -> c.sensors().readAll())
                .thenAccept(list -> ctx.json(list.stream().map(SensorHandler::json).toList())));
    }

    static Map<String, Object> json(SensorReading r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", r.sensor().name());
        m.put("number", r.sensor().key().sensorNumber());
        m.put("type", SensorTypes.name(r.sensor().sensorType()));
        m.put("status", r.statusText());
        if (r instanceof SensorReading.Analog a) {
            m.put("reading", "value");
            m.put("value", Double.isNaN(a.value()) ? null : a.value());
            m.put("units", a.units());
        } else if (r instanceof SensorReading.Discrete d) {
            m.put("reading", "states");
            m.put("states", d.stateTexts());
        } else if (r instanceof SensorReading.Unavailable) {
            m.put("reading", "unavailable");
        } else if (r instanceof SensorReading.ScanningDisabled) {
            m.put("reading", "scanning_disabled");
        } else {
            m.put("reading", "not_present");
        }
        return m;
    }
}
