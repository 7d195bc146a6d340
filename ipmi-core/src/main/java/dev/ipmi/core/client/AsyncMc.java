package dev.ipmi.core.client;

import dev.ipmi.core.commands.app.GetDeviceId;
import java.util.concurrent.CompletableFuture;

/** Management controller commands (ipmitool's {@code mc}), non-blocking. */
public final class AsyncMc {
    private final AsyncIpmiClient client;

    AsyncMc(AsyncIpmiClient client) {
        this.client = client;
    }

    /** Get Device ID. */
    public CompletableFuture<GetDeviceId.Response> deviceId() {
        return client.execute(new GetDeviceId.Request());
    }
}
