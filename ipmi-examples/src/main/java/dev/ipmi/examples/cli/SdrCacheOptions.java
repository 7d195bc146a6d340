package dev.ipmi.examples.cli;

import dev.ipmi.core.client.IpmiClient;
import dev.ipmi.core.sdr.SdrCache;
import dev.ipmi.core.sdr.SdrScan;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --sdr-cache <dir>}: keep SDR repositories in files there, validated by the repository's
 * last addition/erase timestamps, so a later run against an unchanged BMC reads one Get SDR
 * Repository Info instead of every record. Off by default (ipmitool reads the repository every time).
 */
public final class SdrCacheOptions {
    @Option(names = "--sdr-cache", paramLabel = "dir",
            description = "Cache SDR repositories in this directory (re-read only when the BMC's repository changed).")
    Path directory;

    /** Reads the repository through the file cache when one was given, else through the client's own cache. */
    static SdrScan scan(IpmiCli root, IpmiClient bmc) {
        SdrCacheOptions o = root.sdrCache;
        if (o == null || o.directory == null) {
            return bmc.sdr().scan();
        }
        String key = root.connection.host + ":" + root.connection.port;
        return bmc.sdr().cachedIn(SdrCache.persistent(o.directory), key).scan();
    }
}
