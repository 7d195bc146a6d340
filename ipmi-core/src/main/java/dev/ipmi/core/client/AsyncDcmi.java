package dev.ipmi.core.client;

import dev.ipmi.core.commands.dcmi.DcmiCapabilityParameter;
import dev.ipmi.core.commands.dcmi.GetDcmiCapabilityInfo;
import dev.ipmi.core.commands.dcmi.GetPowerReading;
import java.util.concurrent.CompletableFuture;

/** DCMI (ipmitool's {@code dcmi}), non-blocking. */
public final class AsyncDcmi {
    private final AsyncIpmiClient client;

    AsyncDcmi(AsyncIpmiClient client) {
        this.client = client;
    }

    /** Get DCMI Capability Info for one parameter (1 = supported capabilities, 2 = platform attributes, ...). */
    public CompletableFuture<GetDcmiCapabilityInfo.Response> capability(int selector) {
        return client.execute(new GetDcmiCapabilityInfo.Request(selector));
    }

    /** The supported-capabilities parameter (1). */
    public CompletableFuture<GetDcmiCapabilityInfo.Response> capabilities() {
        return capability(DcmiCapabilityParameter.SUPPORTED_CAPABILITIES);
    }

    /** Get Power Reading, system power statistics (what {@code dcmi power reading} asks). */
    public CompletableFuture<GetPowerReading.Response> powerReading() {
        return client.execute(GetPowerReading.Request.systemPowerStatistics());
    }
}
