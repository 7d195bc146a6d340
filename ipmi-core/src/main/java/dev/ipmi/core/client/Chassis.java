package dev.ipmi.core.client;

import dev.ipmi.core.commands.chassis.BootFlags;
import dev.ipmi.core.commands.chassis.GetChassisStatus;
import dev.ipmi.core.commands.chassis.GetPohCounter;
import dev.ipmi.core.commands.chassis.GetSystemBootOptions;
import dev.ipmi.core.commands.chassis.GetSystemRestartCause;
import dev.ipmi.core.commands.chassis.PowerAction;
import dev.ipmi.core.commands.chassis.PowerRestorePolicy;
import dev.ipmi.core.commands.chassis.SetPowerRestorePolicy;
import java.time.Duration;

/** Chassis commands (ipmitool's {@code chassis} and {@code power}); waits on {@link AsyncChassis}. */
public final class Chassis {
    private final AsyncChassis async;

    Chassis(AsyncChassis async) {
        this.async = async;
    }

    /** Get Chassis Status: power, last power event, faults, identify state, front panel. */
    public GetChassisStatus.Response status() {
        return Await.get(async.status());
    }

    public boolean isPowerOn() {
        return Await.get(async.isPowerOn());
    }

    /** Power action as a task: no-op when the chassis is already on (power up) or off (down / soft). */
    public PowerResult power(PowerAction action) {
        return Await.get(async.power(action));
    }

    /** Chassis Control, sent unconditionally. */
    public void control(PowerAction action) {
        Await.get(async.control(action));
    }

    /** {@link #power(PowerAction)} and poll until the state is reached; see {@link AsyncChassis#powerAndWait}. */
    public GetChassisStatus.Response powerAndWait(PowerAction action, Duration timeout) {
        return Await.get(async.powerAndWait(action, timeout));
    }

    public GetChassisStatus.Response powerAndWait(PowerAction action, Duration timeout, Duration pollInterval) {
        return Await.get(async.powerAndWait(action, timeout, pollInterval));
    }

    /** Identify for the BMC's default interval (15 s). */
    public void identify() {
        Await.get(async.identify());
    }

    /** Identify for {@code seconds}; 0 turns it off. */
    public void identify(int seconds) {
        Await.get(async.identify(seconds));
    }

    /** Identify on until turned off. */
    public void identifyForce() {
        Await.get(async.identifyForce());
    }

    public GetSystemBootOptions.Response bootParameter(int selector) {
        return Await.get(async.bootParameter(selector));
    }

    public BootFlags bootFlags() {
        return Await.get(async.bootFlags());
    }

    /** Writes boot flags with ipmitool's set-in-progress sequence; see {@link AsyncChassis#setBootFlags}. */
    public void setBootFlags(BootFlags flags) {
        Await.get(async.setBootFlags(flags));
    }

    public GetPohCounter.Response powerOnHours() {
        return Await.get(async.powerOnHours());
    }

    public GetSystemRestartCause.Response restartCause() {
        return Await.get(async.restartCause());
    }

    public SetPowerRestorePolicy.Response setPowerRestorePolicy(PowerRestorePolicy policy) {
        return Await.get(async.setPowerRestorePolicy(policy));
    }

    public SetPowerRestorePolicy.Response powerRestorePolicies() {
        return Await.get(async.powerRestorePolicies());
    }
}
