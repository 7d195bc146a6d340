package dev.ipmi.core.sdr;

import dev.ipmi.core.wire.Hex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SDR records remembered per host and validated by the repository's most recent addition and
 * erase timestamps (Get SDR Repository Info): when either changes, the entry is stale and the
 * repository is read again. A BMC that reports both timestamps as 0 gives nothing to validate
 * with, so its repository is never served from the cache.
 *
 * <p>Optionally persisted to a directory (one file per host key), so a new process also skips the
 * scan. I/O problems with the files only cost a rescan; they are logged at DEBUG.
 */
public final class SdrCache {
    private static final Logger LOG = LoggerFactory.getLogger(SdrCache.class);
    private static final String MAGIC = "ipmi-java-sdr-cache 1";

    private record Entry(long lastAddition, long lastErase, List<byte[]> records) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Path directory;

    private SdrCache(Path directory) {
        this.directory = directory;
    }

    public static SdrCache inMemory() {
        return new SdrCache(null);
    }

    /** A cache that also stores entries as files in {@code directory} (created when needed). */
    public static SdrCache persistent(Path directory) {
        return new SdrCache(Objects.requireNonNull(directory, "directory"));
    }

    /** The records cached for {@code hostKey} if they were read at these timestamps. */
    public Optional<List<byte[]>> get(String hostKey, long lastAddition, long lastErase) {
        if (lastAddition == 0 && lastErase == 0) {
            return Optional.empty();
        }
        Entry e = entries.get(hostKey);
        if (e == null && directory != null) {
            e = load(hostKey);
            if (e != null) {
                entries.put(hostKey, e);
            }
        }
        if (e == null || e.lastAddition != lastAddition || e.lastErase != lastErase) {
            return Optional.empty();
        }
        return Optional.of(e.records.stream().map(byte[]::clone).toList());
    }

    public void put(String hostKey, long lastAddition, long lastErase, List<byte[]> records) {
        Entry e = new Entry(lastAddition, lastErase, records.stream().map(byte[]::clone).toList());
        entries.put(hostKey, e);
        if (directory != null) {
            store(hostKey, e);
        }
    }

    public void invalidate(String hostKey) {
        entries.remove(hostKey);
        if (directory != null) {
            try {
                Files.deleteIfExists(file(hostKey));
            } catch (IOException ex) {
                LOG.debug("could not delete SDR cache file for {}: {}", hostKey, ex.toString());
            }
        }
    }

    private Path file(String hostKey) {
        StringBuilder name = new StringBuilder();
        for (char c : hostKey.toCharArray()) {
            name.append(Character.isLetterOrDigit(c) || c == '.' || c == '-' ? c : '_');
        }
        return directory.resolve(name + ".sdr");
    }

    private Entry load(String hostKey) {
        Path f = file(hostKey);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try {
            List<String> lines = Files.readAllLines(f, StandardCharsets.US_ASCII);
            if (lines.size() < 3 || !lines.get(0).equals(MAGIC) || !lines.get(1).equals("host " + hostKey)) {
                return null;
            }
            String[] ts = lines.get(2).split(" ");
            List<byte[]> records = new ArrayList<>();
            for (String l : lines.subList(3, lines.size())) {
                if (!l.isBlank()) {
                    records.add(Hex.parse(l));
                }
            }
            return new Entry(Long.parseLong(ts[0]), Long.parseLong(ts[1]), records);
        } catch (IOException | RuntimeException ex) {
            LOG.debug("ignoring unreadable SDR cache file {}: {}", f, ex.toString());
            return null;
        }
    }

    private void store(String hostKey, Entry e) {
        try {
            Files.createDirectories(directory);
            StringBuilder b = new StringBuilder(MAGIC).append('\n').append("host ").append(hostKey).append('\n')
                    .append(e.lastAddition).append(' ').append(e.lastErase).append('\n');
            for (byte[] r : e.records) {
                b.append(Hex.compact(r)).append('\n');
            }
            Path target = file(hostKey);
            Path tmp = Files.createTempFile(directory, "sdr-", ".tmp");
            Files.writeString(tmp, b, StandardCharsets.US_ASCII);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException ex) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException ex) {
            LOG.debug("could not write SDR cache for {}: {}", hostKey, ex.toString());
        }
    }
}
