package dev.ipmi.core.client;

import dev.ipmi.core.commands.app.ColdReset;
import dev.ipmi.core.commands.app.DevicePowerState;
import dev.ipmi.core.commands.app.GetAcpiPowerState;
import dev.ipmi.core.commands.app.GetDeviceGuid;
import dev.ipmi.core.commands.app.GetDeviceId;
import dev.ipmi.core.commands.app.GetSelfTestResults;
import dev.ipmi.core.commands.app.GetSystemGuid;
import dev.ipmi.core.commands.app.GetWatchdogTimer;
import dev.ipmi.core.commands.app.ManufacturerNames;
import dev.ipmi.core.commands.app.SetAcpiPowerState;
import dev.ipmi.core.commands.app.SystemPowerState;
import dev.ipmi.core.commands.app.WarmReset;
import dev.ipmi.core.types.Guid;
import java.util.Objects;
import java.util.Optional;
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

    /** Get Device ID plus the manufacturer name for its IANA number. */
    public CompletableFuture<McInfo> info() {
        return deviceId().thenApply(d -> new McInfo(d, ManufacturerNames.nameOrUnknown(d.manufacturerId())));
    }

    /** Get Device GUID. */
    public CompletableFuture<Guid> deviceGuid() {
        return client.execute(new GetDeviceGuid.Request()).thenApply(GetDeviceGuid.Response::guid);
    }

    /** Get System GUID (what ipmitool's {@code mc guid} prints). */
    public CompletableFuture<Guid> systemGuid() {
        return client.execute(new GetSystemGuid.Request()).thenApply(GetSystemGuid.Response::guid);
    }

    /** Get Self Test Results. */
    public CompletableFuture<GetSelfTestResults.Response> selfTest() {
        return client.execute(new GetSelfTestResults.Request());
    }

    /**
     * Warm or cold reset. Many BMCs reset before answering, so a timeout after the request went out
     * is expected; callers that need certainty should reconnect and read the device ID.
     */
    public CompletableFuture<Void> reset(McReset kind) {
        Objects.requireNonNull(kind, "kind");
        return switch (kind) {
            case WARM -> client.execute(new WarmReset.Request()).thenApply(r -> (Void) null);
            case COLD -> client.execute(new ColdReset.Request()).thenApply(r -> (Void) null);
        };
    }

    /** Get ACPI Power State. */
    public CompletableFuture<GetAcpiPowerState.Response> acpiPowerState() {
        return client.execute(new GetAcpiPowerState.Request());
    }

    /** Set ACPI Power State; an empty value leaves that state unchanged. */
    public CompletableFuture<Void> setAcpiPowerState(Optional<SystemPowerState> system,
                                                     Optional<DevicePowerState> device) {
        return client.execute(new SetAcpiPowerState.Request(system, device)).thenApply(r -> (Void) null);
    }

    /** Get Watchdog Timer. */
    public CompletableFuture<GetWatchdogTimer.Response> watchdog() {
        return client.execute(new GetWatchdogTimer.Request());
    }
}
