package dev.ipmi.core.client;

import dev.ipmi.core.commands.storage.GetSdrRepositoryInfo;
import dev.ipmi.core.sdr.SdrCache;
import dev.ipmi.core.sdr.SdrReader;
import dev.ipmi.core.sdr.SdrRecord;
import dev.ipmi.core.sdr.SdrScan;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The SDR repository (ipmitool's {@code sdr}), non-blocking. Scans go through an {@link SdrCache}
 * validated by the repository's last addition and erase timestamps: a second scan of an unchanged
 * repository costs one Get SDR Repository Info. Each client starts with its own in-memory cache;
 * {@link #cachedIn(SdrCache, String)} shares one between clients (or persists it to files).
 */
public final class AsyncSdr {
    private final AsyncIpmiClient client;
    private final SdrCache cache;
    private final String hostKey;

    AsyncSdr(AsyncIpmiClient client, SdrCache cache, String hostKey) {
        this.client = client;
        this.cache = cache;
        this.hostKey = hostKey;
    }

    /**
     * This group with scans kept in {@code cache} under {@code hostKey} (e.g. "10.0.0.5:623").
     * Use one key per BMC: the key is what tells two BMCs apart.
     */
    public AsyncSdr cachedIn(SdrCache cache, String hostKey) {
        return new AsyncSdr(client, Objects.requireNonNull(cache, "cache"), Objects.requireNonNull(hostKey, "hostKey"));
    }

    /** Get SDR Repository Info: version, record count, free space, timestamps, supported operations. */
    public CompletableFuture<GetSdrRepositoryInfo.Response> info() {
        return SdrReader.repository(client.transport()).info();
    }

    /** Reads the repository (or serves it from the cache when unchanged); undecodable records are listed apart. */
    public CompletableFuture<SdrScan> scan() {
        return SdrReader.repository(client.transport()).readAll(cache, hostKey);
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
