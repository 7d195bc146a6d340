package dev.ipmi.gateway.exporter;

import dev.ipmi.bmc.ForwardingBmcBackend;
import dev.ipmi.bmc.InMemoryBackend;
import dev.ipmi.core.commands.sensor.GetSensorReading;
import java.util.Optional;

/**
 * A virtual BMC machine whose sensor readings take {@code delayMillis} each: the server answers on
 * its one I/O thread, so the delay holds up every later request to that server, like a slow BMC.
 */
final class SlowBackend extends ForwardingBmcBackend {
    private final long delayMillis;

    SlowBackend(long delayMillis) {
        super(InMemoryBackend.builder().poweredOn(true).build());
        this.delayMillis = delayMillis;
    }

    @Override
    public Optional<GetSensorReading.Response> sensorReading(int sensorNumber) {
        try {
            Thread.sleep(delayMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return delegate.sensorReading(sensorNumber);
    }
}
