package dev.ipmi.core.client;

import dev.ipmi.core.commands.app.GetDeviceId;

/** Management controller commands (ipmitool's {@code mc}). */
public final class Mc {
    private final AsyncMc async;

    Mc(AsyncMc async) {
        this.async = async;
    }

    /** Get Device ID: device and firmware revisions, IPMI version, manufacturer and product. */
    public GetDeviceId.Response deviceId() {
        return Await.get(async.deviceId());
    }
}
