package dev.ipmi.core.client;

import dev.ipmi.core.commands.sensor.GetSensorEventEnable;
import dev.ipmi.core.commands.sensor.GetSensorEventStatus;
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
        return Await.get(async.list());
    }

    public Optional<SensorRecord> find(String name) {
        return Await.get(async.find(name));
    }

    /** Every sensor's reading, in repository order. */
    public List<SensorReading> readAll() {
        return Await.get(async.readAll());
    }

    public SensorReading read(SensorRecord sensor) {
        return Await.get(async.read(sensor));
    }

    /** The named sensors' readings; {@link IllegalArgumentException} for a name no SDR carries. */
    public List<SensorReading> get(String... names) {
        return Await.get(async.get(names));
    }

    public GetSensorEventEnable.Response eventEnables(SensorRecord sensor) {
        return Await.get(async.eventEnables(sensor));
    }

    public GetSensorEventStatus.Response eventStatus(SensorRecord sensor) {
        return Await.get(async.eventStatus(sensor));
    }

    public SensorReader.Thresholds thresholds(String name) {
        return Await.get(async.thresholds(name));
    }

    public SensorReader.Thresholds thresholds(FullSensor sensor) {
        return Await.get(async.thresholds(sensor));
    }

    public void setThreshold(String name, Threshold threshold, double value) {
        Await.get(async.setThreshold(name, threshold, value));
    }

    public void setThreshold(FullSensor sensor, Threshold threshold, double value) {
        Await.get(async.setThreshold(sensor, threshold, value));
    }
}
