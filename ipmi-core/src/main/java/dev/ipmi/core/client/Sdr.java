package dev.ipmi.core.client;

import dev.ipmi.core.commands.storage.GetSdrRepositoryInfo;
import dev.ipmi.core.internal.Futures;
import dev.ipmi.core.sdr.SdrCache;
import dev.ipmi.core.sdr.SdrRecord;
import dev.ipmi.core.sdr.SdrScan;
import java.util.List;
import java.util.stream.Stream;

/** The SDR repository (ipmitool's {@code sdr}); waits on {@link AsyncSdr}. */
public final class Sdr {
    private final AsyncSdr async;

    Sdr(AsyncSdr async) {
        this.async = async;
    }

    /** See {@link AsyncSdr#cachedIn(SdrCache, String)}. */
    public Sdr cachedIn(SdrCache cache, String hostKey) {
        return new Sdr(async.cachedIn(cache, hostKey));
    }

    public GetSdrRepositoryInfo.Response info() {
        return Futures.await(async.info());
    }

    public SdrScan scan() {
        return Futures.await(async.scan());
    }

    /** Every record that decoded, in repository order. */
    public List<SdrRecord> list() {
        return Futures.await(async.records());
    }

    /** The records as a stream (the repository is read, or taken from the cache, first). */
    public Stream<SdrRecord> records() {
        return list().stream();
    }

    public SdrScan rescan() {
        return Futures.await(async.rescan());
    }
}
