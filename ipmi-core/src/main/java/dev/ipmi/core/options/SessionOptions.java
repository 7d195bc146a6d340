package dev.ipmi.core.options;

import dev.ipmi.core.client.IpmiClient;
import dev.ipmi.core.client.RetryPolicy;
import dev.ipmi.core.event.IpmiEventListener;
import dev.ipmi.core.internal.OptionSecrets;
import dev.ipmi.core.internal.Secrets;
import dev.ipmi.core.internal.SessionChecks;
import dev.ipmi.core.sdr.SdrCache;
import dev.ipmi.core.spi.TransportEngine;
import dev.ipmi.core.types.PrivilegeLevel;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What both session kinds share: where the BMC is, who logs in, how requests are retried and
 * where the client runs its callbacks and timers. Immutable; made by the builders of
 * {@link LanPlusOptions} (IPMI 2.0 / RMCP+) and {@link LanOptions} (IPMI 1.5), which use the same
 * names for the same settings.
 *
 * <p>Secrets: the password (and, for RMCP+, K_G) are copied in as bytes, have no getter, never
 * appear in {@link #toString()}, and are zeroed by {@link #wipe()}. Sessions keep their own copy
 * and wipe it when they end.
 */
public abstract sealed class SessionOptions permits LanOptions, LanPlusOptions {
    /** The RMCP port, 623 (IPMI v2.0 §13.1.3). */
    public static final int DEFAULT_PORT = 623;
    /** Idle time before a keepalive (Get Device ID): 30 s, well inside the BMC's 60 s session timeout. */
    public static final Duration DEFAULT_KEEPALIVE = Duration.ofSeconds(30);
    /** Requests in flight per session: 8 (see {@link Builder#window(int)}). */
    public static final int DEFAULT_WINDOW = 8;

    static {
        OptionSecrets.install(new OptionSecrets.Reader() {
            @Override
            public byte[] password(SessionOptions options) {
                return options.password.clone();
            }

            @Override
            public byte[] kg(LanPlusOptions options) {
                return options.kgCopy();
            }
        });
    }

    private final String host;
    private final int port;
    private final String userName;
    private final byte[] password;
    private final PrivilegeLevel privilege;
    private final RetryPolicy retry;
    private final int window;
    private final Duration keepalive;
    private final TransportEngine engine;
    private final IpmiEventListener listener;
    private final Executor callbackExecutor;
    private final ScheduledExecutorService scheduler;
    private final SdrCache sdrCache;

    SessionOptions(Builder<?, ?> b) {
        host = b.host;
        port = b.port;
        userName = b.userName;
        password = b.password.clone();
        privilege = b.privilege;
        retry = b.retry;
        window = b.window;
        keepalive = b.keepalive;
        engine = b.engine;
        listener = b.listener;
        callbackExecutor = b.callbackExecutor;
        scheduler = b.scheduler;
        sdrCache = b.sdrCache;
    }

    /** The interface name as ipmitool spells it ({@code -I lan} / {@code -I lanplus}): which provider opens it. */
    public abstract String transport();

    /** BMC host name or address literal. */
    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** User name; empty for the null user (anonymous login). */
    public String userName() {
        return userName;
    }

    public PrivilegeLevel privilege() {
        return privilege;
    }

    public RetryPolicy retry() {
        return retry;
    }

    /** Maximum requests in flight in the session. */
    public int window() {
        return window;
    }

    /** Idle time after which a keepalive is sent; {@link Duration#ZERO} when disabled. */
    public Duration keepalive() {
        return keepalive;
    }

    /** The engine the session runs on; empty for the transport's shared engine. */
    public Optional<TransportEngine> engine() {
        return Optional.ofNullable(engine);
    }

    public IpmiEventListener listener() {
        return listener;
    }

    /** Where the client completes futures; empty for the transport's own completion pool. */
    public Optional<Executor> callbackExecutor() {
        return Optional.ofNullable(callbackExecutor);
    }

    /** Where the client schedules power polls and retry delays; empty for the library's shared daemon scheduler. */
    public Optional<ScheduledExecutorService> scheduler() {
        return Optional.ofNullable(scheduler);
    }

    /** Where SDR scans are kept (under "host:port"); empty for a cache of this client only. */
    public Optional<SdrCache> sdrCache() {
        return Optional.ofNullable(sdrCache);
    }

    /** Zeroes the copies of the secrets held here; sessions opened afterwards use empty ones. */
    public void wipe() {
        Arrays.fill(password, (byte) 0);
    }

    /** "host:port", the key under which SDR scans and cipher-suite outcomes are remembered. */
    public String hostKey() {
        return host + ":" + port;
    }

    String commonToString() {
        return host + ":" + port + ", user=" + userName + ", password=<redacted>, privilege=" + privilege
                + ", retry=" + retry + ", window=" + window + ", keepalive=" + keepalive;
    }

    /**
     * The settings both session kinds share, with the same names in both builders. Each setter
     * checks its argument and names the setting when it refuses one.
     *
     * @param <O> the options built
     * @param <B> the concrete builder, returned by every setter
     */
    public abstract static sealed class Builder<O extends SessionOptions, B extends Builder<O, B>>
            permits LanOptions.Builder, LanPlusOptions.Builder {
        private final String host;
        private int port = DEFAULT_PORT;
        private String userName = "";
        private byte[] password = new byte[0];
        private PrivilegeLevel privilege = PrivilegeLevel.ADMINISTRATOR;
        private RetryPolicy retry = RetryPolicy.DEFAULT;
        private int window = DEFAULT_WINDOW;
        private Duration keepalive = DEFAULT_KEEPALIVE;
        private TransportEngine engine;
        private IpmiEventListener listener = IpmiEventListener.NONE;
        private Executor callbackExecutor;
        private ScheduledExecutorService scheduler;
        private SdrCache sdrCache;

        Builder(String host) {
            this.host = Objects.requireNonNull(host, "host");
            if (host.isBlank()) {
                throw new IllegalArgumentException("host is empty");
            }
        }

        abstract B self();

        /** The most password bytes this session kind can carry, and how to name them in an error. */
        abstract int maxPasswordBytes();

        abstract String passwordName();

        /** UDP port of the BMC. Default 623. */
        public B port(int port) {
            if (port < 1 || port > 0xFFFF) {
                throw new IllegalArgumentException("port out of range 1..65535: " + port);
            }
            this.port = port;
            return self();
        }

        /**
         * User name (at most 16 bytes in UTF-8) and password (at most 20 bytes for RMCP+, 16 for
         * IPMI 1.5). The password is copied as UTF-8 bytes; wipe your array right after. Default:
         * the null user with an empty password.
         */
        public B credentials(String userName, char[] password) {
            SessionChecks.userName(userName);
            byte[] b = Secrets.utf8(password, maxPasswordBytes(), passwordName());
            Arrays.fill(this.password, (byte) 0);
            this.userName = userName;
            this.password = b;
            return self();
        }

        /** Privilege level to request (CALLBACK..OEM). Default ADMINISTRATOR, as ipmitool. */
        public B privilege(PrivilegeLevel privilege) {
            this.privilege = SessionChecks.requestablePrivilege(privilege);
            return self();
        }

        /** Timeouts and retransmissions, for the login and for requests. Default {@link RetryPolicy#DEFAULT}. */
        public B retry(RetryPolicy retry) {
            this.retry = Objects.requireNonNull(retry, "retry");
            return self();
        }

        /**
         * Maximum requests in flight, 1..32. Default {@value SessionOptions#DEFAULT_WINDOW}. Each
         * outstanding request needs its own sequence number and a slot in the BMC's receive queue;
         * many BMCs handle only a few requests per session at a time and drop the rest (which then
         * cost a retry timeout each), so do not raise it unless the BMC is known to cope; lower it
         * (even to 1) for a BMC that loses replies under load.
         */
        public B window(int window) {
            this.window = SessionChecks.window(window);
            return self();
        }

        /** Idle time after which a keepalive (Get Device ID) is sent; {@link Duration#ZERO} disables it. Default 30 s. */
        public B keepalive(Duration idle) {
            Objects.requireNonNull(idle, "keepalive");
            if (idle.isNegative()) {
                throw new IllegalArgumentException("keepalive must not be negative: " + idle);
            }
            this.keepalive = idle;
            return self();
        }

        /** The I/O engine (ipmi-lan's {@code UdpEngine}). Default: the transport's shared daemon engine. */
        public B engine(TransportEngine engine) {
            this.engine = Objects.requireNonNull(engine, "engine");
            return self();
        }

        /** Event hooks (login steps, retries, drops). Default {@link IpmiEventListener#NONE}. */
        public B listener(IpmiEventListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return self();
        }

        /**
         * Where futures complete. Default: the transport's own completion pool (daemon threads, never
         * the I/O thread). {@code Runnable::run} completes on the I/O thread: then never block there.
         */
        public B callbackExecutor(Executor executor) {
            this.callbackExecutor = Objects.requireNonNull(executor, "callbackExecutor");
            return self();
        }

        /**
         * Where the client schedules power-state polls and retry delays; the client never shuts it
         * down. Default: one daemon scheduler shared by every client of the JVM (no thread per client).
         */
        public B scheduler(ScheduledExecutorService scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return self();
        }

        /**
         * Keeps SDR scans in {@code cache} under "host:port", so clients sharing it (or, with
         * {@link SdrCache#persistent}, later processes) skip unchanged repositories. Default: a
         * cache of this client only.
         */
        public B sdrCache(SdrCache cache) {
            this.sdrCache = Objects.requireNonNull(cache, "sdrCache");
            return self();
        }

        /**
         * The immutable options.
         *
         * @throws IllegalArgumentException when an insecure choice lacks its opt-in
         */
        public abstract O build();

        /**
         * Opens the session without blocking: {@link IpmiClient#connectAsync(SessionOptions)} on
         * {@link #build()}; the options built here are wiped once the session holds its own keys.
         */
        public CompletableFuture<IpmiClient> connectAsync() {
            O options = build();
            return IpmiClient.connectAsync(options).whenComplete((c, e) -> options.wipe());
        }

        /** Opens and authenticates the session: {@link IpmiClient#connect(SessionOptions)} on {@link #build()}. */
        public IpmiClient connect() {
            O options = build();
            try {
                return IpmiClient.connect(options);
            } finally {
                options.wipe();
            }
        }
    }
}
