package dev.ipmi.lan;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiException;
import dev.ipmi.core.internal.Futures;
import dev.ipmi.core.spi.IpmiTransport;
import dev.ipmi.core.client.RequestTarget;
import dev.ipmi.core.types.AuthType;
import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.core.event.IpmiEventListener;
import dev.ipmi.core.event.LoggingEventListener;
import dev.ipmi.core.internal.OptionSecrets;
import dev.ipmi.core.internal.SessionChecks;
import dev.ipmi.core.options.LanOptions;
import dev.ipmi.lan.engine.UdpEngine;
import dev.ipmi.lan.internal.AuthCodes;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * An IPMI 1.5 LAN session (RMCP, MD5/MD2/straight-password/NONE authentication) to one BMC, run
 * by the shared {@link UdpEngine} as an {@link Ipmi15Machine}. Thread-safe: any number of threads
 * may call {@link #exchange} or {@link #send} concurrently; up to {@link LanOptions#window()}
 * requests are in flight at once, the rest queue.
 *
 * <pre>{@code
 * LanOptions o = LanOptions.builder("10.0.0.5").credentials("admin", pw).build();
 * try (LanSession s = LanSession.open(o)) {
 *     GetDeviceId.Response id = s.send(new GetDeviceId.Request()).join();
 * }
 * }</pre>
 *
 * <p>{@link #close()} sends Close Session (one attempt) and waits for the answer at most one
 * retry timeout.
 */
public final class LanSession implements IpmiTransport {
    private final UdpEngine.Registration registration;
    private final Ipmi15Machine.Established info;
    private final InetSocketAddress bmc;
    private final LanOptions options;

    private LanSession(UdpEngine.Registration registration, Ipmi15Machine.Established info, LanOptions options) {
        this.registration = registration;
        this.info = info;
        this.bmc = registration.bmc();
        this.options = options;
    }

    /** Opens a session; completes exceptionally with an {@link IpmiException} when it cannot be established. */
    public static CompletableFuture<LanSession> openAsync(LanOptions options) {
        UdpEngine engine = UdpEngine.of(options);
        InetSocketAddress bmc = new InetSocketAddress(options.host(), options.port());
        byte[] pw = OptionSecrets.password(options);
        byte[] pw16;
        try {
            pw16 = AuthCodes.pad(pw);
        } finally {
            Arrays.fill(pw, (byte) 0);
        }
        CompletableFuture<Ipmi15Machine.Established> opened = new CompletableFuture<>();
        IpmiEventListener listener = options.listener() == IpmiEventListener.NONE ? LoggingEventListener.INSTANCE
                : IpmiEventListener.composite(LoggingEventListener.INSTANCE, options.listener());
        Ipmi15Machine machine = new Ipmi15Machine(bmc, SessionChecks.userName(options.userName()), pw16,
                options.authType().orElse(null), options.allowInsecureAuth(), options.privilege(), options.retry(), options.window(),
                options.keepalive(), listener, new SecureRandom(), opened, options.quirks());
        UdpEngine.Registration reg;
        try {
            reg = engine.register(bmc, machine, listener);
        } catch (IpmiException e) {
            Arrays.fill(pw16, (byte) 0);
            return CompletableFuture.failedFuture(e);
        }
        return opened.thenApply(info -> new LanSession(reg, info, options));
    }

    /** Opens a session, blocking; throws the {@link IpmiException} that prevented it. */
    public static LanSession open(LanOptions options) {
        return await(openAsync(options));
    }

    /** Waits for a future and rethrows its {@link IpmiException} (or other unchecked cause) unwrapped. */
    public static <T> T await(CompletableFuture<T> future) {
        return Futures.await(future);
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

    /** The session ID the BMC assigned. */
    public int sessionId() {
        return info.sessionId();
    }

    /** The auth type used for packets in the session (NONE when the BMC disabled per-message auth). */
    public AuthType authType() {
        return info.authType();
    }

    public PrivilegeLevel privilege() {
        return info.privilege();
    }

    public InetSocketAddress bmc() {
        return bmc;
    }

    /**
     * Sends Close Session (one attempt) and completes, without blocking any thread, once the BMC
     * answered or the session gave up; the socket is released by then. Completes normally either way.
     */
    @Override
    public CompletableFuture<Void> closeAsync() {
        registration.close();
        return registration.ended().handle((v, e) -> (Void) null).completeOnTimeout(null, closeWaitMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** A wait on {@link #closeAsync()}: at most about one retry timeout. */
    @Override
    public void close() {
        Futures.awaitClose(closeAsync());
    }

    /** The machine ends itself one retry timeout after Close Session; the margin covers the hand-over. */
    private long closeWaitMillis() {
        return options.retry().timeoutNanos(1, 1.0) / 1_000_000 + 500;
    }

    @Override
    public String toString() {
        return String.format("LanSession[%s session %08X, %s, %s]", bmc, info.sessionId(), info.authType(),
                info.privilege());
    }
}
