package dev.ipmi.examples.cli;

import dev.ipmi.core.client.AsyncIpmiClient;
import dev.ipmi.core.client.IpmiClient;
import dev.ipmi.core.fleet.IpmiFleet;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * The sessions of one fan-out ({@code -H node[01-20] …}): every host's session comes from one
 * {@link IpmiFleet} (one timer, one bounded pool, the shared I/O engine) instead of a login of
 * the host's own command run. Each host's command still runs as on a single host (same parsing,
 * same output); where it would log in, {@link ConnectionOptions#open(String)} borrows the fleet's
 * session to that host and hands it back when the command is done; {@link #close()} closes every
 * session at once without a thread per session.
 *
 * <p>The fleet names a BMC "host:port" ("[v6]:port"); the options to log in with are those of the
 * host's own command line (they differ only in {@code -H} and {@code -p}).
 */
final class FleetSessions implements ConnectionOptions.SessionSource, AutoCloseable {
    /** A command (sol activate, a long sel list) may hold its session long; the fan-out's own bound is -F. */
    static final Duration CALL_DEADLINE = Duration.ofDays(1);

    private record Host(ConnectionOptions options, String address) {}

    private final Map<String, Host> hosts = new ConcurrentHashMap<>();
    /** The blocking client of each session the fleet opened, by the async twin the fleet hands to a call. */
    private final Map<AsyncIpmiClient, IpmiClient> clients = new ConcurrentHashMap<>();
    private final IpmiFleet fleet;

    FleetSessions(int fanout) {
        this.fleet = IpmiFleet.builder(this::builder)
                .connector(options -> IpmiClient.connectAsync(options).thenApply(this::remember))
                .maxInFlight(fanout)
                .defaultDeadline(CALL_DEADLINE)
                .build();
    }

    private IpmiClient remember(IpmiClient client) {
        clients.put(client.async(), client);
        return client;
    }

    private dev.ipmi.core.options.SessionOptions.Builder<?, ?> builder(String name) {
        Host h = hosts.get(name);
        if (h == null) {
            throw new IllegalArgumentException("no command line for host " + name);
        }
        return h.options().sessionBuilder(h.address());
    }

    static String name(String address, int port) {
        return (address.indexOf(':') >= 0 ? "[" + address + "]" : address) + ":" + port;
    }

    @Override
    public IpmiClient lease(ConnectionOptions options, String address, CompletableFuture<Void> released) {
        String name = name(address, options.port);
        hosts.put(name, new Host(options, address));
        CompletableFuture<IpmiClient> lent = new CompletableFuture<>();
        fleet.call(name, async -> {
            IpmiClient c = clients.get(async);
            if (c == null) {
                lent.completeExceptionally(new IllegalStateException("the fleet's session to " + name + " is unknown"));
                return CompletableFuture.completedFuture(null);
            }
            lent.complete(c);
            return released;
        }).whenComplete((v, e) -> {
            if (e != null) {
                lent.completeExceptionally(e);
            }
        });
        try {
            return lent.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            released.complete(null);
            throw new CliException("interrupted while logging in to " + name);
        } catch (ExecutionException e) {
            Throwable t = e.getCause();
            while (t instanceof CompletionException && t.getCause() != null) {
                t = t.getCause();
            }
            if (t instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(t);
        }
    }

    /** Closes every session of the fan-out (Close Session to each BMC, all at once). */
    @Override
    public void close() {
        fleet.close();
    }
}
