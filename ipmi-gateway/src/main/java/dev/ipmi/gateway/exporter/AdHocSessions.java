package dev.ipmi.gateway.exporter;

import dev.ipmi.core.CompletionCodeException;
import dev.ipmi.core.MalformedMessageException;
import dev.ipmi.core.client.IpmiClient;
import dev.ipmi.core.client.RetryPolicy;
import dev.ipmi.core.options.LanPlusOptions;
import dev.ipmi.core.options.SessionOptions;
import dev.ipmi.core.sdr.SdrCache;
import dev.ipmi.core.spi.TransportEngine;
import dev.ipmi.core.types.CipherSuite;
import dev.ipmi.gateway.exporter.ExporterConfig.Driver;
import dev.ipmi.gateway.exporter.ExporterConfig.Module;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.WeakHashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sessions to {@code target=HOST:PORT} BMCs, pooled across scrapes: one session per BMC, user,
 * privilege and password, opened on the first scrape, reused by every later one, dropped after a
 * session-level failure (opened again next time) and closed after {@code idle} without a scrape.
 * Opening is asynchronous and every session shares the library's one I/O thread and this pool's
 * timer, so neither threads nor processes grow with the number of targets. SDR scans share one
 * cache keyed by host:port and validated by the repository timestamps.
 */
