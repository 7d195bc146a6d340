package dev.ipmi.lanplus.sol;

import dev.ipmi.core.CompletionCodeException;
import dev.ipmi.core.IpmiException;
import dev.ipmi.core.IpmiSessionException;
import dev.ipmi.core.commands.app.ActivatePayload;
import dev.ipmi.core.commands.app.DeactivatePayload;
import dev.ipmi.core.commands.app.GetDeviceId;
import dev.ipmi.core.commands.app.GetPayloadInstanceInfo;
import dev.ipmi.core.commands.app.Payloads;
import dev.ipmi.core.commands.sol.SolParameter;
import dev.ipmi.core.internal.Futures;
import dev.ipmi.core.sol.SolAlreadyActiveException;
import dev.ipmi.core.sol.SolEvent;
import dev.ipmi.core.sol.SolOptions;
import dev.ipmi.core.sol.SolSession;
import dev.ipmi.core.sol.SolSettings;
import dev.ipmi.core.sol.SolStatusListener;
import dev.ipmi.core.types.ByteString;
import dev.ipmi.lan.engine.Actions;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Activates SOL on a {@link SolTransport} and runs the console: the session's I/O thread drives a
 * {@link SolStateMachine} with the monotonic clock, the engine's timer queue and the transport's
 * inbound payloads (no thread per console); the streams hand bytes to and from it. Status
 * listeners are called on that I/O thread and must not block.
 */
public final class SolConsole implements SolSession {
    private static final Logger LOG = LoggerFactory.getLogger(SolConsole.class);
    /** Writers block while this many bytes wait for the BMC's acknowledgement. */
    static final int WRITE_BUFFER_LIMIT = 64 * 1024;

    private final SolTransport transport;
    private final int instance;
    private final ActivatePayload.Response activation;
    private final SolStateMachine machine;
    private final long origin = System.nanoTime();
    private final Object lock = new Object();
    private final ByteQueue inbound = new ByteQueue();
    private final Input input = new Input();
    private final Output output = new Output();
    private volatile SolStatusListener listener;
    /** Set on the I/O thread when the console stops: later steps and timers do nothing. */
    private volatile boolean stopped;
    /** Identifies the latest armed timer; older ones firing are ignored. I/O thread only. */
    private long timerGeneration;
    private int unacknowledged;
    private boolean open = true;
    private volatile boolean instanceInfoWorks = true;
    private boolean closing;
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private SolEvent endReason;
    private IpmiException failure;

    private SolConsole(SolTransport transport, int instance, ActivatePayload.Response activation,
                       SolSettings settings, SolStatusListener listener) {
        this.transport = transport;
        this.instance = instance;
        this.activation = activation;
        this.machine = new SolStateMachine(settings, new MachineOutput());
        this.machine.setNotes(note -> LOG.debug("SOL: {}", note));
        this.listener = listener;
    }

    /**
     * Activates the SOL payload instance the options name (normally 1) and starts the console.
     *
     * @throws SolAlreadyActiveException the console is active on another session and the policy is
     *                                   {@link SolOptions.AlreadyActivePolicy#FAIL} (or taking over failed)
     * @throws IpmiSessionException      SOL is disabled, or the BMC wants SOL on another UDP port
     */
    public static SolSession activate(SolTransport transport, SolOptions options, SolStatusListener listener) {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(options, "options");
        Optional<SolParameter.Retry> retry = SolPayloadCommands.readRetry(transport);
        ActivatePayload.Request request = new ActivatePayload.Request(Payloads.SOL,
                options.instance(), transport.encryptPayloads(), transport.authenticatePayloads(), false,
                ActivatePayload.AlertBehaviour.DEFER, false);
        ActivatePayload.Response response;
        try {
            response = SolPayloadCommands.activate(transport, request);
        } catch (SolAlreadyActiveException e) {
            if (options.alreadyActive() != SolOptions.AlreadyActivePolicy.TAKE_OVER) {
                throw e;
            }
            LOG.debug("SOL already active elsewhere: deactivating it to take over");
            deactivate(transport, options.instance());
            response = SolPayloadCommands.activate(transport, request);
        }
        if (response.portFor(transport.sessionPort()).isEmpty()) {
            deactivate(transport, options.instance());
            throw new IpmiSessionException("BMC wants SOL on UDP port " + response.port()
                    + ", not the session's port " + transport.sessionPort() + ": not supported");
        }
        SolConsole console = new SolConsole(transport, options.instance(), response,
                SolSettings.of(response, retry, options), listener == null ? SolStatusListener.NONE : listener);
        transport.setSolPayloadHandler(console::onPayload);
        console.run(() -> console.machine.start(console.now()));
        return console;
    }

