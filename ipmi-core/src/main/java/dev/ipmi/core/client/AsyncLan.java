package dev.ipmi.core.client;

import dev.ipmi.core.CompletionCodeException;
import dev.ipmi.core.IpmiException;
import dev.ipmi.core.RawRequest;
import dev.ipmi.core.commands.transport.GetLanConfigurationParameters;
import dev.ipmi.core.commands.transport.IpSource;
import dev.ipmi.core.commands.transport.LanConfig;
import dev.ipmi.core.commands.transport.LanParameter;
import dev.ipmi.core.commands.transport.SetLanConfigurationParameters;
import dev.ipmi.core.internal.Futures;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.types.SetInProgressState;
import dev.ipmi.core.wire.ByteWriter;
import java.net.Inet4Address;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * LAN configuration (ipmitool's {@code lan print} / {@code lan set}), non-blocking.
 *
 * <p>Every setter follows ipmitool 1.8.19's protocol: read parameter 0 and, unless it already says
 * "set in progress", write it and read it again (at most 3 writes; a BMC without parameter 0 skips
 * the lock); write the parameter, retrying while the BMC answers CCh (10 retries, as ipmitool,
 * which has seen BMCs answer it transiently) and accepting FFh; read it back until it matches (10
 * retries); finally commit write and set complete, ignoring their failures.
 */
public final class AsyncLan {
    /** Delay between the retries of a transient CCh and of the read-back check. */
    public static final Duration RETRY_DELAY = Duration.ofSeconds(1);
    static final int LOCK_ATTEMPTS = 3;
    static final int WRITE_RETRIES = 10;
    static final int VERIFY_RETRIES = 10;

    private static final int NOT_SUPPORTED = 0x80;
    private static final int INVALID_DATA_FIELD = 0xCC;
    private static final int UNSPECIFIED = 0xFF;

    private final AsyncIpmiClient client;

    AsyncLan(AsyncIpmiClient client) {
        this.client = client;
    }

    /** One parameter; empty when the BMC does not support it (completion code 80h). */
    public CompletableFuture<Optional<LanParameter>> parameter(int channel, int selector) {
        return client.execute(GetLanConfigurationParameters.Request.of(channel, selector))
                .thenApply(GetLanConfigurationParameters.Response::parameter)
                .exceptionallyCompose(e -> AsyncChassis.isCompletionCode(e, NOT_SUPPORTED)
                        ? CompletableFuture.completedFuture(Optional.empty())
                        : CompletableFuture.failedFuture(Futures.unwrap(e)));
    }

    /**
     * The common parameters of a channel, read one after another in {@code lan print} order. As with
     * ipmitool, a parameter the BMC refuses with any completion code is left out rather than failing
     * the whole read; transport failures still fail it.
     */
    public CompletableFuture<LanConfig> config(int channel) {
        List<LanParameter> got = new ArrayList<>();
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (int selector : LanConfig.SELECTORS) {
            chain = chain.thenCompose(v -> client.execute(GetLanConfigurationParameters.Request.of(channel, selector))
                    .handle((r, e) -> {
                        if (e == null) {
                            r.parameter().ifPresent(got::add);
                            return null;
                        }
                        if (Futures.unwrap(e) instanceof CompletionCodeException) {
                            return null;
                        }
                        throw Futures.rethrow(e);
                    }));
        }
        return chain.thenApply(v -> LanConfig.from(got));
    }

    public CompletableFuture<Void> setIpAddress(int channel, Inet4Address address) {
        return set(channel, new LanParameter.IpAddress(address));
    }

    public CompletableFuture<Void> setSubnetMask(int channel, Inet4Address mask) {
        return set(channel, new LanParameter.SubnetMask(mask));
    }

    public CompletableFuture<Void> setDefaultGateway(int channel, Inet4Address address) {
        return set(channel, new LanParameter.DefaultGatewayIp(address));
    }

    public CompletableFuture<Void> setIpSource(int channel, IpSource source) {
        return set(channel, new LanParameter.IpAddressSource(source));
    }

    /** VLAN ID 1..4094, enabled. */
    public CompletableFuture<Void> setVlanId(int channel, int vlanId) {
        return set(channel, SetLanConfigurationParameters.setVlanId(channel, vlanId).get(1).parameter());
    }

    public CompletableFuture<Void> disableVlan(int channel) {
        return set(channel, LanParameter.VlanId.disabled());
    }

    /** Writes any parameter with the set-in-progress protocol described on this class. */
    public CompletableFuture<Void> set(int channel, LanParameter parameter) {
        byte[] data = dataOf(parameter);
        return lock(channel, LOCK_ATTEMPTS)
                .thenCompose(v -> write(channel, parameter, WRITE_RETRIES))
                .thenCompose(v -> verify(channel, parameter.selector(), data, VERIFY_RETRIES))
                .handle((v, e) -> e)
                .thenCompose(failure -> unlock(channel).thenCompose(v -> failure == null
                        ? CompletableFuture.<Void>completedFuture(null)
                        : CompletableFuture.<Void>failedFuture(Futures.unwrap(failure))));
    }

    private CompletableFuture<Void> lock(int channel, int writesLeft) {
        return parameter(channel, LanParameter.SET_IN_PROGRESS).handle((p, e) -> {
            if (e != null || p.isEmpty() || !(p.get() instanceof LanParameter.SetInProgress s)) {
                return CompletableFuture.<Void>completedFuture(null);
            }
            if (s.state().equals(SetInProgressState.SET_IN_PROGRESS) || writesLeft == 0) {
                return CompletableFuture.<Void>completedFuture(null);
            }
            return setInProgress(channel, SetInProgressState.SET_IN_PROGRESS)
                    .thenCompose(v -> lock(channel, writesLeft - 1));
        }).thenCompose(f -> f);
    }

    private CompletableFuture<Void> unlock(int channel) {
        return setInProgress(channel, SetInProgressState.COMMIT_WRITE)
                .thenCompose(v -> setInProgress(channel, SetInProgressState.SET_COMPLETE));
    }

    /** A write to parameter 0 whose failure is ignored (the parameter is optional). */
    private CompletableFuture<Void> setInProgress(int channel, SetInProgressState state) {
        return client.execute(new SetLanConfigurationParameters.Request(channel, new LanParameter.SetInProgress(state)))
                .handle((r, e) -> null);
    }

    private CompletableFuture<Void> write(int channel, LanParameter parameter, int retriesLeft) {
        return client.execute(new SetLanConfigurationParameters.Request(channel, parameter)).handle((r, e) -> {
            if (e == null || AsyncChassis.isCompletionCode(e, UNSPECIFIED)) {
                return CompletableFuture.<Void>completedFuture(null);
            }
            if (AsyncChassis.isCompletionCode(e, INVALID_DATA_FIELD) && retriesLeft > 0) {
                return later(() -> write(channel, parameter, retriesLeft - 1));
            }
            return CompletableFuture.<Void>failedFuture(Futures.unwrap(e));
        }).thenCompose(f -> f);
    }

    private CompletableFuture<Void> verify(int channel, int selector, byte[] expected, int retriesLeft) {
        return client.execute(RawRequest.of(NetFn.TRANSPORT.code(), GetLanConfigurationParameters.ID.cmd(),
                (byte) channel, (byte) selector, (byte) 0, (byte) 0)).handle((r, e) -> {
            if (e == null) {
                byte[] d = r.data().toByteArray();
                if (d.length > 0 && Arrays.equals(Arrays.copyOfRange(d, 1, d.length), expected)) {
                    return CompletableFuture.<Void>completedFuture(null);
                }
            }
            if (retriesLeft > 0) {
                return later(() -> verify(channel, selector, expected, retriesLeft - 1));
            }
            return CompletableFuture.<Void>failedFuture(e != null ? Futures.unwrap(e) : new IpmiException(
                    "LAN parameter " + selector + " on channel " + channel + " did not read back as written"));
        }).thenCompose(f -> f);
    }

    private CompletableFuture<Void> later(java.util.function.Supplier<CompletableFuture<Void>> step) {
        CompletableFuture<Void> out = new CompletableFuture<>();
        client.scheduler().schedule(() -> step.get().whenComplete((v, e) -> {
            if (e != null) {
                out.completeExceptionally(Futures.unwrap(e));
            } else {
                out.complete(v);
            }
        }), RETRY_DELAY.toNanos(), TimeUnit.NANOSECONDS);
        return out;
    }

    private static byte[] dataOf(LanParameter parameter) {
        ByteWriter w = new ByteWriter();
        parameter.encodeData(w);
        return w.toByteArray();
    }
}
