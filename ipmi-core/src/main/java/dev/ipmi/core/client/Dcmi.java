package dev.ipmi.core.client;

import dev.ipmi.core.commands.dcmi.GetDcmiCapabilityInfo;
import dev.ipmi.core.commands.dcmi.GetPowerReading;
import dev.ipmi.core.internal.Futures;

/** DCMI (ipmitool's {@code dcmi}); waits on {@link AsyncDcmi}. */
public final class Dcmi {
    private final AsyncDcmi async;

    Dcmi(AsyncDcmi async) {
        this.async = async;
    }

    public GetDcmiCapabilityInfo.Response capability(int selector) {
        return Futures.await(async.capability(selector));
    }

    public GetDcmiCapabilityInfo.Response capabilities() {
        return Futures.await(async.capabilities());
    }

    public GetPowerReading.Response powerReading() {
        return Futures.await(async.powerReading());
    }
}
