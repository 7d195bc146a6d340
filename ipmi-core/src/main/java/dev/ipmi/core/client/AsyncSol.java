package dev.ipmi.core.client;

import dev.ipmi.core.commands.app.DeactivatePayload;
import dev.ipmi.core.commands.app.Payloads;
import dev.ipmi.core.commands.sol.GetSolConfigurationParameters;
import dev.ipmi.core.commands.sol.SetSolConfigurationParameters;
import dev.ipmi.core.commands.sol.SolConfig;
import dev.ipmi.core.commands.sol.SolParameter;
import dev.ipmi.core.internal.Futures;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Serial-over-LAN configuration and deactivation (ipmitool's {@code sol info}, {@code sol set},
 * {@code sol deactivate}), non-blocking. These are ordinary IPMI commands and work on any session;
 * activating a console needs the RMCP+ session and is on the blocking {@link Sol#activate}.
 */
public final class AsyncSol {
    private static final int NOT_SUPPORTED = GetSolConfigurationParameters.PARAMETER_NOT_SUPPORTED;

    private final AsyncIpmiClient client;

    AsyncSol(AsyncIpmiClient client) {
        this.client = client;
    }

    /** One parameter; empty when the BMC does not support it (completion code 80h). */
    public CompletableFuture<Optional<SolParameter>> parameter(int channel, int selector) {
        return client.execute(GetSolConfigurationParameters.Request.of(channel, selector))
                .thenApply(GetSolConfigurationParameters.Response::parameter)
                .exceptionallyCompose(e -> AsyncChassis.isCompletionCode(e, NOT_SUPPORTED)
                        ? CompletableFuture.completedFuture(Optional.empty())
                        : CompletableFuture.failedFuture(Futures.unwrap(e)));
    }

    /**
     * Parameters 0-8 of a channel, one after another (what {@code sol info} shows); those the BMC
     * does not support (80h) are left out, any other failure fails the whole read.
     *
     * @param channel a channel number, or 0Eh for "the channel this session runs on" as ipmitool
     *                asks when none is given
     */
    public CompletableFuture<SolConfig> info(int channel) {
        List<SolParameter> got = new ArrayList<>();
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (int selector : SolConfig.INFO_SELECTORS) {
            chain = chain.thenCompose(v -> parameter(channel, selector)).thenAccept(p -> p.ifPresent(got::add));
        }
        return chain.thenApply(v -> SolConfig.of(got));
    }

    /**
     * Writes a parameter the way ipmitool 1.8.19 {@code sol set} does: set in progress, the
     * parameter, commit write (its failure ignored: many BMCs lack it), set complete. When the
     * parameter itself is refused, set complete is still sent and the refusal is the result.
     * Writing parameter 0 itself is a single unguarded write.
     */
    public CompletableFuture<Void> set(int channel, SolParameter parameter) {
        if (parameter instanceof SolParameter.SetInProgress) {
            return write(channel, parameter);
        }
        return write(channel, new SolParameter.SetInProgress(SolParameter.SetInProgress.State.SET_IN_PROGRESS))
                .thenCompose(v -> write(channel, parameter).handle((r, e) -> e))
                .thenCompose(failure -> {
                    if (failure != null) {
                        return write(channel, setComplete()).handle((r, e) -> null)
                                .thenCompose(v -> CompletableFuture.<Void>failedFuture(Futures.unwrap(failure)));
                    }
                    return write(channel, new SolParameter.SetInProgress(SolParameter.SetInProgress.State.COMMIT_WRITE))
                            .handle((r, e) -> null)
                            .thenCompose(v -> write(channel, setComplete()));
                });
    }

    private static SolParameter setComplete() {
        return new SolParameter.SetInProgress(SolParameter.SetInProgress.State.SET_COMPLETE);
    }

    private CompletableFuture<Void> write(int channel, SolParameter parameter) {
        return client.execute(new SetSolConfigurationParameters.Request(channel, parameter)).thenApply(r -> null);
    }

    /**
     * Deactivate Payload for SOL {@code instance} (1..15), whichever session owns it. Completes
     * with true when a console was deactivated, false when none was active (80h).
     */
    public CompletableFuture<Boolean> deactivate(int instance) {
        return client.execute(new DeactivatePayload.Request(Payloads.SOL, instance)).thenApply(r -> true)
                .exceptionallyCompose(e -> AsyncChassis.isCompletionCode(e, DeactivatePayload.ALREADY_DEACTIVATED)
                        ? CompletableFuture.completedFuture(false)
                        : CompletableFuture.failedFuture(Futures.unwrap(e)));
    }
}
