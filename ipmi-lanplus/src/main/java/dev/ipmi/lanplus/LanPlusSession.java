package dev.ipmi.lanplus;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiException;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiSessionException;
import dev.ipmi.core.IpmiTransportException;
import dev.ipmi.core.commands.app.GetChannelInfo;
import dev.ipmi.core.internal.Futures;
import dev.ipmi.core.internal.OptionSecrets;
import dev.ipmi.core.internal.SessionChecks;
import dev.ipmi.core.options.LanPlusOptions;
import dev.ipmi.core.event.IpmiEventListener;
import dev.ipmi.core.event.LoggingEventListener;
import dev.ipmi.core.sol.SolOptions;
import dev.ipmi.core.sol.SolSession;
import dev.ipmi.core.sol.SolStatusListener;
import dev.ipmi.core.spi.SolSupport;
import dev.ipmi.core.types.CipherSuite;
import dev.ipmi.core.types.ConfidentialityAlgorithm;
import dev.ipmi.core.types.IntegrityAlgorithm;
import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.core.spi.IpmiTransport;
import dev.ipmi.core.client.RequestTarget;
import dev.ipmi.lan.engine.UdpEngine;
import dev.ipmi.lanplus.internal.Crypto;
import dev.ipmi.lanplus.internal.LanPlusConfig;
import dev.ipmi.lanplus.internal.LanPlusDiagnostics;
import dev.ipmi.lanplus.internal.LanPlusMachine;
import dev.ipmi.lanplus.sol.SolConsole;
import dev.ipmi.lanplus.sol.SolTransport;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An RMCP+ (IPMI v2.0 LAN) session: logs in with RAKP, then carries any number of concurrent
 * requests. Thread-safe. {@link #close()} sends Close Session (the BMC has only a few session slots).
 *
 * <p>It also carries Serial-over-LAN ({@link #activateSol}): SOL payloads (type 01h) go out with the
 * session's integrity and confidentiality and the next session sequence number; inbound ones pass
 * the same checks as IPMI replies (integrity, decryption, session ID, replay window) before the
 * console sees them. One console per session at a time; {@link #close()} deactivates it before
 * Close Session.
 *
 * <pre>{@code
 * LanPlusOptions o = LanPlusOptions.builder("10.0.0.5").credentials("admin", pw).build();
 * try (LanPlusSession s = LanPlusSession.open(o)) {
 *     GetDeviceId.Response id = s.send(new GetDeviceId.Request()).join();
 * }
 * }</pre>
 */
public final class LanPlusSession implements IpmiTransport, SolTransport, SolSupport {
    private static final Logger LOG = LoggerFactory.getLogger(LanPlusSession.class);
    private final LanPlusMachine machine;
    private final Set<SolSession> consoles = ConcurrentHashMap.newKeySet();
    private volatile int lanChannel = -1;
    private final UdpEngine.Registration registration;
    private final LanPlusOptions options;
    private final UdpEngine engine;

    private LanPlusSession(LanPlusOptions options, UdpEngine engine, LanPlusMachine machine,
            UdpEngine.Registration registration) {
        this.options = options;
        this.engine = engine;
        this.machine = machine;
        this.registration = registration;
    }

    /**
     * Logs in and returns the session; blocks until the login finished.
     *
     * @throws dev.ipmi.core.IpmiAuthenticationException   wrong user, password or K_G (names the RAKP step and status)
     * @throws dev.ipmi.core.CipherSuiteUnavailableException no usable cipher suite
     * @throws dev.ipmi.core.PrivilegeUnavailableException the privilege level was refused
     * @throws dev.ipmi.core.IpmiTimeoutException          the BMC did not answer
     */
    public static LanPlusSession open(LanPlusOptions options) {
        try {
            return openAsync(options).join();
        } catch (CompletionException e) {
            throw unwrap(e);
        }
    }

    /** Starts the login; the future completes with the session or fails with an {@link IpmiException}. */
    public static CompletableFuture<LanPlusSession> openAsync(LanPlusOptions options) {
        Objects.requireNonNull(options, "options");
        Crypto.warmUpInBackground();
        UdpEngine engine = UdpEngine.of(options);
        InetSocketAddress address = options.address();
        byte[] password = OptionSecrets.password(options);
        byte[] kg = OptionSecrets.kg(options);
        LanPlusMachine machine;
        try {
            machine = new LanPlusMachine(new LanPlusConfig(address, SessionChecks.userName(options.userName()),
                    password, kg, options.privilege(), options.cipherSuite(), options.nameOnlyLookup(), options.retry(),
                    // the machine logs nothing itself: its events (DEBUG) and packet trace (TRACE) go through here
                    IpmiEventListener.composite(options.listener(), LoggingEventListener.INSTANCE),
                    options.cipherSuiteCache(), keepalive(options.keepalive()),
                    options.relogin(), options.quirks(), options.window()), new SecureRandomGenerator());
        } finally {
            java.util.Arrays.fill(password, (byte) 0);
            if (kg != null) {
                java.util.Arrays.fill(kg, (byte) 0);
            }
        }
        UdpEngine.Registration reg = engine.register(address, machine, options.listener());
        LanPlusSession session = new LanPlusSession(options, engine, machine, reg);
        return machine.opened().thenApply(v -> session);
    }

    /**
     * The machine's idle timer always runs; {@link Duration#ZERO} (keepalive disabled, as the options
     * allow) becomes a year, longer than any session lives.
     */
    private static Duration keepalive(Duration configured) {
        return configured.isZero() ? Duration.ofDays(365) : configured;
    }

    /**
     * The library's SecureRandom as a RandomGenerator: session IDs and the rqSeq start come from it.
     * The retransmission jitter ({@link #nextDouble}, drawn for every request) needs no secrecy, and
     * the SecureRandom's lock and /dev/urandom read cost more than the rest of a request's
     * bookkeeping, so it comes from {@link ThreadLocalRandom}.
     */
    private static final class SecureRandomGenerator implements RandomGenerator {
        private final SecureRandom random = Crypto.secureRandom();

        @Override
        public double nextDouble() {
            return ThreadLocalRandom.current().nextDouble();
        }

        @Override
        public long nextLong() {
            return random.nextLong();
        }

        @Override
        public int nextInt() {
            return random.nextInt();
        }
    }

    static IpmiException unwrap(Throwable e) {
        Throwable t = Futures.unwrap(e);
        if (t instanceof IpmiException ie) {
            return ie;
        }
        return new IpmiSessionException("session failed: " + t, t);
    }

    @Override
    public CompletableFuture<byte[]> exchange(RequestTarget target, CommandId id, byte[] data) {
        return exchange(target, id, data, dev.ipmi.core.Idempotency.repeatable(id, data));
    }

    /** A request that is not {@code repeatable} goes out once; see {@link dev.ipmi.core.Idempotency}. */
    @Override
    public CompletableFuture<byte[]> exchange(RequestTarget target, CommandId id, byte[] data, boolean repeatable) {
        return registration.exchange(target, id, data, repeatable);
    }

    /** Blocking {@link #exchange}: the response body (completion code first). */
    public byte[] exchangeBlocking(CommandId id, byte[] data) {
        try {
            return exchange(id, data).join();
        } catch (CompletionException e) {
            throw unwrap(e);
        }
    }

    /** The cipher suite in use (what AUTO settled on). */
    public CipherSuite cipherSuite() {
        return machine.diagnostics().cipherSuite();
    }

    /** The privilege level Set Session Privilege Level reported. */
    public PrivilegeLevel privilege() {
        return machine.diagnostics().grantedPrivilege();
    }

    /** Protocol time of the most recent login (from the first datagram to session ready). */
    public Duration loginDuration() {
        return machine.diagnostics().loginDuration();
    }

    /** Inbound packets dropped because their integrity check failed. */
    public long badIntegrityCount() {
        return machine.diagnostics().badIntegrity();
    }

    /** Inbound packets dropped as replays (duplicate or outside the sequence window). */
    public long replayCount() {
        return machine.diagnostics().replayed();
    }

    /** The BMC's ID for this session (as Close Session, Get Session Info and Get Payload Instance Info name it). */
    public int bmcSessionId() {
        return machine.diagnostics().bmcSessionId();
    }

    @Override
    public OptionalInt payloadOwnerId() {
        int id = machine.diagnostics().bmcSessionId();
        return id == 0 ? OptionalInt.empty() : OptionalInt.of(id);
    }

    /** Successful logins (more than 1 after a re-login). */
    public int loginCount() {
        return machine.diagnostics().logins();
    }

    /**
     * Activates a SOL console on this session; see {@link SolConsole#activate}.
     *
     * @throws IllegalStateException this session already has an open console (SOL packets carry no
     *                               instance number, so one session runs one console)
     */
    @Override
    public SolSession activateSol(SolOptions options, SolStatusListener listener) {
        synchronized (consoles) {
            consoles.removeIf(c -> !c.isOpen());
            if (!consoles.isEmpty()) {
                throw new IllegalStateException("this session already has an active SOL console; close it first");
            }
            SolSession console = SolConsole.activate(this, options, listener);
            consoles.add(console);
            return console;
        }
    }

    @Override
    public <R> R execute(IpmiRequest<R> request) {
        try {
            return send(request).join();
        } catch (CompletionException e) {
            throw unwrap(e);
        }
    }

    @Override
    public <R> CompletableFuture<R> executeAsync(IpmiRequest<R> request) {
        return send(request);
    }

    @Override
    public void sendSolPayload(byte[] payload) {
        byte[] copy = payload.clone();
        registration.execute(now -> machine.sendSol(copy, now));
    }

    @Override
    public void runOnIoThread(Runnable task) {
        engine.execute(task);
    }

    @Override
    public void scheduleOnIoThread(long delayNanos, Runnable task) {
        engine.schedule(engine.nanoTime() + delayNanos, task);
    }

    @Override
    public boolean onIoThread() {
        return engine.inIoThread();
    }

    @Override
    public void setSolPayloadHandler(Consumer<byte[]> handler) {
        try {
            registration.execute(now -> machine.setSolHandler(handler, now));
        } catch (IpmiTransportException engineClosed) {
            // no I/O thread left, so no payload will arrive for any handler
        }
    }

    /**
     * The LAN channel number: what Get Channel Authentication Capabilities reported for "this
     * channel"; if the BMC echoed 0Eh there, Get Channel Info for 0Eh names it. Never 0Eh
     * (ipmi_sim crashes on some commands addressed to channel 0Eh).
     */
    @Override
    public int channel() {
        int c = lanChannel;
        if (c >= 0) {
            return c;
        }
        c = machine.diagnostics().channel();
        if (c < 0 || c == GetChannelInfo.CURRENT_CHANNEL || c > 0x0F) {
            c = execute(new GetChannelInfo.Request(GetChannelInfo.CURRENT_CHANNEL)).channel();
        }
        if (c == GetChannelInfo.CURRENT_CHANNEL) {
            throw new IpmiSessionException("the BMC does not name the session's channel (it answers 0Eh)");
        }
        lanChannel = c;
        return c;
    }

    @Override
    public int sessionPort() {
        return options.port();
    }

    @Override
    public boolean encryptPayloads() {
        return cipherSuite().confidentiality() != ConfidentialityAlgorithm.NONE;
    }

    @Override
    public boolean authenticatePayloads() {
        return cipherSuite().integrity() != IntegrityAlgorithm.NONE;
    }

    /**
     * Closes any open SOL console (Deactivate Payload), then sends Close Session; completes once the
     * BMC answered it or the session gave up (one request timeout), normally either way. No thread
     * waits for any of it: the consoles' Deactivate Payload and Close Session are asynchronous
     * requests on the engine.
     */
    @Override
    public CompletableFuture<Void> closeAsync() {
        List<SolSession> open;
        synchronized (consoles) {
            open = List.copyOf(consoles);
            consoles.clear();
        }
        CompletableFuture<?>[] consolesClosing = open.stream().map(LanPlusSession::closeConsole)
                .toArray(CompletableFuture<?>[]::new);
        return CompletableFuture.allOf(consolesClosing).thenCompose(v -> {
            registration.close();
            return registration.ended().handle((x, e) -> (Void) null);
        }).completeOnTimeout(null, closeWaitMillis(open.size()), TimeUnit.MILLISECONDS);
    }

    private static CompletableFuture<Void> closeConsole(SolSession c) {
        try {
            return c.closeAsync().exceptionally(e -> {
                LOG.debug("closing a SOL console before Close Session: {}", e.toString());
                return null;
            });
        } catch (RuntimeException e) {
            LOG.debug("closing a SOL console before Close Session: {}", e.toString());
            return CompletableFuture.completedFuture(null);
        }
    }

    /** A wait on {@link #closeAsync()}: at most one request timeout plus a margin (per open console too). */
    @Override
    public void close() {
        Futures.awaitClose(closeAsync());
    }

    /** The machine ends itself one request timeout after Close Session; each console may take as long again. */
    private long closeWaitMillis(int consoleCount) {
        return (options.retry().timeoutNanos(1, 1.0) / 1_000_000 + 500) * (1 + consoleCount);
    }

    @Override
    public String toString() {
        LanPlusDiagnostics d = machine.diagnostics();
        return "LanPlusSession[" + options.hostKey() + ", " + d.state() + ", suite "
                + (d.cipherSuite() == null ? "-" : d.cipherSuite().id()) + "]";
    }
}
