package dev.ipmi.gateway.bmc;

import dev.ipmi.core.client.AsyncIpmiClient;
import dev.ipmi.core.sol.SolOptions;
import dev.ipmi.core.sol.SolSession;
import dev.ipmi.core.sol.SolStatusListener;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Every way the gateway reaches a BMC, so that handlers never see the session pool behind it
 * ({@link FleetBmcAccess}, on the library's fleet layer). Failures complete the future with a
 * {@link BmcException} that names the BMC and wraps the library's exception.
 */
public interface BmcAccess extends AutoCloseable {

    /** Runs {@code action} on a session with the named configured BMC; the action must not block. */
    <T> CompletableFuture<T> call(String bmc, Function<AsyncIpmiClient, CompletableFuture<T>> action);

    /** Activates a SOL console on the named BMC; closing the console frees whatever session it used. */
    CompletableFuture<SolSession> openSol(String bmc, SolOptions options, SolStatusListener listener);

    /** What the pool knows about one BMC, without asking it. */
    BmcState state(String bmc);

    /** Closes every session (Close Session to each BMC). */
    @Override
    void close();
}
