package dev.ipmi.core.client;

import dev.ipmi.core.commands.app.GetDeviceId;
import dev.ipmi.core.commands.storage.GetSdrRepositoryInfo;
import dev.ipmi.core.internal.AsyncLoop;
import dev.ipmi.core.internal.Futures;
import dev.ipmi.core.sdr.SdrCache;
import dev.ipmi.core.sdr.SdrReader;
import dev.ipmi.core.sdr.SdrRecord;
import dev.ipmi.core.sdr.SdrScan;
import dev.ipmi.core.spi.IpmiTransport;
import dev.ipmi.core.client.RequestTarget;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The SDR repository (ipmitool's {@code sdr}), non-blocking. Scans go through an {@link SdrCache}
 * validated by the repository's last addition and erase timestamps: a second scan of an unchanged
 * repository costs one Get SDR Repository Info. Each client starts with its own in-memory cache;
 * {@link #cachedIn(SdrCache, String)} shares one between clients (or persists it to files).
 *
 * <p>A BMC whose Get Device ID says it provides device SDRs, is a sensor device and has no SDR
 * repository device is read with the Sensor/Event device SDR commands instead (as ipmitool's
 * {@code sdr} does). Device SDRs are never cached (they carry no timestamps to validate a copy):
 * every scan reads them again. The choice is made once per client, on the first scan that the
 * cache cannot answer.
 */
public final class AsyncSdr {
    private final AsyncIpmiClient client;
    private final SdrCache cache;
    private final String hostKey;
    /** Whether the BMC serves device SDRs; null until Get Device ID has been asked. */
    private final AtomicReference<Boolean> deviceSdrs;

    AsyncSdr(AsyncIpmiClient client, SdrCache cache, String hostKey) {
        this(client, cache, hostKey, new AtomicReference<>());
    }

    private AsyncSdr(AsyncIpmiClient client, SdrCache cache, String hostKey, AtomicReference<Boolean> deviceSdrs) {
        this.client = client;
        this.cache = cache;
        this.hostKey = hostKey;
        this.deviceSdrs = deviceSdrs;
    }

    /**
     * This group with scans kept in {@code cache} under {@code hostKey} (e.g. "10.0.0.5:623").
     * Use one key per BMC: the key is what tells two BMCs apart.
     */
    public AsyncSdr cachedIn(SdrCache cache, String hostKey) {
        return new AsyncSdr(client, Objects.requireNonNull(cache, "cache"), Objects.requireNonNull(hostKey, "hostKey"),
                deviceSdrs);
    }

    /** Get SDR Repository Info: version, record count, free space, timestamps, supported operations. */
    public CompletableFuture<GetSdrRepositoryInfo.Response> info() {
        return SdrReader.repository(client.transport()).info();
    }

    /** Reads the repository (or serves it from the cache when unchanged); undecodable records are listed apart. */
    public CompletableFuture<SdrScan> scan() {
        IpmiTransport t = client.transport();
        Boolean device = deviceSdrs.get();
        if (device != null) {
            return reader(t, device).readAll(cache, hostKey);
        }
        // a cached repository answers from its timestamps alone; only a miss needs Get Device ID
        return SdrReader.repository(t).info().handle((info, err) -> {
            if (err == null) {
                Optional<List<byte[]>> hit = cache.get(hostKey, info.lastAddition(), info.lastErase());
                if (hit.isPresent()) {
                    return CompletableFuture.completedFuture(SdrScan.decode(hit.get(), true));
                }
            } else if (AsyncLoop.completionCode(err) < 0) {
                return CompletableFuture.<SdrScan>failedFuture(Futures.unwrap(err));
            }
            return usesDeviceSdrs(t).thenCompose(d -> reader(t, d).readAll(cache, hostKey));
        }).thenCompose(f -> f);
    }

    private static SdrReader reader(IpmiTransport t, boolean device) {
        return device ? SdrReader.device(t, RequestTarget.BMC) : SdrReader.repository(t);
    }

    /**
     * ipmitool's rule: device SDRs when Get Device ID sets "provides device SDRs" and the sensor
     * device bit but not the SDR repository device bit. A BMC that refuses Get Device ID is read as
     * a repository, as before this check existed.
     */
    private CompletableFuture<Boolean> usesDeviceSdrs(IpmiTransport t) {
        return t.send(RequestTarget.BMC, new GetDeviceId.Request()).handle((id, err) -> {
            if (err != null) {
                if (AsyncLoop.completionCode(err) < 0) {
                    throw new CompletionException(Futures.unwrap(err));
                }
                return false;
            }
            int support = id.additionalSupport();
            boolean device = id.providesDeviceSdrs() && (support & GetDeviceId.Response.SDR_REPOSITORY_DEVICE) == 0
                    && (support & GetDeviceId.Response.SENSOR_DEVICE) != 0;
            deviceSdrs.set(device);
            return device;
        });
    }

    /** Every record that decoded, in repository order. */
    public CompletableFuture<List<SdrRecord>> records() {
        return scan().thenApply(SdrScan::records);
    }

    /** Reads the repository from the BMC, bypassing (and refreshing) the cache. */
    public CompletableFuture<SdrScan> rescan() {
        cache.invalidate(hostKey);
        return scan();
    }

    SdrCache cache() {
        return cache;
    }

    String hostKey() {
        return hostKey;
    }
}
