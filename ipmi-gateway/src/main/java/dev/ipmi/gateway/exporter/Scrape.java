package dev.ipmi.gateway.exporter;

import dev.ipmi.core.client.AsyncIpmiClient;
import dev.ipmi.core.commands.app.GetDeviceId;
import dev.ipmi.core.sdr.SdrRecord.FullSensor;
import dev.ipmi.core.sdr.SdrRecord.SensorRecord;
import dev.ipmi.core.sdr.SensorReading;
import dev.ipmi.core.sdr.SensorUnits;
import dev.ipmi.gateway.exporter.ExporterConfig.Module;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One scrape of one target: every collector of the module runs at once on the same session, each
 * writing into its own part. {@link #freeze()} takes what is there when the scrape ends, whether
 * or not everything has answered: a collector that finished in time is {@code ipmi_up 1}; one that
 * did not, or failed, is {@code ipmi_up 0} and contributes nothing, except the sensor collector,
 * whose readings that did arrive are kept (ipmi_exporter would have given none at all).
 */
final class Scrape {
    /** Sensor reads in flight at once on one session: fast, but no burst a small BMC chokes on. */
    static final int SENSOR_READS_IN_FLIGHT = 4;

    record Point(Family family, List<String> labels, double value) {}

    /** What one collector produced; {@code ok} stays null while it runs. */
    static final class Part {
        private final List<Point> points = new ArrayList<>();
        private Boolean ok;

        synchronized void add(Family f, double value, String... labels) {
            if (ok == null) {
                points.add(new Point(f, List.of(labels), value));
            }
        }

        synchronized void finish(boolean success) {
            if (ok == null) {
                ok = success;
            }
        }

        synchronized Boolean ok() {
            return ok;
        }

        synchronized List<Point> points() {
            return List.copyOf(points);
        }
    }

    /** The frozen output of a scrape. */
    record Result(Map<Collector, Boolean> up, List<Point> points, double durationSeconds) {}

    private final Module module;
    private final EnterpriseNumbers enterprises;
    private final Map<Collector, Part> parts = new LinkedHashMap<>();
    private final ScrapeStats stats;
    private final SelEvents selEvents;
    private final String key;

    /**
     * @param key the target and module, under which {@code selEvents} keeps what it has read
     */
    Scrape(Module module, EnterpriseNumbers enterprises, ScrapeStats stats, SelEvents selEvents, String key) {
        this.module = module;
        this.enterprises = enterprises;
        this.stats = stats;
        this.selEvents = selEvents;
        this.key = key;
        for (Collector c : module.collectors()) {
            parts.put(c, new Part());
        }
    }

    /** Starts every collector; the future completes when all have finished (never exceptionally). */
    CompletableFuture<Void> run(AsyncIpmiClient client) {
        List<CompletableFuture<?>> all = new ArrayList<>();
        for (Map.Entry<Collector, Part> e : parts.entrySet()) {
            Part part = e.getValue();
            CompletableFuture<?> f;
            try {
                f = switch (e.getKey()) {
                    case BMC -> bmc(client, part);
                    case IPMI -> sensors(client, part);
                    case CHASSIS -> chassis(client, part);
                    case DCMI -> dcmi(client, part);
                    case SEL -> sel(client, part);
                    case SEL_EVENTS -> selEvents.collect(client, key, module.selEvents(), part);
                    case SM_LAN_MODE -> lanMode(client, part);
                };
            } catch (RuntimeException ex) {
                f = CompletableFuture.failedFuture(ex);
            }
            all.add(f.handle((r, ex) -> {
                part.finish(ex == null);
                if (ex != null) {
                    stats.collectorFailed(e.getKey());
                }
                return null;
            }));
        }
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
    }

    /** The scrape as it stands now; later answers are ignored. */
    Result freeze(double durationSeconds) {
        Map<Collector, Boolean> up = new LinkedHashMap<>();
        List<Point> points = new ArrayList<>();
        for (Map.Entry<Collector, Part> e : parts.entrySet()) {
            Part part = e.getValue();
            Boolean ok;
            List<Point> got;
            synchronized (part) {
                if (part.ok == null) {
                    part.ok = false;
                    stats.collectorLate(e.getKey());
                    ok = null;
                } else {
                    ok = part.ok;
                }
                got = List.copyOf(part.points);
            }
            up.put(e.getKey(), Boolean.TRUE.equals(ok));
            if (Boolean.TRUE.equals(ok) || (ok == null && e.getKey() == Collector.IPMI)) {
                points.addAll(got);
            }
        }
        return new Result(up, points, durationSeconds);
    }

    /** A scrape whose session could not be had: every collector down. */
    Result failed(double durationSeconds) {
        Map<Collector, Boolean> up = new LinkedHashMap<>();
        for (Collector c : parts.keySet()) {
            up.put(c, false);
        }
        return new Result(up, List.of(), durationSeconds);
    }

    private CompletableFuture<?> bmc(AsyncIpmiClient c, Part part) {
        CompletableFuture<String> firmware = SystemFirmwareVersion.read(c).exceptionally(e -> "N/A");
        return c.mc().deviceId().thenCombine(firmware, (GetDeviceId.Response id, String sysFw) -> {
            // bmc-info prints "%u.%02X" (the minor revision is BCD), ipmi_exporter keeps [0-9.]*
            String revision = id.firmwareMajor() + "." + String.format("%02X", id.firmwareMinor());
            part.add(Family.BMC_INFO, 1, digitsAndDots(revision), enterprises.describe(id.manufacturerId()), sysFw);
            return null;
        });
    }

    static String digitsAndDots(String s) {
        int i = 0;
        while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
            i++;
        }
        return s.substring(0, i);
    }

    private CompletableFuture<?> chassis(AsyncIpmiClient c, Part part) {
        return c.chassis().status().thenAccept(s -> {
            part.add(Family.POWER_STATE, s.powerOn() ? 1 : 0);
            part.add(Family.DRIVE_FAULT, s.driveFault() ? 0 : 1);
            part.add(Family.COOLING_FAULT, s.coolingFault() ? 0 : 1);
        });
    }

    private CompletableFuture<?> dcmi(AsyncIpmiClient c, Part part) {
        return c.dcmi().powerReading().thenAccept(r -> {
            if (r.measurementActive()) {
                part.add(Family.DCMI_POWER, r.currentWatts());
            }
        });
    }

    private CompletableFuture<?> sel(AsyncIpmiClient c, Part part) {
        return c.sel().info().thenAccept(i -> {
            part.add(Family.SEL_COUNT, i.entries());
            part.add(Family.SEL_FREE, i.freeSpace());
        });
    }

    private CompletableFuture<?> lanMode(AsyncIpmiClient c, Part part) {
        return c.raw(0x30, 0x70, (byte) 0x0C, (byte) 0x00).thenAccept(data -> {
            if (data.length != 1 || (data[0] & 0xFF) > 2) {
                throw new IllegalStateException("unexpected Supermicro LAN mode reply of " + data.length + " bytes");
            }
            part.add(Family.LAN_MODE, data[0] & 0xFF);
        });
    }

    private CompletableFuture<?> sensors(AsyncIpmiClient c, Part part) {
        return c.sensors().list().thenCompose(list -> {
            List<SensorRecord> wanted = new ArrayList<>();
            for (SensorRecord s : list) {
                if (!module.excludeSensorIds().contains(s.recordId())) {
                    wanted.add(s);
                }
            }
            return readAll(c, wanted, part);
        });
    }

    /** Reads the sensors with a few requests in flight, recording each reading as it arrives. */
    private CompletableFuture<Void> readAll(AsyncIpmiClient c, List<SensorRecord> sensors, Part part) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Iterator<SensorRecord> next = sensors.iterator();
        AtomicInteger outstanding = new AtomicInteger(sensors.size());
        if (sensors.isEmpty()) {
            done.complete(null);
            return done;
        }
        Object lock = new Object();
        Runnable[] pump = new Runnable[1];
        pump[0] = () -> {
            SensorRecord s;
            synchronized (lock) {
                if (done.isDone() || !next.hasNext()) {
                    return;
                }
                s = next.next();
            }
            c.sensors().read(s).whenComplete((r, e) -> {
                if (e != null) {
                    done.completeExceptionally(e);
                    return;
                }
                record(part, r);
                if (outstanding.decrementAndGet() == 0) {
                    done.complete(null);
                } else {
                    pump[0].run();
                }
            });
        };
        for (int i = 0; i < SENSOR_READS_IN_FLIGHT; i++) {
            pump[0].run();
        }
        return done;
    }

    /** One reading as ipmimonitoring would print it, routed into ipmi_exporter's families. */
    static void record(Part part, SensorReading r) {
        SensorRecord s = r.sensor();
        String id = Integer.toString(s.recordId());
        String name = s.name();
        double state = SensorSeverity.of(r);
        String unit = unit(s);
        double value = r instanceof SensorReading.Analog a && s.isThreshold() ? a.value() : Double.NaN;
        if (!s.isThreshold()) {
            unit = "N/A";
        }
        switch (unit) {
            case "C" -> typed(part, Family.TEMPERATURE, Family.TEMPERATURE_STATE, id, name, value, state);
            case "RPM" -> typed(part, Family.FAN, Family.FAN_STATE, id, name, value, state);
            case "A" -> typed(part, Family.CURRENT, Family.CURRENT_STATE, id, name, value, state);
            case "V" -> typed(part, Family.VOLTAGE, Family.VOLTAGE_STATE, id, name, value, state);
            case "W" -> typed(part, Family.POWER, Family.POWER_STATE_SENSOR, id, name, value, state);
            case "%" -> {
                if (s.sensorType() == 0x04) {
                    typed(part, Family.FAN_RATIO, Family.FAN_STATE, id, name, value * 0.01, state);
                } else {
                    generic(part, s, id, name, value, state);
                }
            }
            default -> generic(part, s, id, name, value, state);
        }
    }

    private static void typed(Part part, Family value, Family stateFamily, String id, String name, double v,
                              double state) {
        part.add(value, v, id, name);
        part.add(stateFamily, state, id, name);
    }

    private static void generic(Part part, SensorRecord s, String id, String name, double v, double state) {
        String type = SensorSeverity.typeName(s.sensorType());
        part.add(Family.SENSOR_VALUE, v, id, name, type);
        part.add(Family.SENSOR_STATE, state, id, name, type);
    }

    /**
     * FreeIPMI's short unit of a threshold sensor: "%" for percentages, the base unit's
     * abbreviation otherwise; anything with a modifier unit is none of ipmi_exporter's typed units.
     */
    static String unit(SensorRecord s) {
        if (!(s instanceof FullSensor f)) {
            return "N/A";
        }
        SensorUnits u = f.units();
        if (u.percentage()) {
            return "%";
        }
        if (u.modifierRelation() != SensorUnits.MODIFIER_NONE) {
            return "compound";
        }
        return switch (u.baseUnit()) {
            case 1 -> "C";
            case 2 -> "F";
            case 4 -> "V";
            case 5 -> "A";
            case 6 -> "W";
            case 18 -> "RPM";
            default -> "other";
        };
    }
}
