package dev.ipmi.core.client;

import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.internal.Futures;
import dev.ipmi.core.options.LanOptions;
import dev.ipmi.core.options.LanPlusOptions;
import dev.ipmi.core.options.SessionOptions;
import dev.ipmi.core.sdr.SdrCache;
import dev.ipmi.core.spi.IpmiTransport;
import dev.ipmi.core.spi.TransportProvider;
import java.util.Objects;
import java.util.Optional;
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
 * method is a wait on its {@link #async()} twin. {@link #close()} (or {@link #closeAsync()}) sends
 * Close Session, because a BMC has only a few session slots.
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

    /**
     * Options for an IPMI 2.0 / RMCP+ session (ipmitool's {@code -I lanplus}), ending in
     * {@code connect()}; needs ipmi-lanplus. The same builder as {@link LanPlusOptions#builder(String)}.
     */
    public static LanPlusOptions.Builder lanplus(String host) {
        return LanPlusOptions.builder(host);
    }

    /**
     * Options for an IPMI 1.5 session (ipmitool's {@code -I lan}), ending in {@code connect()}; needs
     * ipmi-lan. The same builder as {@link LanOptions#builder(String)}.
     */
    public static LanOptions.Builder lan(String host) {
        return LanOptions.builder(host);
    }

    /**
     * Opens and authenticates a session with these options. The options are not wiped: the caller
     * may open more sessions with them, and wipes them when done.
     *
     * @throws IllegalStateException when the module of the transport is not on the class path
     * @throws dev.ipmi.core.IpmiException when the session cannot be opened
     */
    public static IpmiClient connect(SessionOptions options) {
        return Futures.await(connectAsync(options));
    }

    /**
     * Opens a session without blocking. The future completes with the client, or exceptionally
     * with an {@link dev.ipmi.core.IpmiException}.
     *
     * @throws IllegalStateException when the module of the transport is not on the class path
     */
    public static CompletableFuture<IpmiClient> connectAsync(SessionOptions options) {
        Objects.requireNonNull(options, "options");
        TransportProvider provider = TransportProvider.find(options.transport());
        Optional<Executor> callbacks = options.callbackExecutor();
        ScheduledExecutorService scheduler = options.scheduler().orElse(null);
        Optional<SdrCache> cache = options.sdrCache();
        String key = options.hostKey();
        return provider.connect(options)
                .thenApply(t -> callbacks.<IpmiTransport>map(e -> new CallbackExecutorTransport(t, e)).orElse(t))
                .thenApply(t -> {
                    IpmiClient c = new IpmiClient(t, scheduler);
                    cache.ifPresent(sdr -> c.async.useSdrCache(sdr, key));
                    return c;
                });
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
    public static IpmiClient using(IpmiTransport transport, SdrCache sdrCache, String hostKey) {
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
        return Futures.await(async.execute(request));
    }

    /** Any modelled request, to a LUN of the BMC or a bridged controller. */
    public <R> R execute(RequestTarget target, IpmiRequest<R> request) {
        return Futures.await(async.execute(target, request));
    }

    /**
     * A raw command (ipmitool's {@code raw}). Returns the data after a 00h completion code; any
     * other code throws {@link dev.ipmi.core.CompletionCodeException}.
     */
    public byte[] raw(int netFn, int cmd, byte... data) {
        return Futures.await(async.raw(netFn, cmd, data));
    }

    public byte[] raw(RequestTarget target, int netFn, int cmd, byte... data) {
        return Futures.await(async.raw(target, netFn, cmd, data));
    }

    /** The underlying session. */
    public IpmiTransport transport() {
        return transport;
    }

    /**
     * Closes the session without blocking: Close Session to the BMC (after deactivating an open SOL
     * console). The future completes normally once the BMC answered or the transport gave up after
     * one retry timeout, with the session slot released on the BMC in the first case.
     */
    public CompletableFuture<Void> closeAsync() {
        return transport.closeAsync();
    }

    /** Closes the session (Close Session to the BMC) and releases its resources: a wait on {@link #closeAsync()}. */
    @Override
    public void close() {
        Futures.awaitClose(closeAsync());
    }
}
