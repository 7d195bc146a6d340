package dev.ipmi.core.client;

import dev.ipmi.core.commands.sensor.GetSensorEventEnable;
import dev.ipmi.core.commands.sensor.GetSensorEventStatus;
import dev.ipmi.core.sdr.SdrRecord;
import dev.ipmi.core.sdr.SdrRecord.FullSensor;
import dev.ipmi.core.sdr.SdrRecord.SensorRecord;
import dev.ipmi.core.sdr.SdrScan;
import dev.ipmi.core.sdr.SensorReader;
import dev.ipmi.core.sdr.SensorReading;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Sensors (ipmitool's {@code sensor}), non-blocking. Sensors are found through the SDR repository
 * of {@link AsyncSdr} (so its cache applies) and read with Get Sensor Reading. Readings are typed:
 * a value with units and threshold status, discrete states, or "unavailable", "scanning disabled"
 * and "not present" as their own cases, never a 0.
 */
public final class AsyncSensors {
    private final AsyncIpmiClient client;

    AsyncSensors(AsyncIpmiClient client) {
        this.client = client;
    }

    private SensorReader reader() {
        return new SensorReader(client.transport());
    }

    /** The sensors that have a reading (full and compact records), in repository order. */
    public CompletableFuture<List<SensorRecord>> list() {
        return client.sdr().scan().thenApply(AsyncSensors::readable);
    }

    static List<SensorRecord> readable(SdrScan scan) {
        return scan.sensors().stream()
                .filter(s -> s instanceof SdrRecord.FullSensor || s instanceof SdrRecord.CompactSensor).toList();
    }

    /** The sensor named {@code name} (exact match of the SDR ID string), if there is one. */
    public CompletableFuture<Optional<SensorRecord>> find(String name) {
        return client.sdr().scan().thenApply(scan -> scan.sensors().stream()
                .filter(s -> s.name().equals(name)).findFirst());
    }

    /** Reads every sensor of {@link #list()}, one request after another. */
    public CompletableFuture<List<SensorReading>> readAll() {
        return list().thenCompose(reader()::readAll);
    }

    /** Reads one sensor. */
    public CompletableFuture<SensorReading> read(SensorRecord sensor) {
        return reader().read(sensor);
    }

    /**
     * Reads the named sensors, in the order given. Fails with an {@link IllegalArgumentException}
     * naming the first name that no SDR carries.
     */
    public CompletableFuture<List<SensorReading>> get(String... names) {
        return client.sdr().scan().thenCompose(scan -> {
            List<SensorRecord> found = new ArrayList<>();
            for (String n : names) {
                found.add(scan.sensors().stream().filter(s -> s.name().equals(n)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("no sensor named \"" + n + "\"")));
            }
            return reader().readAll(found);
        });
    }

    /** Get Sensor Event Enable: which assertion/deassertion events the sensor generates. */
    public CompletableFuture<GetSensorEventEnable.Response> eventEnables(SensorRecord sensor) {
        return client.execute(SensorReader.target(sensor),
                new GetSensorEventEnable.Request(sensor.key().sensorNumber()));
    }

    /** Get Sensor Event Status: which events are currently asserted (optional command on many BMCs). */
    public CompletableFuture<GetSensorEventStatus.Response> eventStatus(SensorRecord sensor) {
        return client.execute(SensorReader.target(sensor),
                new GetSensorEventStatus.Request(sensor.key().sensorNumber()));
    }

    /** Get Sensor Thresholds of a threshold sensor, converted to its units. */
    public CompletableFuture<SensorReader.Thresholds> thresholds(FullSensor sensor) {
        return reader().thresholds(sensor);
    }

    /** Get Sensor Thresholds of the named sensor. */
    public CompletableFuture<SensorReader.Thresholds> thresholds(String name) {
        return full(name).thenCompose(this::thresholds);
    }

    /**
     * Sets one threshold of the named sensor to the raw value nearest {@code value} (ipmitool's
     * {@code sensor thresh <name> <threshold> <value>}); the others are left alone.
     */
    public CompletableFuture<Void> setThreshold(String name, Threshold threshold, double value) {
        return full(name).thenCompose(s -> reader().setThreshold(s, threshold.bit(), value));
    }

    public CompletableFuture<Void> setThreshold(FullSensor sensor, Threshold threshold, double value) {
        return reader().setThreshold(sensor, threshold.bit(), value);
    }

    private CompletableFuture<FullSensor> full(String name) {
        return find(name).thenApply(s -> {
            if (s.isEmpty()) {
                throw new IllegalArgumentException("no sensor named \"" + name + "\"");
            }
            if (!(s.get() instanceof FullSensor f) || !f.isThreshold()) {
                throw new IllegalArgumentException("sensor \"" + name
                        + "\" has no thresholds (not a full threshold sensor record)");
            }
            return f;
        });
    }
}
