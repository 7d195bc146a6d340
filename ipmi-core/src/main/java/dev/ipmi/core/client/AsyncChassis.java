package dev.ipmi.core.client;

import dev.ipmi.core.CompletionCodeException;
import dev.ipmi.core.IpmiTimeoutException;
import dev.ipmi.core.commands.chassis.BootFlags;
import dev.ipmi.core.commands.chassis.BootOptionParameter;
import dev.ipmi.core.commands.chassis.ChassisControl;
import dev.ipmi.core.commands.chassis.ChassisIdentify;
import dev.ipmi.core.commands.chassis.GetChassisStatus;
import dev.ipmi.core.commands.chassis.GetPohCounter;
import dev.ipmi.core.commands.chassis.GetSystemBootOptions;
import dev.ipmi.core.commands.chassis.GetSystemRestartCause;
import dev.ipmi.core.commands.chassis.PowerAction;
import dev.ipmi.core.commands.chassis.PowerRestorePolicy;
import dev.ipmi.core.commands.chassis.SetPowerRestorePolicy;
import dev.ipmi.core.commands.chassis.SetSystemBootOptions;
import dev.ipmi.core.internal.Futures;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Chassis commands (ipmitool's {@code chassis} and {@code power}), non-blocking. */
public final class AsyncChassis {
    /** How often {@link #powerAndWait(PowerAction, Duration)} reads the power state. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);

    private final AsyncIpmiClient client;

    AsyncChassis(AsyncIpmiClient client) {
        this.client = client;
    }

    /** Get Chassis Status. */
    public CompletableFuture<GetChassisStatus.Response> status() {
        return client.execute(new GetChassisStatus.Request());
    }

    /** Whether the chassis power is on (ipmitool's {@code power status}). */
    public CompletableFuture<Boolean> isPowerOn() {
        return status().thenApply(GetChassisStatus.Response::powerOn);
    }

    /**
     * Chassis Control, as a task: power up when already on, and power down or soft off when already
     * off, send nothing (pyghmi's behaviour). Cycle, reset and diagnostic interrupt are always sent.
     */
    public CompletableFuture<PowerResult> power(PowerAction action) {
        Objects.requireNonNull(action, "action");
        return isPowerOn().thenCompose(on -> {
            if (alreadyThere(action, on)) {
                return CompletableFuture.completedFuture(new PowerResult(action, on, false));
            }
            return control(action).thenApply(r -> new PowerResult(action, on, true));
        });
    }

    /** Chassis Control, sent unconditionally (ipmitool's {@code power on|off|...}). */
    public CompletableFuture<ChassisControl.Response> control(PowerAction action) {
        return client.execute(new ChassisControl.Request(action));
    }

    /**
     * {@link #power(PowerAction)}, then reads the power state every {@link #DEFAULT_POLL_INTERVAL}
     * until it is on (power up) or off (power down, soft off). Cycle, hard reset and diagnostic
     * interrupt have no end state to wait for: the future completes once the command is accepted.
     * Completes with the last status read, or fails with {@link IpmiTimeoutException} when the state
     * is not reached within {@code timeout}.
     */
    public CompletableFuture<GetChassisStatus.Response> powerAndWait(PowerAction action, Duration timeout) {
        return powerAndWait(action, timeout, DEFAULT_POLL_INTERVAL);
    }

    /** Like {@link #powerAndWait(PowerAction, Duration)} with an explicit poll interval. */
    public CompletableFuture<GetChassisStatus.Response> powerAndWait(PowerAction action, Duration timeout,
                                                                     Duration pollInterval) {
        Objects.requireNonNull(timeout, "timeout");
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("poll interval must be positive: " + pollInterval);
        }
        Boolean target = targetState(action);
        return power(action).thenCompose(r -> {
            if (target == null) {
                return status();
            }
            return poll(target, timeout, pollInterval, Duration.ZERO, 1);
        });
    }

    /*
     * Time is counted as the sum of the scheduled delays, not read from a clock, so the wait is
     * deterministic under a fake scheduler; a slow BMC only makes the real wait longer.
     */
    private CompletableFuture<GetChassisStatus.Response> poll(boolean target, Duration timeout, Duration interval,
                                                              Duration waited, int polls) {
        return status().thenCompose(s -> {
            if (s.powerOn() == target) {
                return CompletableFuture.completedFuture(s);
            }
            if (waited.compareTo(timeout) >= 0) {
                return CompletableFuture.failedFuture(new IpmiTimeoutException(
                        "chassis power " + (target ? "on" : "off"), polls, waited));
            }
            Duration delay = interval.compareTo(timeout.minus(waited)) > 0 ? timeout.minus(waited) : interval;
            CompletableFuture<GetChassisStatus.Response> next = new CompletableFuture<>();
            client.scheduler().schedule(() -> poll(target, timeout, interval, waited.plus(delay), polls + 1)
                    .whenComplete((v, e) -> {
                        if (e != null) {
                            next.completeExceptionally(e);
                        } else {
                            next.complete(v);
                        }
                    }), delay.toNanos(), TimeUnit.NANOSECONDS);
            return next;
        });
    }

    private static boolean alreadyThere(PowerAction action, boolean on) {
        Boolean target = targetState(action);
        return target != null && target == on;
    }

    /** The power state an action ends in, or null when it has none to wait for. */
    private static Boolean targetState(PowerAction action) {
        if (action.equals(PowerAction.POWER_UP)) {
            return Boolean.TRUE;
        }
        if (action.equals(PowerAction.POWER_DOWN) || action.equals(PowerAction.SOFT_SHUTDOWN)) {
            return Boolean.FALSE;
        }
        return null;
    }

    /** Chassis Identify with the BMC's default interval (15 s). */
    public CompletableFuture<ChassisIdentify.Response> identify() {
        return client.execute(ChassisIdentify.Request.defaultInterval());
    }

    /** Chassis Identify for {@code seconds} (0 turns it off). */
    public CompletableFuture<ChassisIdentify.Response> identify(int seconds) {
        return client.execute(ChassisIdentify.Request.seconds(seconds));
    }

    /** Chassis Identify on until turned off. */
    public CompletableFuture<ChassisIdentify.Response> identifyForce() {
        return client.execute(ChassisIdentify.Request.force());
    }

    /** Get System Boot Options for any parameter (ipmitool's {@code chassis bootparam get N}). */
    public CompletableFuture<GetSystemBootOptions.Response> bootParameter(int selector) {
        return client.execute(GetSystemBootOptions.Request.of(selector));
    }

    /** The boot flags (parameter 5). A flag set the BIOS will not act on has {@code valid() == false}. */
    public CompletableFuture<BootFlags> bootFlags() {
        return bootParameter(BootOptionParameter.BOOT_FLAGS).thenApply(r -> {
            if (r.parameter() instanceof BootFlags f) {
                return f;
            }
            throw new IllegalStateException("parameter 5 decoded as " + r.parameter());
        });
    }

    /**
     * Writes boot flags with ipmitool 1.8.19's sequence (see
     * {@link SetSystemBootOptions#ipmitoolSequence}): set in progress, boot info acknowledge, the
     * flags (valid bit set), commit write, set complete. When the BMC rejects set-in-progress
     * (the parameter is optional) the flags are still written, without the commit steps. When a
     * later step fails after set-in-progress was accepted, set complete is sent before the failure
     * is reported, so the parameters are not left locked.
     */
    public CompletableFuture<Void> setBootFlags(BootFlags flags) {
        List<SetSystemBootOptions.Request> seq = SetSystemBootOptions.ipmitoolSequence(flags);
        return client.execute(seq.get(0)).handle((r, e) -> e == null).thenCompose(inProgress -> {
            CompletableFuture<?> body = client.execute(seq.get(1)).thenCompose(r -> client.execute(seq.get(2)));
            if (!inProgress) {
                return body.thenApply(r -> (Void) null);
            }
            return body.handle((r, e) -> e).thenCompose(failure -> {
                if (failure != null) {
                    return client.execute(seq.get(4)).handle((r, e) -> (Void) null)
                            .thenCompose(v -> CompletableFuture.<Void>failedFuture(Futures.unwrap(failure)));
                }
                return client.execute(seq.get(3)).thenCompose(r -> client.execute(seq.get(4)))
                        .thenApply(r -> (Void) null);
            });
        });
    }

    /** Get POH Counter. */
    public CompletableFuture<GetPohCounter.Response> powerOnHours() {
        return client.execute(new GetPohCounter.Request());
    }

    /** Get System Restart Cause. */
    public CompletableFuture<GetSystemRestartCause.Response> restartCause() {
        return client.execute(new GetSystemRestartCause.Request());
    }

    /** Set Power Restore Policy; completes with the policies the BMC supports. */
    public CompletableFuture<SetPowerRestorePolicy.Response> setPowerRestorePolicy(PowerRestorePolicy policy) {
        return client.execute(new SetPowerRestorePolicy.Request(policy));
    }

    /** The supported power restore policies (Set Power Restore Policy with "no change"). */
    public CompletableFuture<SetPowerRestorePolicy.Response> powerRestorePolicies() {
        return client.execute(SetPowerRestorePolicy.Request.query());
    }

    static boolean isCompletionCode(Throwable e, int code) {
        return Futures.unwrap(e) instanceof CompletionCodeException c && c.code().code() == code;
    }
}
