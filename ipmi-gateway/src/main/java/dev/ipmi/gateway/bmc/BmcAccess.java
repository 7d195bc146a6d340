package dev.ipmi.gateway.bmc;

import dev.ipmi.core.client.IpmiClient;
import dev.ipmi.core.sol.SolOptions;
import dev.ipmi.core.sol.SolSession;
import dev.ipmi.core.sol.SolStatusListener;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Every way the gateway reaches a BMC. One small interface so that the session pool behind it can
 * be replaced (by the fleet layer) without touching a handler. Failures complete the future with a
 * {@link BmcException} that names the BMC and wraps the library's exception.
 */
public interface BmcAccess extends AutoCloseable {

    /** Runs {@code action} on a session with the named configured BMC. */
    <T> CompletableFuture<T> call(String bmc, Function<IpmiClient, CompletableFuture<T>> action);

    /** Activates a SOL console on the named BMC's session. */
    CompletableFuture<SolSession> openSol(String bmc, SolOptions options, SolStatusListener listener);

    /** What the pool knows about one BMC, without asking it. */
    BmcState state(String bmc);

    /** Closes every session (Close Session to each BMC). */
    @Override
    void close();
}
