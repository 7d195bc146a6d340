package dev.ipmi.lan;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiException;
import dev.ipmi.core.IpmiTransportException;
import dev.ipmi.core.spi.IpmiTransport;
import dev.ipmi.core.client.RequestTarget;
import dev.ipmi.core.types.AuthType;
import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.lan.engine.IpmiCall;
import dev.ipmi.core.event.IpmiEventListener;
import dev.ipmi.core.event.LoggingEventListener;
import dev.ipmi.lan.engine.UdpEngine;
import dev.ipmi.lan.internal.AuthCodes;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An IPMI 1.5 LAN session (RMCP, MD5/MD2/straight-password/NONE authentication) to one BMC, run
 * by the shared {@link UdpEngine} as an {@link Ipmi15Machine}. Thread-safe: any number of threads
 * may call {@link #exchange} or {@link #send} concurrently; up to {@link LanOptions#window()}
 * requests are in flight at once, the rest queue.
 *
 * <pre>{@code
 * LanOptions o = LanOptions.builder("10.0.0.5").userName("admin").password(pw).build();
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
        InetSocketAddress bmc = new InetSocketAddress(options.host(), options.port());
        byte[] pw = options.passwordCopy();
        byte[] pw16;
        try {
            pw16 = AuthCodes.pad(pw);
        } finally {
            Arrays.fill(pw, (byte) 0);
        }
        CompletableFuture<Ipmi15Machine.Established> opened = new CompletableFuture<>();
        IpmiEventListener listener = options.listener() == IpmiEventListener.NONE ? LoggingEventListener.INSTANCE
                : IpmiEventListener.composite(LoggingEventListener.INSTANCE, options.listener());
        Ipmi15Machine machine = new Ipmi15Machine(bmc, options.userName(), pw16, options.authType().orElse(null),
                options.allowInsecureAuthentication(), options.privilege(), options.retry(), options.window(),
                options.keepalive(), listener, new SecureRandom(), opened);
        UdpEngine.Registration reg;
        try {
            reg = options.engine().register(bmc, machine, listener);
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
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IpmiTransportException("interrupted", e);
        } catch (ExecutionException | CompletionException e) {
            Throwable c = e.getCause();
            while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
                c = c.getCause();
            }
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IpmiException(String.valueOf(c), c);
        } catch (CancellationException e) {
            throw new IpmiTransportException("cancelled", e);
        }
    }

    @Override
    public CompletableFuture<byte[]> exchange(RequestTarget target, CommandId id, byte[] data) {
        return exchange(target, id, data, dev.ipmi.core.Idempotency.repeatable(id, data));
    }

    /** A request that is not {@code repeatable} goes out once; see {@link dev.ipmi.core.Idempotency}. */
    @Override
    public CompletableFuture<byte[]> exchange(RequestTarget target, CommandId id, byte[] data, boolean repeatable) {
        CompletableFuture<byte[]> f = new CompletableFuture<>();
        if (!target.isBmc()) {
            f.completeExceptionally(new UnsupportedOperationException("a session sends to the BMC only: bridged targets go through IpmiClient (BridgingTransport wraps them in Send Message)"));
            return f;
        }
        registration.submit(new IpmiCall(target, id, data.clone(), f, repeatable));
        return f;
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

    /** Sends Close Session and releases the socket; waits at most about one retry timeout. */
    @Override
    public void close() {
        registration.close();
        long waitMs = options.retry().timeoutNanos(1, 1.0) / 1_000_000 + 500;
        try {
            registration.ended().get(waitMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // the session ends on its own within the close timeout; nothing more to wait for
        }
    }

    @Override
    public String toString() {
        return String.format("LanSession[%s session %08X, %s, %s]", bmc, info.sessionId(), info.authType(),
                info.privilege());
    }
}
