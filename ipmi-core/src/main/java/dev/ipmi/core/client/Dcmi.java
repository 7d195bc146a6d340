package dev.ipmi.core.client;

import dev.ipmi.core.commands.dcmi.GetDcmiCapabilityInfo;
import dev.ipmi.core.commands.dcmi.GetPowerReading;

/** DCMI (ipmitool's {@code dcmi}); waits on {@link AsyncDcmi}. */
public final class Dcmi {
    private final AsyncDcmi async;

    Dcmi(AsyncDcmi async) {
        this.async = async;
    }

    public GetDcmiCapabilityInfo.Response capability(int selector) {
        return Await.get(async.capability(selector));
    }

    public GetDcmiCapabilityInfo.Response capabilities() {
        return Await.get(async.capabilities());
    }

    public GetPowerReading.Response powerReading() {
        return Await.get(async.powerReading());
    }
}
