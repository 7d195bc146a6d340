package dev.ipmi.core.client;

import dev.ipmi.core.commands.chassis.BootFlags;
import dev.ipmi.core.commands.chassis.GetChassisStatus;
import dev.ipmi.core.commands.chassis.GetPohCounter;
import dev.ipmi.core.commands.chassis.GetSystemBootOptions;
import dev.ipmi.core.commands.chassis.GetSystemRestartCause;
import dev.ipmi.core.commands.chassis.PowerAction;
import dev.ipmi.core.commands.chassis.PowerRestorePolicy;
import dev.ipmi.core.commands.chassis.SetPowerRestorePolicy;
import dev.ipmi.core.internal.Futures;
import java.time.Duration;

/** Chassis commands (ipmitool's {@code chassis} and {@code power}); waits on {@link AsyncChassis}. */
public final class Chassis {
    private final AsyncChassis async;

    Chassis(AsyncChassis async) {
        this.async = async;
    }

    /** Get Chassis Status: power, last power event, faults, identify state, front panel. */
    public GetChassisStatus.Response status() {
        return Futures.await(async.status());
    }

    public boolean isPowerOn() {
        return Futures.await(async.isPowerOn());
    }

    /** Power action as a task: no-op when the chassis is already on (power up) or off (down / soft). */
    public PowerResult power(PowerAction action) {
        return Futures.await(async.power(action));
    }

    /** Chassis Control, sent unconditionally. */
    public void control(PowerAction action) {
        Futures.await(async.control(action));
    }

    /** {@link #power(PowerAction)} and poll until the state is reached; see {@link AsyncChassis#powerAndWait}. */
    public GetChassisStatus.Response powerAndWait(PowerAction action, Duration timeout) {
        return Futures.await(async.powerAndWait(action, timeout));
    }

    public GetChassisStatus.Response powerAndWait(PowerAction action, Duration timeout, Duration pollInterval) {
        return Futures.await(async.powerAndWait(action, timeout, pollInterval));
    }

    /** Identify for the BMC's default interval (15 s). */
    public void identify() {
        Futures.await(async.identify());
    }

    /** Identify for {@code seconds}; 0 turns it off. */
    public void identify(int seconds) {
        Futures.await(async.identify(seconds));
    }

    /** Identify on until turned off. */
    public void identifyForce() {
        Futures.await(async.identifyForce());
    }

    public GetSystemBootOptions.Response bootParameter(int selector) {
        return Futures.await(async.bootParameter(selector));
    }

    public BootFlags bootFlags() {
        return Futures.await(async.bootFlags());
    }

    /** Writes boot flags with ipmitool's set-in-progress sequence; see {@link AsyncChassis#setBootFlags}. */
    public void setBootFlags(BootFlags flags) {
        Futures.await(async.setBootFlags(flags));
    }

    public GetPohCounter.Response powerOnHours() {
        return Futures.await(async.powerOnHours());
    }

    public GetSystemRestartCause.Response restartCause() {
        return Futures.await(async.restartCause());
    }

    public SetPowerRestorePolicy.Response setPowerRestorePolicy(PowerRestorePolicy policy) {
        return Futures.await(async.setPowerRestorePolicy(policy));
    }

    public SetPowerRestorePolicy.Response powerRestorePolicies() {
        return Futures.await(async.powerRestorePolicies());
    }
}
