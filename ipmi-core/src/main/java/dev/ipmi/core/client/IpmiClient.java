package dev.ipmi.core.client;

import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.spi.ConnectionSpec;
import dev.ipmi.core.event.IpmiEventListener;
import dev.ipmi.core.spi.IpmiTransport;
import dev.ipmi.core.client.RequestTarget;
import dev.ipmi.core.client.RetryPolicy;
import dev.ipmi.core.spi.TransportProvider;
import dev.ipmi.core.types.AuthType;
import dev.ipmi.core.types.PrivilegeLevel;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The one entry point of the library: a session with one BMC and typed command groups on it.
 *
 * <pre>{@code
 * try (IpmiClient bmc = IpmiClient.lanplus("10.0.0.5").credentials("ADMIN", password).connect()) {
 *     GetDeviceId.Response id = bmc.mc().deviceId();
 * }
 * }</pre>
 *
 * Thread-safe: many threads may issue requests at once; they share the session. Every blocking
 * method is a wait on its {@link #async()} twin. {@link #close()} sends Close Session, because a
 * BMC has only a few session slots.
 */
public final class IpmiClient implements AutoCloseable {
    private final IpmiTransport transport;
    private final AsyncIpmiClient async;
    private final Mc mc;
    private final Chassis chassis;
    private final Channel channel;
    private final Users users;
    private final Lan lan;
    private final Dcmi dcmi;
    private final Sol sol;

    private IpmiClient(IpmiTransport transport, ScheduledExecutorService scheduler) {
        this.transport = BridgingTransport.wrap(transport);
        this.async = new AsyncIpmiClient(this.transport, scheduler);
        this.mc = new Mc(async.mc());
        this.chassis = new Chassis(async.chassis());
        this.channel = new Channel(async.channel());
        this.users = new Users(async.users());
        this.lan = new Lan(async.lan());
        this.dcmi = new Dcmi(async.dcmi());
        this.sol = new Sol(async.sol(), this.transport);
    }

    /** A builder for an IPMI 2.0 / RMCP+ session (ipmitool's {@code -I lanplus}); needs ipmi-lanplus. */
    public static Builder lanplus(String host) {
        return new Builder("lanplus", host);
    }

    /** A builder for an IPMI 1.5 session (ipmitool's {@code -I lan}); needs ipmi-lan. */
    public static Builder lan(String host) {
        return new Builder("lan", host);
    }

    /** A client over a transport opened some other way (a custom transport, or a fake in tests). */
    public static IpmiClient using(IpmiTransport transport) {
        return new IpmiClient(Objects.requireNonNull(transport, "transport"), null);
    }

    /**
     * Like {@link #using(IpmiTransport)}, with the scheduler used for power-state polling and retry
     * delays (the client does not shut it down). Tests pass a manual scheduler here.
     */
    public static IpmiClient using(IpmiTransport transport, ScheduledExecutorService scheduler) {
        return new IpmiClient(Objects.requireNonNull(transport, "transport"),
                Objects.requireNonNull(scheduler, "scheduler"));
    }

    /**
     * Like {@link #using(IpmiTransport)}, with SDR scans kept in {@code sdrCache} under {@code hostKey}
     * (e.g. "10.0.0.5:623"), so clients sharing the cache (or, persisted, later processes) skip
     * unchanged repositories.
     */
    public static IpmiClient using(IpmiTransport transport, dev.ipmi.core.sdr.SdrCache sdrCache, String hostKey) {
        IpmiClient c = using(transport);
        c.async.useSdrCache(Objects.requireNonNull(sdrCache, "sdrCache"), Objects.requireNonNull(hostKey, "hostKey"));
        return c;
    }

    public AsyncIpmiClient async() {
        return async;
    }

    /** Management controller: device ID, GUIDs, self test, reset, ACPI state, watchdog. */
    public Mc mc() {
        return mc;
    }

    /** Chassis: status, power, identify, boot device, POH, restart cause, restore policy. */
    public Chassis chassis() {
        return chassis;
    }

    /** Channels: info, access, authentication capabilities, cipher suites. */
    public Channel channel() {
        return channel;
    }

    /** Users: list, names, passwords, access. */
    public Users users() {
        return users;
    }

    /** LAN configuration parameters. */
    public Lan lan() {
        return lan;
    }

    /** DCMI: capabilities and power reading. */
    public Dcmi dcmi() {
        return dcmi;
    }

    /** SDR repository: records, repository info; scans cached per host and repository timestamps. */
    public Sdr sdr() {
        return new Sdr(async.sdr());
    }

    /** Sensors: typed readings (value, units, status), thresholds. */
    public Sensors sensors() {
        return new Sensors(async.sensors());
    }

    /** System Event Log: info, entries, add, delete, clear, time. */
    public Sel sel() {
        return new Sel(async.sel());
    }

    /** FRU inventory: area info, read, decode, print model, write. */
    public Fru fru() {
        return new Fru(async.fru());
    }

    /**
     * Serial-over-LAN: {@code sol().activate(options)} opens a console (RMCP+ sessions only), and
     * configuration and deactivation like ipmitool's {@code sol info/set/deactivate}.
     */
    public Sol sol() {
        return sol;
    }

    /** Any modelled request (including your own OEM {@link IpmiRequest}s), to the BMC. */
    public <R> R execute(IpmiRequest<R> request) {
        return Await.get(async.execute(request));
    }

    /** Any modelled request, to a LUN of the BMC or a bridged controller. */
    public <R> R execute(RequestTarget target, IpmiRequest<R> request) {
        return Await.get(async.execute(target, request));
    }

    /**
     * A raw command (ipmitool's {@code raw}). Returns the data after a 00h completion code; any
     * other code throws {@link dev.ipmi.core.CompletionCodeException}.
     */
    public byte[] raw(int netFn, int cmd, byte... data) {
        return Await.get(async.raw(netFn, cmd, data));
    }

    public byte[] raw(RequestTarget target, int netFn, int cmd, byte... data) {
        return Await.get(async.raw(target, netFn, cmd, data));
    }

    /** The underlying session. */
    public IpmiTransport transport() {
        return transport;
    }

    /** Closes the session (Close Session to the BMC) and releases its resources. */
    @Override
    public void close() {
        try {
            transport.close();
        } finally {
            async.shutdown();
        }
    }

    /**
     * Connection settings. Defaults: port 623; user "" (null user) and empty password unless
     * {@link #credentials} is called; privilege ADMINISTRATOR; cipher suite AUTO (the strongest
     * both sides support; suite 0 refused unless {@link #allowCipherZero}); no Kg (one-key login);
     * IPMI 1.5 auth type: the strongest the BMC offers (MD5, then MD2; NONE and PASSWORD only
     * after {@link #allowInsecureAuth}); retries {@link RetryPolicy#defaults()}; no event listener;
     * no quirks; futures complete on the transport's completion pool; polls and retry delays run on
     * a daemon thread owned by the client.
     */
    public static final class Builder {
        private final String kind;
        private final String host;
        private int port = 623;
        private String username = "";
        private char[] password = new char[0];
        private byte[] kg;
        private PrivilegeLevel privilege = PrivilegeLevel.ADMINISTRATOR;
        private int cipherSuite = ConnectionSpec.CIPHER_SUITE_AUTO;
        private AuthType authType;
        private boolean allowCipherZero;
        private boolean allowInsecureAuth;
        private RetryPolicy retry = RetryPolicy.defaults();
        private IpmiEventListener listener = new IpmiEventListener() {};
        private final Set<String> quirks = new LinkedHashSet<>();
        private Executor executor;
        private ScheduledExecutorService scheduler;
        private dev.ipmi.core.sdr.SdrCache sdrCache;

        private Builder(String kind, String host) {
            this.kind = kind;
            this.host = Objects.requireNonNull(host, "host");
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** User name and password; the password array is copied, and the copy wiped once keys are derived. */
        public Builder credentials(String username, char[] password) {
            this.username = Objects.requireNonNull(username, "username");
            this.password = Objects.requireNonNull(password, "password").clone();
            return this;
        }

        /** The BMC key for RMCP+ two-key logins (ipmitool {@code -k}/{@code -y}); copied. */
        public Builder kg(byte[] kg) {
            this.kg = kg == null ? null : kg.clone();
            return this;
        }

        public Builder privilege(PrivilegeLevel privilege) {
            this.privilege = Objects.requireNonNull(privilege, "privilege");
            return this;
        }

        /** An RMCP+ cipher suite ID (ipmitool {@code -C}), or {@link ConnectionSpec#CIPHER_SUITE_AUTO}. */
        public Builder cipherSuite(int id) {
            this.cipherSuite = id;
            return this;
        }

        /** The IPMI 1.5 authentication type (ipmitool {@code -A}). */
        public Builder authType(AuthType authType) {
            this.authType = authType;
            return this;
        }

        /** Permits cipher suite 0, which has no authentication at all. */
        public Builder allowCipherZero(boolean allow) {
            this.allowCipherZero = allow;
            return this;
        }

        /** Permits IPMI 1.5 auth types NONE and PASSWORD (the password crosses the wire in clear). */
        public Builder allowInsecureAuth(boolean allow) {
            this.allowInsecureAuth = allow;
            return this;
        }

        public Builder retry(RetryPolicy retry) {
            this.retry = Objects.requireNonNull(retry, "retry");
            return this;
        }

        public Builder listener(IpmiEventListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Enables a named vendor workaround. */
        public Builder quirk(String name) {
            quirks.add(Objects.requireNonNull(name, "quirk"));
            return this;
        }

        /**
         * Where futures complete. Default: the transport's own completion pool (daemon threads, never
         * the I/O thread). {@code Runnable::run} completes on the I/O thread: then never block there.
         */
        public Builder callbackExecutor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * Where power-state polls and retry delays are scheduled; the client does not shut it down.
         * Default: one daemon thread per client, stopped by {@link IpmiClient#close()}.
         */
        public Builder scheduler(ScheduledExecutorService scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        /**
         * Keeps SDR scans in {@code cache} under "host:port", so clients sharing it (or, with
         * {@link dev.ipmi.core.sdr.SdrCache#persistent}, later processes) skip unchanged repositories.
         * Default: a cache of this client only.
         */
        public Builder sdrCache(dev.ipmi.core.sdr.SdrCache cache) {
            this.sdrCache = Objects.requireNonNull(cache, "cache");
            return this;
        }

        public ConnectionSpec spec() {
            return new ConnectionSpec(kind, host, port, username, password.clone(), kg == null ? null : kg.clone(),
                    privilege, cipherSuite, authType, allowCipherZero, allowInsecureAuth, retry, listener, quirks,
                    executor);
        }

        /**
         * Opens the session without blocking.
         *
         * @throws IllegalArgumentException for cipher suite 0 or auth type NONE / PASSWORD without the opt-in
         */
        public CompletableFuture<IpmiClient> connectAsync() {
            if (cipherSuite == 0 && !allowCipherZero) {
                throw new IllegalArgumentException("cipher suite 0 has no authentication, integrity or encryption; "
                        + "call allowCipherZero(true) to use it");
            }
            if (authType != null && (authType.equals(AuthType.NONE) || authType.equals(AuthType.PASSWORD))
                    && !allowInsecureAuth) {
                throw new IllegalArgumentException("IPMI 1.5 auth type " + authType
                        + " sends the password in clear or not at all; call allowInsecureAuth(true) to use it");
            }
            ConnectionSpec spec = spec();
            Arrays.fill(password, '\0');
            Executor callbacks = executor;
            dev.ipmi.core.sdr.SdrCache cache = sdrCache;
            String key = host + ":" + port;
            return TransportProvider.find(kind).connect(spec)
                    .thenApply(t -> callbacks == null ? t : new CallbackExecutorTransport(t, callbacks))
                    .thenApply(t -> {
                        IpmiClient c = new IpmiClient(t, scheduler);
                        if (cache != null) {
                            c.async.useSdrCache(cache, key);
                        }
                        return c;
                    });
        }

        /** Opens and authenticates the session. */
        public IpmiClient connect() {
            return Await.get(connectAsync());
        }
    }
}
