package dev.ipmi.lan.engine;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.client.RequestTarget;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * One caller request handed to a {@link SessionMachine}: where it goes, what it is, and the future
 * to complete with the response body (completion code first, then data).
 *
 * @param target where the request goes
 * @param id     netFn and command
 * @param data   request data after the command byte (not copied: the caller hands it over)
 * @param future completed by the engine's completion executor
 * @param repeatable whether the request may be retransmitted when no reply came
 *                   ({@link dev.ipmi.core.IpmiRequest#idempotent()}); false: sent once
 */
public record IpmiCall(RequestTarget target, CommandId id, byte[] data, CompletableFuture<byte[]> future,
                       boolean repeatable) {
    /** A repeatable call (reads and the session's own commands). */
    public IpmiCall(RequestTarget target, CommandId id, byte[] data, CompletableFuture<byte[]> future) {
        this(target, id, data, future, true);
    }

    public IpmiCall {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(future, "future");
    }

    @Override
    public String toString() {
        return "IpmiCall[" + id + " -> " + target + ", " + data.length + " data bytes" + (repeatable ? "" : ", once") + "]";
    }
}
