package dev.ipmi.lanplus.sol;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.CompletionCodeException;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.commands.app.ActivatePayload;
import dev.ipmi.core.commands.app.DeactivatePayload;
import dev.ipmi.core.commands.app.GetDeviceId;
import dev.ipmi.core.commands.sol.GetSolConfigurationParameters;
import dev.ipmi.core.types.CompletionCode;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * An in-memory stand-in for the RMCP+ session: answers the payload commands like ipmi_sim (payload
 * sizes 20h/4000h, SOL parameter 4 unsupported, 80h when already active) and carries SOL payloads
 * to and from a {@link FakeSolBmc} on a pump thread, dropping a share of them.
 */
final class FakeSolTransport implements SolTransport, AutoCloseable {
    static final int PORT = 9937;
    final FakeSolBmc bmc = new FakeSolBmc(32, 64, 30, FakeSolBmc.Dedupe.LAST_ONLY, 1, 4);
    final List<CommandId> commands = new ArrayList<>();
    final List<IpmiRequest<?>> requests = new ArrayList<>();
    /** Deactivate Payload fails as if the session were gone. */
    volatile boolean deactivateFails;
    /** When set, the answer to an asynchronous Deactivate Payload waits until the test completes this. */
    volatile java.util.concurrent.CompletableFuture<Void> holdDeactivate;
    /** When set, the session names its BMC-side ID and Get Payload Instance Info answers {@link #owner}. */
    volatile boolean reportsOwner;
    volatile int owner = 0x42;
    private final LinkedBlockingQueue<byte[]> toBmc = new LinkedBlockingQueue<>();
    private final Random random = new Random(42);
    private final double loss;
    private volatile Consumer<byte[]> handler;
    private volatile boolean running = true;
    volatile boolean active;
    volatile boolean activeElsewhere;
    private final long origin = System.nanoTime();
    private final Thread pump;
    /** Stands in for the engine's I/O thread: the console's steps and timers run here. */
    private volatile Thread ioThread;
    private final ScheduledExecutorService io = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fake-io");
        t.setDaemon(true);
        ioThread = t;
        return t;
    });

    FakeSolTransport(double loss) {
        this.loss = loss;
        pump = new Thread(this::pump, "fake-bmc");
        pump.setDaemon(true);
        pump.start();
    }

    private long now() {
        return (System.nanoTime() - origin) / 1_000_000L;
    }

    private void pump() {
        while (running) {
            List<byte[]> out = new ArrayList<>();
            byte[] first;
            try {
                first = toBmc.poll(1, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            synchronized (bmc) {
                byte[] b = first;
                for (; b != null; b = toBmc.poll()) {
                    if (active) {
                        out.addAll(bmc.onPayload(b, now()));
                    }
                }
                // the host side keeps draining while no console is active; BMC packets then go nowhere
                List<byte[]> ticked = bmc.onTick(now());
                if (active) {
                    out.addAll(ticked);
                }
            }
            Consumer<byte[]> h = handler;
            for (byte[] b : out) {
                if (h != null && !drop()) {
                    h.accept(b);
                }
            }
        }
    }

    private synchronized boolean drop() {
        return random.nextDouble() < loss;
    }

    void hostWrites(byte[] data) {
        synchronized (bmc) {
            bmc.hostWrites(data);
        }
    }

    /** Waits (bounded) until the fake host has received {@code n} bytes; returns what it has. */
    byte[] awaitHostReceived(int n) throws InterruptedException {
        for (int i = 0; i < 30_000 && hostReceived().length < n; i++) {
            Thread.sleep(1);
        }
        return hostReceived();
    }

    byte[] hostReceived() {
        synchronized (bmc) {
            return bmc.hostReceived();
        }
    }

    /** The BMC ends the console on its own, with the "SOL deactivating" status bit. */
    void bmcDeactivates() {
        Consumer<byte[]> h = handler;
        active = false;
        h.accept(SolPacket.fromBmc(0, 0, 0, java.util.EnumSet.of(BmcStatus.DEACTIVATING), new byte[0]).encode());
    }

    synchronized long commandCount(CommandId id) {
        return commands.stream().filter(id::matches).count();
    }

    @Override
    public void runOnIoThread(Runnable task) {
        io.execute(task);
    }

    @Override
    public void scheduleOnIoThread(long delayNanos, Runnable task) {
        io.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public boolean onIoThread() {
        return Thread.currentThread() == ioThread;
    }

    @Override
    public synchronized <R> R execute(IpmiRequest<R> request) {
        commands.add(request.id());
        requests.add(request);
        ByteWriter rsp = new ByteWriter();
        if (deactivateFails && request.id().matches(DeactivatePayload.ID)) {
            throw new dev.ipmi.core.IpmiSessionException("session has ended");
        }
        if (request.id().matches(ActivatePayload.ID)) {
            if (active || activeElsewhere) {
                throw new CompletionCodeException(request.id(), CompletionCode.valueOf(0x80));
            }
            active = true;
            new ActivatePayload.Response(0, 0x20, 0x4000, PORT, 0xFFFF).encode(rsp);
        } else if (request.id().matches(DeactivatePayload.ID)) {
            if (!active && !activeElsewhere) {
                throw new CompletionCodeException(request.id(), CompletionCode.valueOf(0x80));
            }
            active = false;
            activeElsewhere = false;
        } else if (request.id().matches(GetSolConfigurationParameters.ID)) {
            throw new CompletionCodeException(request.id(), CompletionCode.valueOf(0x80));
        } else if (reportsOwner && request.id().matches(dev.ipmi.core.commands.app.GetPayloadInstanceInfo.ID)) {
            new dev.ipmi.core.commands.app.GetPayloadInstanceInfo.Response(owner, new byte[8]).encode(rsp);
        } else if (request.id().matches(GetDeviceId.ID)) {
            new GetDeviceId.Response(0x20, false, 1, true, 2, 0x15, 0x02, 0x9F, 0x1291, 0x0F, java.util.Optional.empty())
                    .encode(rsp);
        } else {
            throw new CompletionCodeException(request.id(), CompletionCode.INVALID_COMMAND);
        }
        return request.decodeResponse(ByteReader.of(rsp.toByteArray()));
    }

    @Override
    public <R> java.util.concurrent.CompletableFuture<R> executeAsync(IpmiRequest<R> request) {
        java.util.concurrent.CompletableFuture<Void> hold = holdDeactivate;
        if (hold != null && request.id().matches(DeactivatePayload.ID)) {
            return hold.thenApply(v -> execute(request));
        }
        return SolTransport.super.executeAsync(request);
    }

    @Override
    public void sendSolPayload(byte[] payload) {
        if (!drop()) {
            toBmc.add(payload.clone());
        }
    }

    @Override
    public void setSolPayloadHandler(Consumer<byte[]> handler) {
        this.handler = handler;
    }

    @Override
    public int channel() {
        return 1;
    }

    @Override
    public java.util.OptionalInt payloadOwnerId() {
        return reportsOwner ? java.util.OptionalInt.of(0x42) : java.util.OptionalInt.empty();
    }

    @Override
    public int sessionPort() {
        return PORT;
    }

    @Override
    public boolean encryptPayloads() {
        return false;
    }

    @Override
    public boolean authenticatePayloads() {
        return false;
    }

    @Override
    public void close() {
        running = false;
        io.shutdownNow();
        try {
            pump.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
