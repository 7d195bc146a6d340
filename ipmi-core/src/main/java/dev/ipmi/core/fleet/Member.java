package dev.ipmi.core.fleet;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiTimeoutException;
import dev.ipmi.core.client.AsyncIpmiClient;
import dev.ipmi.core.client.IpmiClient;
import dev.ipmi.core.event.IpmiEventListener;
import dev.ipmi.core.options.SessionOptions;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * One BMC of the fleet: its sessions (at most the fleet's cap), the login in progress, the limit of
 * calls in flight, and its health counters. Every field is guarded by {@code this}; futures are
 * completed outside the lock.
 */
final class Member {
    /** A session and what the fleet knows about it. */
    static final class Session {
        final IpmiClient client;
        /** The options it logged in with; wiped when it is closed (the client may log in again with them). */
        final SessionOptions options;
        int inFlight;
        long lastUsedNanos;
        /** A call on it timed out: the next call probes it before trusting it. */
        boolean suspect;
        boolean dead;
        CompletableFuture<Session> probe;

        Session(IpmiClient client, SessionOptions options, long now) {
            this.client = client;
            this.options = options;
            this.lastUsedNanos = now;
        }
    }

    /** One call: its work, deadline, and whether the work started (so may have run on the BMC). */
    static final class Call<T> {
        final Function<AsyncIpmiClient, CompletableFuture<T>> work;
        final long deadlineNanos;
        final CompletableFuture<T> result = new CompletableFuture<>();
        final AtomicBoolean started = new AtomicBoolean();
        volatile long startNanos;

        Call(Function<AsyncIpmiClient, CompletableFuture<T>> work, long deadlineNanos) {
            this.work = work;
            this.deadlineNanos = deadlineNanos;
        }
    }

    final String name;
    private final IpmiFleet fleet;
    private final Permits permits;
    private final Counters counters = new Counters();
    private final IpmiEventListener listener;
    private final List<Session> sessions = new ArrayList<>(1);
    private CompletableFuture<Session> opening;
    private long calls;
    private long failedCalls;
    private long logins;
    private long loginFailures;
    private long sessionsLost;
    private String lastError;

    Member(String name, IpmiFleet fleet) {
        this.name = name;
        this.fleet = fleet;
        this.permits = new Permits(fleet.inFlightPerBmc, fleet.executor);
        IpmiEventListener user = fleet.listener.forBmc(name);
        this.listener = user == null || user == IpmiEventListener.NONE ? counters
                : IpmiEventListener.composite(counters, user);
    }

    <T> CompletableFuture<T> call(Call<T> call) {
        permits.acquire(() -> fleet.permits.acquire(() -> run(call)));
        return call.result;
    }

    private <T> void run(Call<T> call) {
        if (fleet.closed) {
            finish(call, null, null, new IllegalStateException("the fleet is closed"));
            return;
        }
        if (System.nanoTime() - call.deadlineNanos > 0 || call.result.isDone()) {
            finish(call, null, null, deadline(call));
            return;
        }
        CompletableFuture<Session> s;
        try {
            s = session();
        } catch (RuntimeException e) {
            s = CompletableFuture.failedFuture(e);
        }
        if (s.isDone() && !s.isCompletedExceptionally()) {
            // the common case, a session open and trusted: no stage to wait on
            start(call, s.join(), null);
        } else {
            s.whenComplete((session, e) -> start(call, session, e));
        }
    }

    /** Runs the call's work on {@code session}, or fails the call with {@code e} (its login failed). */
    private <T> void start(Call<T> call, Session session, Throwable e) {
        if (e != null) {
            finish(call, null, null, Failures.unwrap(e));
            return;
        }
        if (System.nanoTime() - call.deadlineNanos > 0 || call.result.isDone()) {
            finish(call, null, null, deadline(call));
            return;
        }
        long now = System.nanoTime();
        synchronized (this) {
            session.inFlight++;
            session.lastUsedNanos = now;
        }
        call.startNanos = now;
        call.started.set(true);
        CompletableFuture<T> f;
        try {
            f = call.work.apply(session.client.async());
            if (f == null) {
                f = CompletableFuture.failedFuture(new NullPointerException("the fan-out work returned no future"));
            }
        } catch (RuntimeException ex) {
            f = CompletableFuture.failedFuture(ex);
        }
        f.whenComplete((v, err) -> finish(call, session, v, err == null ? null : Failures.unwrap(err)));
    }

    private static IpmiTimeoutException deadline(Call<?> call) {
        return new IpmiTimeoutException("the call (deadline passed before it started)", 0, Duration.ZERO, false, true);
    }

    private <T> void finish(Call<T> call, Session session, T value, Throwable error) {
        Throwable shown = error;
        boolean discard = false;
        synchronized (this) {
            calls++;
            if (session != null) {
                session.inFlight--;
                session.lastUsedNanos = System.nanoTime();
                if (error == null) {
                    session.suspect = false;
                } else if (Failures.doubtful(error)) {
                    session.suspect = true;
                } else if (Failures.sessionGone(error)) {
                    discard = true;
                    shown = Failures.onLostSession(name, error);
                }
            }
            if (error != null) {
                failedCalls++;
                lastError = shown.getMessage();
            }
        }
        if (discard) {
            discard(session, error);
        }
        fleet.permits.release();
        permits.release();
        if (error == null) {
            call.result.complete(value);
        } else {
            call.result.completeExceptionally(shown);
        }
    }

    /** A session to run the next call on: the least busy, a probed suspect, or a new login. */
    private CompletableFuture<Session> session() {
        Session best = null;
        boolean openMore;
        boolean startProbe = false;
        CompletableFuture<Session> probe;
        synchronized (this) {
            for (Session s : sessions) {
                if (best == null || s.inFlight < best.inFlight) {
                    best = s;
                }
            }
            openMore = opening == null && sessions.size() < fleet.sessionsPerBmc
                    && (best == null || best.inFlight >= fleet.depthPerSession);
            if (openMore) {
                opening = new CompletableFuture<>();
            }
            if (best == null) {
                CompletableFuture<Session> o = opening;
                if (openMore) {
                    fleet.executor.execute(() -> login(o, 0, System.nanoTime()));
                }
                return o;
            }
            if (openMore) {
                CompletableFuture<Session> o = opening;
                fleet.executor.execute(() -> login(o, 0, System.nanoTime()));
            }
            if (!best.suspect) {
                return CompletableFuture.completedFuture(best);
            }
            if (best.probe == null) {
                best.probe = new CompletableFuture<>();
                startProbe = true;
            }
            probe = best.probe;
        }
        if (startProbe) {
            probe(best, probe);
        }
        return probe;
    }

    /**
     * Asks a doubtful session for its device ID, waiting one probe timeout: it answers, and it is
     * trusted again; it does not (the BMC restarted and forgot it, or expired it), and it is
     * discarded and the call waits for a new login instead.
     */
    private void probe(Session s, CompletableFuture<Session> p) {
        s.client.async().mc().deviceId().orTimeout(fleet.probeTimeout.toNanos(), TimeUnit.NANOSECONDS)
                .whenComplete((r, e) -> {
                    if (e == null) {
                        synchronized (this) {
                            s.suspect = false;
                            s.probe = null;
                        }
                        p.complete(s);
                        return;
                    }
                    discard(s, Failures.unwrap(e));
                    CompletableFuture<Session> next;
                    try {
                        next = session();
                    } catch (RuntimeException ex) {
                        next = CompletableFuture.failedFuture(ex);
                    }
                    next.whenComplete((n, e2) -> {
                        if (e2 != null) {
                            p.completeExceptionally(e2);
                        } else {
                            p.complete(n);
                        }
                    });
                });
    }

    /** One login attempt; a BMC out of session slots is asked again after a growing pause. */
    private void login(CompletableFuture<Session> target, int attempt, long startNanos) {
        SessionOptions options;
        try {
            SessionOptions.Builder<?, ?> b = java.util.Objects.requireNonNull(fleet.directory.resolve(name),
                    "the directory returned no options for " + name);
            Duration keepAlive = fleet.keepAlive == null ? null : fleet.keepAlive.apply(name);
            if (keepAlive != null) {
                b.keepalive(IpmiFleet.Builder.notNegative("keepAlive", keepAlive));
            }
            options = b.listener(listener).scheduler(fleet.scheduler).build();
        } catch (RuntimeException ex) {
            loginFailed(target, ex);
            return;
        }
        CompletableFuture<IpmiClient> c;
        try {
            c = fleet.connector.connect(options);
        } catch (RuntimeException ex) {
            c = CompletableFuture.failedFuture(ex);
        }
        c.whenComplete((client, err) -> {
            if (err == null) {
                Session s = new Session(client, options, System.nanoTime());
                boolean closeIt;
                synchronized (this) {
                    closeIt = fleet.closed;
                    if (!closeIt) {
                        sessions.add(s);
                        logins++;
                    }
                    opening = null;
                }
                if (closeIt) {
                    fleet.close(s);
                    target.completeExceptionally(new IllegalStateException("the fleet is closed"));
                } else {
                    target.complete(s);
                }
                return;
            }
            options.wipe();
            Throwable t = Failures.unwrap(err);
            long waited = System.nanoTime() - startNanos;
            if (Failures.outOfSlots(t) && !fleet.closed && waited < fleet.slotWait.toNanos()) {
                long pause = Math.min(fleet.slotWait.toMillis() / 4 + 1, 100L << Math.min(attempt, 6));
                fleet.scheduler.schedule(() -> fleet.executor.execute(() -> login(target, attempt + 1, startNanos)),
                        pause, TimeUnit.MILLISECONDS);
                return;
            }
            loginFailed(target, t);
        });
    }

    private void loginFailed(CompletableFuture<Session> target, Throwable t) {
        synchronized (this) {
            opening = null;
            loginFailures++;
            lastError = t.getMessage();
        }
        target.completeExceptionally(t);
    }

    /** Forgets a dead session and closes it without waiting (a BMC that forgot it will not answer). */
    void discard(Session s, Throwable cause) {
        synchronized (this) {
            if (s.dead) {
                return;
            }
            s.dead = true;
            sessions.remove(s);
            sessionsLost++;
        }
        try {
            fleet.listener.sessionDiscarded(name, cause);
        } catch (RuntimeException ignored) {
            // a listener's failure is not the fleet's
        }
        fleet.close(s);
    }

    /** Closes sessions idle for longer than {@code idleNanos}. */
    void closeIdle(long now, long idleNanos) {
        List<Session> idle = null;
        synchronized (this) {
            for (Session s : sessions) {
                if (s.inFlight == 0 && s.probe == null && now - s.lastUsedNanos > idleNanos) {
                    if (idle == null) {
                        idle = new ArrayList<>(1);
                    }
                    idle.add(s);
                }
            }
            if (idle != null) {
                sessions.removeAll(idle);
                idle.forEach(s -> s.dead = true);
            }
        }
        if (idle != null) {
            idle.forEach(fleet::close);
        }
    }

    /** Closes every session; returns the closes under way. */
    List<CompletableFuture<Void>> closeAll() {
        List<Session> all;
        synchronized (this) {
            all = new ArrayList<>(sessions);
            sessions.clear();
            all.forEach(s -> s.dead = true);
        }
        List<CompletableFuture<Void>> out = new ArrayList<>(all.size());
        for (Session s : all) {
            out.add(fleet.close(s));
        }
        return out;
    }

    synchronized int sessionsOpen() {
        return sessions.size();
    }

    BmcHealth health() {
        synchronized (this) {
            int inFlight = 0;
            for (Session s : sessions) {
                inFlight += s.inFlight;
            }
            return counters.snapshot(name, calls, failedCalls, logins, loginFailures, sessionsLost, sessions.size(),
                    inFlight, Optional.ofNullable(lastError));
        }
    }

    /** Request-level counters, fed by the sessions' event listener on the I/O thread. */
    static final class Counters implements IpmiEventListener {
        private long requests;
        private long retransmissions;
        private long timeouts;
        private long lastLatencyNanos;
        private long latencySumNanos;

        @Override
        public synchronized void requestRetransmitted(SocketAddress bmc, CommandId id, int rqSeq, int attempt) {
            retransmissions++;
        }

        @Override
        public synchronized void requestAnswered(SocketAddress bmc, CommandId id, int rqSeq, int completionCode,
                                                 int attempts, Duration elapsed) {
            requests++;
            lastLatencyNanos = elapsed.toNanos();
            latencySumNanos += lastLatencyNanos;
        }

        @Override
        public synchronized void requestFailed(SocketAddress bmc, CommandId id, Throwable error) {
            if (error instanceof IpmiTimeoutException) {
                timeouts++;
            }
        }

        synchronized BmcHealth snapshot(String name, long calls, long failedCalls, long logins, long loginFailures,
                                        long sessionsLost, int open, int inFlight, Optional<String> lastError) {
            return new BmcHealth(name, calls, failedCalls, requests, retransmissions, timeouts, logins, loginFailures,
                    sessionsLost, open, inFlight, Duration.ofNanos(lastLatencyNanos),
                    Duration.ofNanos(requests == 0 ? 0 : latencySumNanos / requests), lastError);
        }
    }
}
