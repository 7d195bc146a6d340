package dev.ipmi.core.sdr;

import dev.ipmi.core.commands.sensor.GetSensorReading;
import dev.ipmi.core.commands.sensor.GetSensorReadingFactors;
import dev.ipmi.core.commands.sensor.GetSensorThresholds;
import dev.ipmi.core.commands.sensor.SetSensorThresholds;
import dev.ipmi.core.internal.AsyncLoop;
import dev.ipmi.core.sdr.SdrRecord.FullSensor;
import dev.ipmi.core.sdr.SdrRecord.SensorRecord;
import dev.ipmi.core.spi.IpmiTransport;
import dev.ipmi.core.client.RequestTarget;
import dev.ipmi.core.types.CompletionCode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;

/**
 * Reads sensors described by SDRs — IPMI v2.0 §35. Requests go to the sensor's owner LUN (and
 * are bridged when the owner is not the BMC). Non-linear sensors (linearization 70h–7Fh) get their
 * factors for the current raw value with Get Sensor Reading Factors. Completion codes that mean
 * "no such sensor" (CBh, CDh, D3h and, on some boards, FFh) become {@link SensorReading.NotPresent};
 * anything else fails the future.
 */
public final class SensorReader {
    private final IpmiTransport transport;

    public SensorReader(IpmiTransport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    /** Where to send requests for this sensor. */
    public static RequestTarget target(SensorRecord s) {
        int owner = s.key().ownerId();
        if (owner == 0x20 || (owner & 0x01) != 0) {
            return RequestTarget.bmcLun(s.key().ownerLun());
        }
        return new RequestTarget(owner, s.key().channel(), s.key().ownerLun());
    }

    static boolean notPresent(int cc) {
        return cc == CompletionCode.NOT_PRESENT.code() || cc == CompletionCode.ILLEGAL_FOR_TYPE.code()
                || cc == CompletionCode.DESTINATION_UNAVAILABLE.code() || cc == CompletionCode.UNSPECIFIED.code();
    }

    /** Reads one sensor. Event-only records have nothing to read and give {@link SensorReading.NotPresent}. */
    public CompletableFuture<SensorReading> read(SensorRecord sensor) {
        if (sensor instanceof SdrRecord.EventOnly) {
            return CompletableFuture.completedFuture(new SensorReading.NotPresent(sensor,
                    CompletionCode.ILLEGAL_FOR_TYPE));
        }
        RequestTarget target = target(sensor);
        return AsyncLoop.attempt(() -> transport.send(target, new GetSensorReading.Request(sensor.key().sensorNumber())))
                .thenCompose(o -> {
                    if (!o.ok()) {
                        if (notPresent(o.completionCode())) {
                            return CompletableFuture.completedFuture(new SensorReading.NotPresent(sensor,
                                    CompletionCode.valueOf(o.completionCode())));
                        }
                        return CompletableFuture.failedFuture(o.failure());
                    }
                    GetSensorReading.Response r = o.value();
                    if (sensor instanceof FullSensor f && f.linearization() == Linearization.NON_LINEAR
                            && f.units().analogFormat() != AnalogFormat.NONE && r.scanningEnabled()
                            && !r.readingUnavailable()) {
                        return transport.send(target, new GetSensorReadingFactors.Request(
                                        sensor.key().sensorNumber(), r.raw()))
                                .thenApply(fr -> SensorReading.of(sensor, r, f.conversion().withFactors(fr.factors())));
                    }
                    return CompletableFuture.completedFuture(SensorReading.of(sensor, r));
                });
    }

    /** Reads sensors one after another (BMCs dislike bursts), in the given order. */
    public CompletableFuture<List<SensorReading>> readAll(Collection<? extends SensorRecord> sensors) {
        CompletableFuture<List<SensorReading>> chain = CompletableFuture.completedFuture(new ArrayList<>());
        for (SensorRecord s : sensors) {
            chain = chain.thenCompose(list -> read(s).thenApply(r -> {
                list.add(r);
                return list;
            }));
        }
        return chain.thenApply(List::copyOf);
    }

    /**
     * Thresholds converted to the sensor's units.
     *
     * @param raw the Get Sensor Thresholds answer the values come from
     */
    public record Thresholds(GetSensorThresholds.Response raw, OptionalDouble lnr, OptionalDouble lcr,
                             OptionalDouble lnc, OptionalDouble unc, OptionalDouble ucr, OptionalDouble unr) {}

    /** Get Sensor Thresholds, converted with the record's factors; unreadable ones are empty. */
    public CompletableFuture<Thresholds> thresholds(FullSensor sensor) {
        return transport.send(target(sensor), new GetSensorThresholds.Request(sensor.key().sensorNumber()))
                .thenApply(t -> {
                    SensorConversion c = sensor.conversion();
                    return new Thresholds(t, value(c, t, GetSensorThresholds.LNR, t.lnr()),
                            value(c, t, GetSensorThresholds.LCR, t.lcr()), value(c, t, GetSensorThresholds.LNC, t.lnc()),
                            value(c, t, GetSensorThresholds.UNC, t.unc()), value(c, t, GetSensorThresholds.UCR, t.ucr()),
                            value(c, t, GetSensorThresholds.UNR, t.unr()));
                });
    }

    private static OptionalDouble value(SensorConversion c, GetSensorThresholds.Response t, int bit, int raw) {
        return t.readable(bit) && c.isNumeric() ? OptionalDouble.of(c.convert(raw)) : OptionalDouble.empty();
    }

    /**
     * Sets one threshold to the raw value nearest {@code value} (like {@code ipmitool sensor thresh
     * <name> <threshold> <value>}).
     *
     * @param threshold one of {@link GetSensorThresholds#LNC} … {@link GetSensorThresholds#UNR}
     * @throws IllegalArgumentException when the record says the threshold is not settable
     */
    public CompletableFuture<Void> setThreshold(FullSensor sensor, int threshold, double value) {
        if (Integer.bitCount(threshold) != 1 || (threshold & ~0x3F) != 0) {
            throw new IllegalArgumentException("pick exactly one threshold bit: " + threshold);
        }
        if ((sensor.settableThresholds() & threshold) == 0) {
            throw new IllegalArgumentException("threshold " + threshold + " of " + sensor.name() + " is not settable");
        }
        int raw = sensor.conversion().toRaw(value);
        int[] v = new int[6];
        v[Integer.numberOfTrailingZeros(threshold)] = raw;
        return transport.send(target(sensor), new SetSensorThresholds.Request(sensor.key().sensorNumber(), threshold,
                v[0], v[1], v[2], v[3], v[4], v[5])).thenApply(r -> (Void) null);
    }
}
