package dev.ipmi.gateway.exporter;

import dev.ipmi.core.commands.app.GetDeviceId;
import dev.ipmi.core.commands.chassis.BootFlags;
import dev.ipmi.core.commands.chassis.PowerAction;
import dev.ipmi.core.commands.sensor.GetSensorReading;
import dev.ipmi.core.commands.sensor.GetSensorThresholds;
import dev.ipmi.core.commands.transport.LanParameter;
import dev.ipmi.bmc.BmcBackend;
import dev.ipmi.bmc.InMemoryBackend;
import dev.ipmi.bmc.SolConsole;
import java.util.List;
import java.util.Optional;

/**
 * A virtual BMC machine whose sensor readings take {@code delayMillis} each: the server answers on
 * its one I/O thread, so the delay holds up every later request to that server, like a slow BMC.
 */
final class SlowBackend implements BmcBackend {
    private final InMemoryBackend inner = InMemoryBackend.builder().poweredOn(true).build();
    private final long delayMillis;

    SlowBackend(long delayMillis) {
        this.delayMillis = delayMillis;
    }

    @Override
    public Optional<GetSensorReading.Response> sensorReading(int sensorNumber) {
        try {
            Thread.sleep(delayMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return inner.sensorReading(sensorNumber);
    }

    @Override
    public boolean powerOn() {
        return inner.powerOn();
    }

    @Override
    public boolean power(PowerAction action) {
        return inner.power(action);
    }

    @Override
    public BootFlags bootFlags() {
        return inner.bootFlags();
    }

    @Override
    public void setBootFlags(BootFlags flags) {
        inner.setBootFlags(flags);
    }

    @Override
    public GetDeviceId.Response deviceId() {
        return inner.deviceId();
    }

    @Override
    public byte[] systemGuid() {
        return inner.systemGuid();
    }

    @Override
    public List<byte[]> sdrs() {
        return inner.sdrs();
    }

    @Override
    public Optional<GetSensorThresholds.Response> sensorThresholds(int sensorNumber) {
        return inner.sensorThresholds(sensorNumber);
    }

    @Override
    public List<byte[]> selEntries() {
        return inner.selEntries();
    }

    @Override
    public void clearSel() {
        inner.clearSel();
    }

    @Override
    public long selTime() {
        return inner.selTime();
    }

    @Override
    public Optional<byte[]> fru(int fruId) {
        return inner.fru(fruId);
    }

    @Override
    public Optional<LanParameter> lanParameter(int parameter) {
        return inner.lanParameter(parameter);
    }

    @Override
    public Optional<PowerReading> powerReading() {
        return inner.powerReading();
    }

    @Override
    public Optional<SolConsole> solConsole() {
        return inner.solConsole();
    }
}
