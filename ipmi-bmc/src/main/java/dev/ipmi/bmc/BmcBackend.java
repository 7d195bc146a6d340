package dev.ipmi.bmc;

import dev.ipmi.core.commands.app.GetDeviceId;
import dev.ipmi.core.commands.chassis.BootFlags;
import dev.ipmi.core.commands.chassis.PowerAction;
import dev.ipmi.core.commands.sensor.GetSensorReading;
import dev.ipmi.core.commands.sensor.GetSensorThresholds;
import dev.ipmi.core.commands.transport.LanParameter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What a virtual BMC manages: the machine behind it. The dispatcher turns IPMI requests into these
 * calls, all on the server's I/O thread, so implementations must answer quickly and never block
 * for long (run slow actions in the background and report the last known state, or finish them
 * through {@link #powerAsync} and {@link #setBootFlagsAsync}).
 *
 * <p>Optional features return {@link Optional#empty()} (the BMC then answers "not present" or
 * "invalid command").
 */
public interface BmcBackend {
    /** Current chassis power state. */
    boolean powerOn();

    /**
     * Performs a Chassis Control action. Returns false if the action is not supported (the BMC then
     * answers CCh "invalid data field").
     */
    boolean power(PowerAction action);

    /**
     * {@link #power} finished later: a backend whose actions run an outside command overrides this so the
     * server's I/O thread answers other requests (and other BMCs) meanwhile; the reply goes out when the
     * stage completes. A stage failing with {@link BmcBackendException} answers its completion code. The
     * default runs {@link #power} at once.
     */
    default CompletionStage<Boolean> powerAsync(PowerAction action) {
        try {
            return CompletableFuture.completedFuture(power(action));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Boot flags (boot option parameter 5). */
    BootFlags bootFlags();

    void setBootFlags(BootFlags flags);

    /** {@link #setBootFlags} finished later, as {@link #powerAsync}; the default runs it at once. */
    default CompletionStage<Void> setBootFlagsAsync(BootFlags flags) {
        try {
            setBootFlags(flags);
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    GetDeviceId.Response deviceId();

    /** The 16-byte system GUID, as it goes on the wire. */
    byte[] systemGuid();

    /** Complete SDR records (header included), in repository order; record IDs are taken from their first two bytes. */
    List<byte[]> sdrs();

    Optional<GetSensorReading.Response> sensorReading(int sensorNumber);

    Optional<GetSensorThresholds.Response> sensorThresholds(int sensorNumber);

    /** 16-byte SEL records, oldest first. */
    List<byte[]> selEntries();

    void clearSel();

    /** SEL clock, seconds since 1970. */
    long selTime();

    /** FRU inventory area of a FRU device, if present. */
    Optional<byte[]> fru(int fruId);

    /**
     * LAN configuration parameter {@code selector} (IPMI v2.0 table 23-4), if supported. Parameters 1, 2
     * and 22-24 (auth types, cipher suites) come from the BMC's configuration and are not asked for.
     */
    default Optional<LanParameter> lanParameter(int selector) {
        return Optional.empty();
    }

    /** DCMI power reading, if the machine measures power. */
    default Optional<PowerReading> powerReading() {
        return Optional.empty();
    }

    /** The serial console behind SOL, if any. */
    default Optional<SolConsole> solConsole() {
        return Optional.empty();
    }

    /** DCMI Get Power Reading values in watts (DCMI v1.5 table 6-16). */
    record PowerReading(int current, int minimum, int maximum, int average, long timestamp, long periodMillis) {}
}
