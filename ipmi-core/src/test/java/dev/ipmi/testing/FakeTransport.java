package dev.ipmi.testing;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiTransportException;
import dev.ipmi.core.spi.IpmiTransport;
import dev.ipmi.core.client.RequestTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * An in-memory {@link IpmiTransport}: answers each (netFn, cmd) with a scripted function of the
 * request data, and records every request. Unscripted commands answer C1h (invalid command), as a
 * BMC would.
 */
public final class FakeTransport implements IpmiTransport {
    /** One request as the fake saw it. */
    public record Sent(RequestTarget target, CommandId id, byte[] data) {}

    private final Map<Integer, Function<byte[], byte[]>> handlers = new ConcurrentHashMap<>();
    private final List<Sent> sent = new ArrayList<>();
    private volatile boolean closed;

    private static int key(int netFn, int cmd) {
        return netFn << 8 | cmd;
    }

    /** Answers (netFn, cmd) with {@code handler(requestData)} = completion code + data. */
    public FakeTransport on(int netFn, int cmd, Function<byte[], byte[]> handler) {
        handlers.put(key(netFn, cmd), handler);
        return this;
    }

    /** Answers (netFn, cmd) always with the given completion code + data. */
    public FakeTransport answer(int netFn, int cmd, byte... ccAndData) {
        return on(netFn, cmd, req -> ccAndData.clone());
    }

    public synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }

    public boolean closed() {
        return closed;
    }

    @Override
    public CompletableFuture<byte[]> exchange(RequestTarget target, CommandId id, byte[] data) {
        if (closed) {
            return CompletableFuture.failedFuture(new IpmiTransportException("closed"));
        }
        synchronized (this) {
            sent.add(new Sent(target, id, data.clone()));
        }
        Function<byte[], byte[]> h = handlers.get(key(id.netFn().code(), id.cmd()));
        if (h == null) {
            return CompletableFuture.completedFuture(new byte[] {(byte) 0xC1});
        }
        try {
            return CompletableFuture.completedFuture(h.apply(data.clone()));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public void close() {
        closed = true;
    }
}