    /** Deactivate Payload for SOL {@code instance}; "already deactivated" (80h) counts as success. */
    public static void deactivate(SolTransport transport, int instance) {
        SolPayloadCommands.deactivate(transport, instance);
    }

    private long now() {
        return (System.nanoTime() - origin) / 1_000_000L;
    }

    private void onPayload(byte[] payload) {
        byte[] copy = payload.clone();
        onIo(() -> apply(machine.onInboundPayload(copy, now())));
    }

    /** Runs {@code task} on the I/O thread (inline when already there), unless the console stopped. */
    private void onIo(Runnable task) {
        Runnable guarded = () -> {
            if (!stopped) {
                task.run();
            }
        };
        if (transport.onIoThread()) {
            guarded.run();
            return;
        }
        try {
            transport.runOnIoThread(guarded);
        } catch (IpmiException engineClosed) {
            LOG.debug("SOL step after the engine closed dropped");
        }
    }

    /** Runs {@code step} on the I/O thread and applies its actions; rethrows what the step threw. */
    private void run(Supplier<Actions> step) {
        if (transport.onIoThread()) {
            // called from a status listener: already on the I/O thread
            if (stopped) {
                throw new IllegalStateException("SOL console is closed");
            }
            apply(step.get());
            return;
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            transport.runOnIoThread(() -> {
                try {
                    if (stopped) {
                        throw new IllegalStateException("SOL console is closed");
                    }
                    apply(step.get());
                    done.complete(null);
                } catch (RuntimeException e) {
                    done.completeExceptionally(e);
                }
            });
            done.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IpmiSessionException("interrupted", e);
        } catch (IpmiException engineClosed) {
            throw new IllegalStateException("SOL console is closed", engineClosed);
        }
    }

    /** Carries out one machine step on the I/O thread: payloads, timer, then callbacks, as the engine does. */
    private void apply(Actions actions) {
        for (byte[] payload : actions.datagrams()) {
            try {
                transport.sendSolPayload(payload);
            } catch (RuntimeException e) {
                // the state machine retransmits; a dead session ends in LINK_LOST
                LOG.debug("sending SOL payload failed: {}", e.toString());
            }
        }
        if (actions.timerChanged()) {
            long generation = ++timerGeneration;
            OptionalLong at = actions.timer();
            if (at.isPresent()) {
                long delay = Math.max(0, at.getAsLong() - now());
                try {
                    transport.scheduleOnIoThread(TimeUnit.MILLISECONDS.toNanos(delay), () -> {
                        if (!stopped && generation == timerGeneration) {
                            apply(machine.onTimer(now()));
                        }
                    });
                } catch (IpmiException engineClosed) {
                    LOG.debug("SOL timer not armed: {}", engineClosed.toString());
                }
            }
        }
        actions.callbacks().forEach(Runnable::run);
        synchronized (lock) {
            unacknowledged = machine.unacknowledgedBytes();
            lock.notifyAll();
        }
    }

