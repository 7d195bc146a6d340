package dev.ipmi.core.client;

import dev.ipmi.core.commands.app.DevicePowerState;
import dev.ipmi.core.commands.app.GetAcpiPowerState;
import dev.ipmi.core.commands.app.GetDeviceId;
import dev.ipmi.core.commands.app.GetSelfTestResults;
import dev.ipmi.core.commands.app.GetWatchdogTimer;
import dev.ipmi.core.commands.app.SystemPowerState;
import dev.ipmi.core.internal.Futures;
import dev.ipmi.core.types.Guid;
import java.util.Optional;

/** Management controller commands (ipmitool's {@code mc}); waits on {@link AsyncMc}. */
public final class Mc {
    private final AsyncMc async;

    Mc(AsyncMc async) {
        this.async = async;
    }

    /** Get Device ID: device and firmware revisions, IPMI version, manufacturer and product. */
    public GetDeviceId.Response deviceId() {
        return Futures.await(async.deviceId());
    }

    /** Get Device ID plus the manufacturer name. */
    public McInfo info() {
        return Futures.await(async.info());
    }

    public Guid deviceGuid() {
        return Futures.await(async.deviceGuid());
    }

    public Guid systemGuid() {
        return Futures.await(async.systemGuid());
    }

    public GetSelfTestResults.Response selfTest() {
        return Futures.await(async.selfTest());
    }

    /** Warm or cold reset; see {@link AsyncMc#reset}. */
    public void reset(McReset kind) {
        Futures.await(async.reset(kind));
    }

    public GetAcpiPowerState.Response acpiPowerState() {
        return Futures.await(async.acpiPowerState());
    }

    public void setAcpiPowerState(Optional<SystemPowerState> system, Optional<DevicePowerState> device) {
        Futures.await(async.setAcpiPowerState(system, device));
    }

    public GetWatchdogTimer.Response watchdog() {
        return Futures.await(async.watchdog());
    }
}
