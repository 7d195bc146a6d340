package dev.ipmi.core.client;

import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.RawRequest;
import dev.ipmi.core.internal.SharedScheduler;
import dev.ipmi.core.spi.IpmiTransport;
import dev.ipmi.core.client.RequestTarget;
import dev.ipmi.core.spi.IpmiTransport;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The non-blocking twin of {@link IpmiClient}: the same groups and methods, returning
 * {@link CompletableFuture}s that complete off the I/O thread (on the connection's callback
 * executor). Failures complete the future with an {@link dev.ipmi.core.IpmiException}.
 */
public final class AsyncIpmiClient {
    private final IpmiTransport transport;
    private final ScheduledExecutorService scheduler;
    private final AsyncMc mc;
    private final AsyncChassis chassis;
    private final AsyncChannel channel;
    private final AsyncUsers users;
    private final AsyncLan lan;
    private final AsyncDcmi dcmi;
    private volatile AsyncSdr sdr;
    private final AsyncSensors sensors = new AsyncSensors(this);
    private final AsyncSel sel = new AsyncSel(this);
    private final AsyncFru fru = new AsyncFru(this);
    private final AsyncSol sol;

    /** @param scheduler for polls and retry delays; null = the library's shared daemon scheduler */
    AsyncIpmiClient(IpmiTransport transport, ScheduledExecutorService scheduler) {
        this.transport = transport;
        this.scheduler = scheduler == null ? SharedScheduler.get() : scheduler;
        this.mc = new AsyncMc(this);
        this.chassis = new AsyncChassis(this);
        this.channel = new AsyncChannel(this);
        this.users = new AsyncUsers(this);
        this.lan = new AsyncLan(this);
        this.dcmi = new AsyncDcmi(this);
        this.sdr = new AsyncSdr(this, dev.ipmi.core.sdr.SdrCache.inMemory(), "session");
        this.sol = new AsyncSol(this);
    }

    public AsyncMc mc() {
        return mc;
    }

    public AsyncChassis chassis() {
        return chassis;
    }

    public AsyncChannel channel() {
        return channel;
    }

    public AsyncUsers users() {
        return users;
    }

    public AsyncLan lan() {
        return lan;
    }

    public AsyncDcmi dcmi() {
        return dcmi;
    }

    /** SDR repository; scans cached per host and repository timestamps. */
    public AsyncSdr sdr() {
        return sdr;
    }

    /** Sensors: typed readings and thresholds. */
    public AsyncSensors sensors() {
        return sensors;
    }

    /** System Event Log. */
    public AsyncSel sel() {
        return sel;
    }

    /** FRU inventory. */
    public AsyncFru fru() {
        return fru;
    }

    /** Keeps this client's SDR scans in {@code cache} under {@code hostKey} (the builder's host:port). */
    void useSdrCache(dev.ipmi.core.sdr.SdrCache cache, String hostKey) {
        this.sdr = sdr.cachedIn(cache, hostKey);
    }

    /** SOL configuration and deactivation; consoles are activated on {@link IpmiClient#sol()}. */
    public AsyncSol sol() {
        return sol;
    }

    /** Any modelled request, to the BMC. */
    public <R> CompletableFuture<R> execute(IpmiRequest<R> request) {
        return transport.send(request);
    }

    /** Any modelled request, to a LUN of the BMC or a bridged controller. */
    public <R> CompletableFuture<R> execute(RequestTarget target, IpmiRequest<R> request) {
        return transport.send(target, request);
    }

    /** A raw command; completes with the response data after a 00h completion code. */
    public CompletableFuture<byte[]> raw(int netFn, int cmd, byte... data) {
        return execute(RawRequest.of(netFn, cmd, data)).thenApply(r -> r.data().toByteArray());
    }

    /** Like {@link #raw(int, int, byte...)}, to another target (ipmitool's {@code -t}/{@code -b}). */
    public CompletableFuture<byte[]> raw(RequestTarget target, int netFn, int cmd, byte... data) {
        return execute(target, RawRequest.of(netFn, cmd, data)).thenApply(r -> r.data().toByteArray());
    }

    IpmiTransport transport() {
        return transport;
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }
}