    /** The machine's callbacks, run on the I/O thread. */
    private final class MachineOutput implements SolStateMachine.Output {
        @Override
        public void deliver(ByteString data) {
            synchronized (lock) {
                if (!closing) {
                    byte[] b = data.toByteArray();
                    inbound.append(b, 0, b.length);
                    lock.notifyAll();
                }
            }
        }

        @Override
        public void status(SolEvent event) {
            if (event == SolEvent.DEACTIVATED_BY_BMC || event == SolEvent.LINK_LOST) {
                // the machine reports a terminal event just before it closes: record the reason first, so
                // that a listener closing the console from here does not send Deactivate Payload, which
                // would end the SOL session of whoever took the payload over
                synchronized (lock) {
                    if (endReason == null) {
                        endReason = event;
                    }
                }
            }
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                LOG.debug("SOL status listener threw", e);
            }
        }

        @Override
        public void keepalive() {
            SolConsole.this.keepalive();
        }

        @Override
        public void closed(SolEvent reason, Optional<IpmiException> failure) {
            synchronized (lock) {
                open = false;
                endReason = reason;
                SolConsole.this.failure = failure.orElse(null);
                lock.notifyAll();
            }
        }
    }

    /**
     * Asynchronous, so that the I/O thread never waits for the BMC (acknowledgements go on
     * meanwhile). Get Payload Instance Info (pyghmi's keepalive) also tells whether the console is
     * still ours: ipmi_sim says nothing on the SOL channel when another session deactivates or takes
     * over the payload. Get Device ID when the BMC lacks the command or the session ID is unknown.
     */
    private void keepalive() {
        OptionalInt own = transport.payloadOwnerId();
        try {
            if (own.isPresent() && instanceInfoWorks) {
                transport.executeAsync(new GetPayloadInstanceInfo.Request(Payloads.SOL, instance))
                        .whenComplete((r, e) -> {
                            if (e != null) {
                                if (Futures.unwrap(e) instanceof CompletionCodeException) {
                                    instanceInfoWorks = false;
                                }
                                LOG.debug("SOL keepalive failed: {}", e.toString());
                            } else if (r.sessionId() != own.getAsInt()) {
                                LOG.debug("SOL instance {} now belongs to session {}: console ended", instance,
                                        Integer.toHexString(r.sessionId()));
                                onIo(() -> apply(machine.deactivatedElsewhere()));
                            }
                        });
                return;
            }
            transport.executeAsync(new GetDeviceId.Request()).whenComplete((r, e) -> {
                if (e != null) {
                    LOG.debug("SOL keepalive failed: {}", e.toString());
                }
            });
        } catch (RuntimeException e) {
            LOG.debug("SOL keepalive not sent: {}", e.toString());
        }
    }

    @Override
    public InputStream input() {
        return input;
    }

    @Override
    public OutputStream output() {
        return output;
    }

    @Override
    public void sendBreak() {
        ensureOpen();
        run(() -> machine.sendBreak(now()));
    }

    @Override
    public void setStatusListener(SolStatusListener listener) {
        this.listener = listener == null ? SolStatusListener.NONE : listener;
    }

    @Override
    public ActivatePayload.Response activation() {
        return activation;
    }

    @Override
    public SolSettings settings() {
        return machine.settings();
    }

    @Override
    public boolean isOpen() {
        synchronized (lock) {
            return open && !closing;
        }
    }

    private void ensureOpen() {
        synchronized (lock) {
            if (!open || closing) {
                throw new IllegalStateException("SOL console is closed" + (endReason == null ? "" : " (" + endReason + ")"));
            }
        }
    }

    /**
     * Waits for {@link #closeAsync()} unless called on the I/O thread (from a status listener):
     * there Deactivate Payload goes out without waiting for the answer.
     */
    @Override
    public void close() {
        CompletableFuture<Void> f = closeAsync();
        if (!transport.onIoThread()) {
            f.join();
        }
    }

    /**
     * Stops the console at once (both streams end) and sends Deactivate Payload without waiting;
     * the future completes, normally, once the BMC answered or the session gave up (a failure is
     * reported as {@link SolEvent#DEACTIVATE_FAILED}). No thread waits for the BMC.
     */
    @Override
    public CompletableFuture<Void> closeAsync() {
        SolEvent reason;
        synchronized (lock) {
            if (closing) {
                return closed;
            }
            closing = true;
            reason = endReason;
            lock.notifyAll();
        }
        // the machine is only touched on the I/O thread; steps queued behind this one see "stopped"
        Runnable stop = () -> {
            machine.close();
            timerGeneration++;
        };
        if (transport.onIoThread()) {
            stop.run();
        } else {
            try {
                transport.runOnIoThread(stop);
            } catch (IpmiException engineClosed) {
                LOG.debug("SOL console stopped after the engine closed");
            }
        }
        stopped = true;
        transport.setSolPayloadHandler(null);
        synchronized (lock) {
            open = false;
            inbound.clear();
            lock.notifyAll();
        }
        if (reason == SolEvent.DEACTIVATED_BY_BMC) {
            closed.complete(null);
            return closed;
        }
        try {
            transport.executeAsync(new DeactivatePayload.Request(Payloads.SOL, instance)).whenComplete((r, e) -> {
                Throwable t = Futures.unwrap(e);
                if (t != null && !(t instanceof CompletionCodeException c
                        && c.code().code() == DeactivatePayload.ALREADY_DEACTIVATED)) {
                    deactivateFailed(t);
                }
                closed.complete(null);
            });
        } catch (RuntimeException e) {
            deactivateFailed(e);
            closed.complete(null);
        }
        return closed;
    }

    private void deactivateFailed(Throwable e) {
        LOG.debug("Deactivate Payload for SOL instance {} failed: {}", instance, e.toString());
        try {
            listener.onEvent(SolEvent.DEACTIVATE_FAILED);
        } catch (RuntimeException ignored) {
            // a misbehaving listener must not turn close() into a failure
        }
    }

    /** Tells the state machine, without waiting for the I/O thread, that the application read {@code n} bytes. */
    private void consumed(int n) {
        onIo(() -> apply(machine.consumed(n, now())));
    }

    private final class Input extends InputStream {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            synchronized (lock) {
                while (inbound.size() == 0) {
                    if (!open || closing) {
                        return -1;
                    }
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new InterruptedIOException("interrupted while reading the SOL console");
                    }
                }
                byte[] got = inbound.peek(len);
                inbound.drop(got.length);
                System.arraycopy(got, 0, b, off, got.length);
                consumed(got.length);
                return got.length;
            }
        }

        @Override
        public int available() {
            synchronized (lock) {
                return inbound.size();
            }
        }

        @Override
        public void close() {
            SolConsole.this.close();
        }
    }

    private final class Output extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            byte[] copy = Arrays.copyOfRange(b, off, off + len);
            synchronized (lock) {
                while (open && !closing && unacknowledged >= WRITE_BUFFER_LIMIT) {
                    waitOn();
                }
                checkWritable();
            }
            try {
                run(() -> machine.write(copy, now()));
            } catch (IllegalStateException e) {
                throw new IOException("SOL console is closed", e);
            }
        }

        /** Waits until the BMC acknowledged everything written. */
        @Override
        public void flush() throws IOException {
            synchronized (lock) {
                while (open && !closing && unacknowledged > 0) {
                    waitOn();
                }
                checkWritable();
            }
        }

        private void waitOn() throws IOException {
            try {
                lock.wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while writing to the SOL console");
            }
        }

        private void checkWritable() throws IOException {
            if (!open || closing) {
                throw new IOException("SOL console is closed" + (endReason == null ? "" : " (" + endReason + ")"),
                        failure);
            }
        }

        @Override
        public void close() {
            SolConsole.this.close();
        }
    }
}