final class AdHocSessions implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AdHocSessions.class);

    private record Key(String host, int port, Driver driver, String user, int privilege, int cipherSuite,
                       String passwordDigest) {}

    private static final class Slot {
        CompletableFuture<IpmiClient> client;
        volatile long lastUsedNanos = System.nanoTime();
    }

    private final Map<Key, Slot> slots = new ConcurrentHashMap<>();
    /**
     * A module's password digest by the array's identity (arrays hash by identity), so a scrape does
     * not hash the password again; weak, so the arrays of modules a reload replaced can go.
     */
    private final Map<char[], String> digests = Collections.synchronizedMap(new WeakHashMap<>());
    private final SdrCache sdrCache = SdrCache.inMemory();
    private final ScheduledExecutorService timer;
    private final TransportEngine engine;
    private final ScrapeStats stats;
    private final Duration idle;
    private final int maxTargets;
    private final AtomicInteger open = new AtomicInteger();

    /**
     * @param engine     the I/O engine every session runs on
     * @param maxTargets distinct BMC endpoints kept at once: {@code target} comes from the request,
     *                   so without a bound any client could make the pool grow without end
     */
    AdHocSessions(ScheduledExecutorService timer, TransportEngine engine, ScrapeStats stats, Duration idle,
                  int maxTargets) {
        this.timer = timer;
        this.engine = engine;
        this.stats = stats;
        this.idle = idle;
        this.maxTargets = maxTargets;
        long every = Math.max(1, idle.toSeconds() / 4);
        timer.scheduleWithFixedDelay(this::closeIdle, every, every, TimeUnit.SECONDS);
    }

    <T> CompletableFuture<T> call(Target.Address target, Module module, Function<IpmiClient, CompletableFuture<T>> action) {
        Key key = new Key(target.host(), target.port(), module.driver(), module.user(), module.privilege().code(),
                module.cipherSuite(), digests.computeIfAbsent(module.password(), AdHocSessions::digest));
        if (slots.size() >= maxTargets && !slots.containsKey(key)) {
            return CompletableFuture.failedFuture(new IllegalStateException("the exporter already keeps sessions for "
                    + maxTargets + " targets; " + target.text() + " waits until one has been idle for " + idle));
        }
        Slot slot = slots.computeIfAbsent(key, k -> new Slot());
        slot.lastUsedNanos = System.nanoTime();
        CompletableFuture<IpmiClient> client;
        synchronized (slot) {
            if (slot.client == null || slot.client.isCompletedExceptionally()) {
                slot.client = open(target, module);
            }
            client = slot.client;
        }
        return client.thenCompose(c -> action.apply(c).whenComplete((r, e) -> {
            if (e != null && sessionBroken(e)) {
                drop(key, slot, client);
            }
        }));
    }

    private CompletableFuture<IpmiClient> open(Target.Address target, Module module) {
        Duration first = Duration.ofSeconds(1);
        int retries = 3;
        if (module.timeout().isPresent()) {
            // FreeIPMI's session timeout bounds a whole exchange; keep our retransmissions inside it
            Duration t = module.timeout().get();
            first = t.compareTo(Duration.ofSeconds(4)) >= 0 ? Duration.ofSeconds(1) : t.dividedBy(4);
            retries = (int) Math.max(1, Math.min(6, t.toMillis() / Math.max(1, first.toMillis()) - 1));
        }
        SessionOptions.Builder<?, ?> b;
        if (module.driver() == Driver.LAN) {
            b = IpmiClient.lan(target.host());
        } else {
            LanPlusOptions.Builder plus = IpmiClient.lanplus(target.host());
            if (module.cipherSuite() >= 0) {
                plus.cipherSuite(CipherSuite.of(module.cipherSuite()));
            }
            b = plus;
        }
        b.port(target.port());
        b.credentials(module.user(), module.password());
        b.privilege(module.privilege());
        b.retry(RetryPolicy.of(first, retries));
        b.listener(stats.listener());
        b.scheduler(timer);
        b.engine(engine);
        // the scrape's callbacks only record readings and never block: running them on the
        // I/O thread saves a thread hand-off per reply (the answer is written elsewhere)
        b.callbackExecutor(Runnable::run);
        b.sdrCache(sdrCache);
        CompletableFuture<IpmiClient> f;
        try {
            f = b.connectAsync();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return f.whenComplete((c, e) -> {
            if (e == null) {
                stats.sessionOpened();
                stats.sessionsOpen(open.incrementAndGet());
                LOG.debug("session opened to {}:{} (module {})", target.host(), target.port(), module.name());
            }
        });
    }

    /** A completion code or an undecodable reply means the BMC answered: the session is fine. */
    static boolean sessionBroken(Throwable e) {
        Throwable c = unwrap(e);
        return !(c instanceof CompletionCodeException || c instanceof MalformedMessageException
                || c instanceof IllegalStateException || c instanceof IllegalArgumentException);
    }

    static Throwable unwrap(Throwable e) {
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    private void drop(Key key, Slot slot, CompletableFuture<IpmiClient> client) {
        synchronized (slot) {
            if (slot.client != client) {
                return;
            }
            slot.client = null;
        }
        client.thenAccept(c -> timer.execute(() -> closeQuietly(c)));
        LOG.debug("session to {}:{} dropped", key.host(), key.port());
    }

    private void closeIdle() {
        long now = System.nanoTime();
        for (Map.Entry<Key, Slot> e : slots.entrySet()) {
            Slot s = e.getValue();
            if (now - s.lastUsedNanos > idle.toNanos()) {
                CompletableFuture<IpmiClient> c;
                synchronized (s) {
                    c = s.client;
                    s.client = null;
                }
                slots.remove(e.getKey(), s);
                if (c != null) {
                    c.thenAccept(this::closeQuietly);
                }
            }
        }
    }

    private void closeQuietly(IpmiClient c) {
        stats.sessionsOpen(open.decrementAndGet());
        try {
            c.close();
        } catch (RuntimeException e) {
            LOG.debug("closing a session failed: {}", e.toString());
        }
    }

    private static String digest(char[] password) {
        try {
            ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
            byte[] b = new byte[bytes.remaining()];
            bytes.get(b);
            byte[] d = MessageDigest.getInstance("SHA-256").digest(b);
            Arrays.fill(b, (byte) 0);
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Closes every pooled session (Close Session to each BMC). */
    @Override
    public void close() {
        for (Slot s : slots.values()) {
            CompletableFuture<IpmiClient> c;
            synchronized (s) {
                c = s.client;
                s.client = null;
            }
            if (c != null && c.isDone() && !c.isCompletedExceptionally()) {
                closeQuietly(c.join());
            }
        }
        slots.clear();
    }
}
