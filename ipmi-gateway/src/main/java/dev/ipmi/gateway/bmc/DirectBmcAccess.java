package dev.ipmi.gateway.bmc;

import dev.ipmi.core.CompletionCodeException;
import dev.ipmi.core.MalformedMessageException;
import dev.ipmi.core.client.IpmiClient;
import dev.ipmi.core.client.RetryPolicy;
import dev.ipmi.core.options.LanPlusOptions;
import dev.ipmi.core.sol.SolOptions;
import dev.ipmi.core.sol.SolSession;
import dev.ipmi.core.sol.SolStatusListener;
import dev.ipmi.core.types.CipherSuite;
import dev.ipmi.gateway.config.GatewayConfig;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The interim session pool: one lazily opened {@link IpmiClient} per configured BMC, shared by all
 * requests to it (at most one session per BMC), dropped after a session-level failure and opened
 * again on the next call. Completion-code errors keep the session (the BMC answered). Connecting
 * and SOL activation block, so they run on a small pool of their own threads.
 */
public final class DirectBmcAccess implements BmcAccess {
    private static final Logger LOG = LoggerFactory.getLogger(DirectBmcAccess.class);
    private final Map<String, Slot> slots = new LinkedHashMap<>();
    private final ExecutorService blocking;

    public DirectBmcAccess(GatewayConfig config) {
        AtomicInteger n = new AtomicInteger();
        this.blocking = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "gateway-bmc-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        RetryPolicy retry = RetryPolicy.of(config.limits().bmcTimeout(), config.limits().bmcRetries());
        for (GatewayConfig.Bmc b : config.bmcs()) {
            slots.put(b.name(), new Slot(b, retry));
        }
    }

    @Override
    public <T> CompletableFuture<T> call(String bmc, Function<IpmiClient, CompletableFuture<T>> action) {
        Slot slot = slot(bmc);
        return slot.client().thenCompose(c -> action.apply(c).whenComplete((r, e) -> slot.after(c, e)))
                .handle((r, e) -> {
                    if (e != null) {
                        throw slot.wrap(e);
                    }
                    return r;
                });
    }

    @Override
    public CompletableFuture<SolSession> openSol(String bmc, SolOptions options, SolStatusListener listener) {
        Slot slot = slot(bmc);
        return slot.client().thenApplyAsync(c -> {
            try {
                SolSession s = c.sol().activate(options, listener);
                slot.after(c, null);
                return s;
            } catch (RuntimeException e) {
                slot.after(c, e);
                throw e;
            }
        }, blocking).handle((r, e) -> {
            if (e != null) {
                throw slot.wrap(e);
            }
            return r;
        });
    }

    @Override
    public BmcState state(String bmc) {
        return slot(bmc).state();
    }

    private Slot slot(String bmc) {
        Slot s = slots.get(bmc);
        if (s == null) {
            throw new IllegalArgumentException("no BMC named " + bmc + " is configured");
        }
        return s;
    }

    @Override
    public void close() {
        for (Slot s : slots.values()) {
            s.close();
        }
        blocking.shutdownNow();
    }

    static Throwable unwrap(Throwable e) {
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    private final class Slot {
        private final GatewayConfig.Bmc config;
        private final RetryPolicy retry;
        private IpmiClient client;
        private CompletableFuture<IpmiClient> opening;
        private Boolean reachable;
        private Instant lastContact;
        private String lastError;
        private boolean closed;

        Slot(GatewayConfig.Bmc config, RetryPolicy retry) {
            this.config = config;
            this.retry = retry;
        }

        synchronized CompletableFuture<IpmiClient> client() {
            if (closed) {
                return CompletableFuture.failedFuture(new IllegalStateException("the gateway is shutting down"));
            }
            if (client != null) {
                return CompletableFuture.completedFuture(client);
            }
            if (opening == null) {
                CompletableFuture<IpmiClient> f = CompletableFuture.supplyAsync(this::connect, blocking);
                opening = f;
                f.whenComplete((c, e) -> opened(f, c, e));
            }
            return opening;
        }

        private IpmiClient connect() {
            LanPlusOptions.Builder b = IpmiClient.lanplus(config.host())
                    .port(config.port())
                    .credentials(config.username(), config.password())
                    .retry(retry);
            if (config.cipherSuite() >= 0) {
                b.cipherSuite(CipherSuite.of(config.cipherSuite()));
            }
            return b.connect();
        }

        private synchronized void opened(CompletableFuture<IpmiClient> f, IpmiClient c, Throwable e) {
            if (opening == f) {
                opening = null;
            }
            if (e == null) {
                if (closed) {
                    c.close();
                    return;
                }
                client = c;
                LOG.info("session opened to BMC {} ({}:{})", config.name(), config.host(), config.port());
            }
            record(e);
        }

        synchronized void after(IpmiClient c, Throwable e) {
            Throwable cause = e == null ? null : unwrap(e);
            if (cause == null || cause instanceof CompletionCodeException || cause instanceof MalformedMessageException) {
                // the BMC answered: the session is fine
                record(null);
                if (cause != null) {
                    lastError = cause.getMessage();
                }
                return;
            }
            record(cause);
            if (client == c) {
                client = null;
                LOG.info("session to BMC {} dropped after {}", config.name(), cause.getClass().getSimpleName());
                blocking.execute(c::close);
            }
        }

        private void record(Throwable e) {
            if (e == null) {
                reachable = true;
                lastContact = Instant.now();
            } else {
                Throwable cause = unwrap(e);
                reachable = false;
                lastError = cause.getClass().getSimpleName() + ": " + cause.getMessage();
            }
        }

        RuntimeException wrap(Throwable e) {
            Throwable cause = unwrap(e);
            if (cause instanceof BmcException b) {
                return b;
            }
            return new BmcException(config.name(), config.host() + ":" + config.port(), cause);
        }

        synchronized BmcState state() {
            return new BmcState(client != null, Optional.ofNullable(reachable), Optional.ofNullable(lastContact),
                    Optional.ofNullable(lastError));
        }

        void close() {
            IpmiClient c;
            synchronized (this) {
                closed = true;
                c = client;
                client = null;
            }
            if (c != null) {
                try {
                    c.close();
                } catch (RuntimeException e) {
                    LOG.debug("closing the session to {} failed: {}", config.name(), e.toString());
                }
            }
        }
    }
}
