package dev.ipmi.core.client;

import dev.ipmi.core.commands.sensor.GetSensorEventEnable;
import dev.ipmi.core.commands.sensor.GetSensorEventStatus;
import dev.ipmi.core.internal.Futures;
import dev.ipmi.core.sdr.SdrRecord.FullSensor;
import dev.ipmi.core.sdr.SdrRecord.SensorRecord;
import dev.ipmi.core.sdr.SensorReader;
import dev.ipmi.core.sdr.SensorReading;
import java.util.List;
import java.util.Optional;

/** Sensors (ipmitool's {@code sensor}); waits on {@link AsyncSensors}. */
public final class Sensors {
    private final AsyncSensors async;

    Sensors(AsyncSensors async) {
        this.async = async;
    }

    /** The sensors that have a reading (full and compact records). */
    public List<SensorRecord> list() {
        return Futures.await(async.list());
    }

    public Optional<SensorRecord> find(String name) {
        return Futures.await(async.find(name));
    }

    /** Every sensor's reading, in repository order. */
    public List<SensorReading> readAll() {
        return Futures.await(async.readAll());
    }

    public SensorReading read(SensorRecord sensor) {
        return Futures.await(async.read(sensor));
    }

    /** The named sensors' readings; {@link IllegalArgumentException} for a name no SDR carries. */
    public List<SensorReading> get(String... names) {
        return Futures.await(async.get(names));
    }

    public GetSensorEventEnable.Response eventEnables(SensorRecord sensor) {
        return Futures.await(async.eventEnables(sensor));
    }

    public GetSensorEventStatus.Response eventStatus(SensorRecord sensor) {
        return Futures.await(async.eventStatus(sensor));
    }

    public SensorReader.Thresholds thresholds(String name) {
        return Futures.await(async.thresholds(name));
    }

    public SensorReader.Thresholds thresholds(FullSensor sensor) {
        return Futures.await(async.thresholds(sensor));
    }

    public void setThreshold(String name, Threshold threshold, double value) {
        Futures.await(async.setThreshold(name, threshold, value));
    }

    public void setThreshold(FullSensor sensor, Threshold threshold, double value) {
        Futures.await(async.setThreshold(sensor, threshold, value));
    }
}
