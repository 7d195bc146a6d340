package dev.ipmi.gateway.bmc;

import dev.ipmi.core.CompletionCodeException;
import dev.ipmi.core.MalformedMessageException;
import dev.ipmi.core.client.AsyncIpmiClient;
import dev.ipmi.core.client.IpmiClient;
import dev.ipmi.core.client.RetryPolicy;
import dev.ipmi.core.commands.app.ActivatePayload;
import dev.ipmi.core.fleet.BmcHealth;
import dev.ipmi.core.fleet.IpmiFleet;
import dev.ipmi.core.options.LanPlusOptions;
import dev.ipmi.core.sol.SolOptions;
import dev.ipmi.core.sol.SolSession;
import dev.ipmi.core.sol.SolSettings;
import dev.ipmi.core.sol.SolStatusListener;
import dev.ipmi.core.types.CipherSuite;
import dev.ipmi.gateway.config.GatewayConfig;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's BMC access on the library's {@link IpmiFleet}: one fleet for the gateway, its
 * directory built from the configured BMCs (name → host, port, user, password, cipher suite), one
 * session per BMC opened on the first call, reused, probed after a timeout, opened again after a
 * BMC restart or an expired session, and closed after five idle minutes. Open sessions come from
 * the fleet's health; whether the last call reached the BMC is recorded here, since a completion
 * code (the BMC answered) counts as reachable.
 *
 * <p>A SOL console gets an RMCP+ session of its own, outside the fleet: it lives as long as the
 * console (the fleet would close a session it sees idle, and a console's traffic is not the
 * fleet's), and closing the console closes that session. Activation blocks, so it runs on a small
 * pool of its own threads.
 */
public final class FleetBmcAccess implements BmcAccess {
    private static final Logger LOG = LoggerFactory.getLogger(FleetBmcAccess.class);
    private final Map<String, GatewayConfig.Bmc> bmcs = new LinkedHashMap<>();
    private final Map<String, Contact> contacts = new LinkedHashMap<>();
    private final RetryPolicy retry;
    private final IpmiFleet fleet;
    private final ExecutorService blocking;
    private final Set<IpmiClient> consoleSessions = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    public FleetBmcAccess(GatewayConfig config) {
        this.retry = RetryPolicy.of(config.limits().bmcTimeout(), config.limits().bmcRetries());
        for (GatewayConfig.Bmc b : config.bmcs()) {
            bmcs.put(b.name(), b);
            contacts.put(b.name(), new Contact());
        }
        this.fleet = IpmiFleet.builder(name -> options(bmc(name))).build();
        AtomicInteger n = new AtomicInteger();
        this.blocking = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "gateway-console-open-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    private LanPlusOptions.Builder options(GatewayConfig.Bmc b) {
        LanPlusOptions.Builder o = LanPlusOptions.builder(b.host())
                .port(b.port())
                .credentials(b.username(), b.password())
                .retry(retry);
        if (b.cipherSuite() >= 0) {
            o.cipherSuite(CipherSuite.of(b.cipherSuite()));
        }
        return o;
    }

    @Override
    public <T> CompletableFuture<T> call(String bmc, Function<AsyncIpmiClient, CompletableFuture<T>> action) {
        GatewayConfig.Bmc b = bmc(bmc);
        return fleet.call(bmc, action).handle((r, e) -> {
            contacts.get(bmc).record(e);
            if (e != null) {
                throw wrap(b, e);
            }
            return r;
        });
    }

    @Override
    public CompletableFuture<SolSession> openSol(String bmc, SolOptions options, SolStatusListener listener) {
        GatewayConfig.Bmc b = bmc(bmc);
        if (closed) {
            return CompletableFuture.failedFuture(wrap(b, new IllegalStateException("the gateway is shutting down")));
        }
        return options(b).connectAsync().thenApplyAsync(client -> {
            consoleSessions.add(client);
            if (closed) {
                closeConsoleSession(client);
                throw new IllegalStateException("the gateway is shutting down");
            }
            try {
                return (SolSession) new ConsoleSession(client.sol().activate(options, listener), client);
            } catch (RuntimeException e) {
                closeConsoleSession(client);
                throw e;
            }
        }, blocking).handle((r, e) -> {
            contacts.get(bmc).record(e);
            if (e != null) {
                throw wrap(b, e);
            }
            return r;
        });
    }

    @Override
    public BmcState state(String bmc) {
        bmc(bmc);
        boolean open = fleet.health(bmc).map(BmcHealth::sessionsOpen).orElse(0) > 0;
        return contacts.get(bmc).state(open);
    }

    private GatewayConfig.Bmc bmc(String name) {
        GatewayConfig.Bmc b = bmcs.get(name);
        if (b == null) {
            throw new IllegalArgumentException("no BMC named " + name + " is configured");
        }
        return b;
    }

    private void closeConsoleSession(IpmiClient client) {
        if (!consoleSessions.remove(client)) {
            return;
        }
        client.closeAsync().whenComplete((v, e) -> {
            if (e != null) {
                LOG.debug("closing a console session failed: {}", unwrap(e).toString());
            }
        });
    }

    /** Closes the fleet's sessions and the consoles' sessions (Close Session to each BMC). */
    @Override
    public void close() {
        closed = true;
        CompletableFuture<Void> fleetClosed = fleet.closeAsync();
        for (IpmiClient c : Set.copyOf(consoleSessions)) {
            closeConsoleSession(c);
        }
        try {
            fleetClosed.join();
        } catch (RuntimeException e) {
            LOG.debug("closing the fleet failed: {}", unwrap(e).toString());
        }
        blocking.shutdownNow();
    }

    static Throwable unwrap(Throwable e) {
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    private static RuntimeException wrap(GatewayConfig.Bmc b, Throwable e) {
        Throwable cause = unwrap(e);
        if (cause instanceof BmcException be) {
            return be;
        }
        return new BmcException(b.name(), b.host() + ":" + b.port(), cause);
    }

    /** Whether the last call reached one BMC, and when one last did. */
    private static final class Contact {
        private Boolean reachable;
        private Instant lastContact;
        private String lastError;

        synchronized void record(Throwable e) {
            Throwable cause = e == null ? null : unwrap(e);
            if (cause == null || cause instanceof CompletionCodeException || cause instanceof MalformedMessageException) {
                // the BMC answered
                reachable = true;
                lastContact = Instant.now();
                if (cause != null) {
                    lastError = cause.getMessage();
                }
                return;
            }
            reachable = false;
            lastError = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        }

        synchronized BmcState state(boolean sessionOpen) {
            return new BmcState(sessionOpen, Optional.ofNullable(reachable), Optional.ofNullable(lastContact),
                    Optional.ofNullable(lastError));
        }
    }

    /** A console on a session of its own: closing it deactivates the payload, then closes the session. */
    private final class ConsoleSession implements SolSession {
        private final SolSession sol;
        private final IpmiClient client;
        private final AtomicBoolean closed = new AtomicBoolean();

        ConsoleSession(SolSession sol, IpmiClient client) {
            this.sol = sol;
            this.client = client;
        }

        @Override
        public InputStream input() {
            return sol.input();
        }

        @Override
        public OutputStream output() {
            return sol.output();
        }

        @Override
        public void sendBreak() {
            sol.sendBreak();
        }

        @Override
        public void setStatusListener(SolStatusListener listener) {
            sol.setStatusListener(listener);
        }

        @Override
        public ActivatePayload.Response activation() {
            return sol.activation();
        }

        @Override
        public SolSettings settings() {
            return sol.settings();
        }

        @Override
        public boolean isOpen() {
            return sol.isOpen();
        }

        @Override
        public void close() {
            try {
                sol.close();
            } finally {
                if (closed.compareAndSet(false, true)) {
                    closeConsoleSession(client);
                }
            }
        }

        @Override
        public CompletableFuture<Void> closeAsync() {
            return sol.closeAsync().whenComplete((v, e) -> {
                if (closed.compareAndSet(false, true)) {
                    closeConsoleSession(client);
                }
            });
        }
    }
}
