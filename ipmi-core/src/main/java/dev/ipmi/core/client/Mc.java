package dev.ipmi.core.client;

import dev.ipmi.core.commands.app.DevicePowerState;
import dev.ipmi.core.commands.app.GetAcpiPowerState;
import dev.ipmi.core.commands.app.GetDeviceId;
import dev.ipmi.core.commands.app.GetSelfTestResults;
import dev.ipmi.core.commands.app.GetWatchdogTimer;
import dev.ipmi.core.commands.app.SystemPowerState;
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
        return Await.get(async.deviceId());
    }

    /** Get Device ID plus the manufacturer name. */
    public McInfo info() {
        return Await.get(async.info());
    }

    public Guid deviceGuid() {
        return Await.get(async.deviceGuid());
    }

    public Guid systemGuid() {
        return Await.get(async.systemGuid());
    }

    public GetSelfTestResults.Response selfTest() {
        return Await.get(async.selfTest());
    }

    /** Warm or cold reset; see {@link AsyncMc#reset}. */
    public void reset(McReset kind) {
        Await.get(async.reset(kind));
    }

    public GetAcpiPowerState.Response acpiPowerState() {
        return Await.get(async.acpiPowerState());
    }

    public void setAcpiPowerState(Optional<SystemPowerState> system, Optional<DevicePowerState> device) {
        Await.get(async.setAcpiPowerState(system, device));
    }

    public GetWatchdogTimer.Response watchdog() {
        return Await.get(async.watchdog());
    }
}
