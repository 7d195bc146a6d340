package dev.ipmi.bmc;

import dev.ipmi.core.commands.app.GetDeviceId;
import dev.ipmi.core.commands.chassis.BootFlags;
import dev.ipmi.core.commands.chassis.PowerAction;
import dev.ipmi.core.commands.sensor.GetSensorReading;
import dev.ipmi.core.commands.sensor.GetSensorThresholds;
import dev.ipmi.core.commands.transport.LanParameter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A backend that passes every call to another one; subclasses override what they take over (power
 * through shell commands or command templates, say) and leave sensors, SEL, FRU and the rest to the
 * delegate.
 */
public abstract class ForwardingBmcBackend implements BmcBackend {
    /** The backend every call not overridden goes to. */
    protected final BmcBackend delegate;

    protected ForwardingBmcBackend(BmcBackend delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public boolean powerOn() {
        return delegate.powerOn();
    }

    @Override
    public boolean power(PowerAction action) {
        return delegate.power(action);
    }

    @Override
    public BootFlags bootFlags() {
        return delegate.bootFlags();
    }

    @Override
    public void setBootFlags(BootFlags flags) {
        delegate.setBootFlags(flags);
    }

    @Override
    public GetDeviceId.Response deviceId() {
        return delegate.deviceId();
    }

    @Override
    public byte[] systemGuid() {
        return delegate.systemGuid();
    }

    @Override
    public List<byte[]> sdrs() {
        return delegate.sdrs();
    }

    @Override
    public Optional<GetSensorReading.Response> sensorReading(int sensorNumber) {
        return delegate.sensorReading(sensorNumber);
    }

    @Override
    public Optional<GetSensorThresholds.Response> sensorThresholds(int sensorNumber) {
        return delegate.sensorThresholds(sensorNumber);
    }

    @Override
    public List<byte[]> selEntries() {
        return delegate.selEntries();
    }

    @Override
    public void clearSel() {
        delegate.clearSel();
    }

    @Override
    public long selTime() {
        return delegate.selTime();
    }

    @Override
    public Optional<byte[]> fru(int fruId) {
        return delegate.fru(fruId);
    }

    @Override
    public Optional<LanParameter> lanParameter(int selector) {
        return delegate.lanParameter(selector);
    }

    @Override
    public Optional<PowerReading> powerReading() {
        return delegate.powerReading();
    }

    @Override
    public Optional<SolConsole> solConsole() {
        return delegate.solConsole();
    }
}
