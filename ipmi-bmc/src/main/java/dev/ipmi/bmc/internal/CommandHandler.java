package dev.ipmi.bmc.internal;

/**
 * Answers one IPMI request on the BMC side. Returns the completion code followed by the response
 * data. Implementations never throw for bad request bytes: they answer with a completion code
 * (C7h/CCh, C1h for unknown commands, D4h for insufficient privilege). Returning null means "send
 * nothing" (used for requests a BMC ignores outside a session).
 */
@FunctionalInterface
public interface CommandHandler {
    byte[] handle(CommandContext context, int netFn, int command, byte[] data);

    /**
     * The same answer, possibly finished later (a backend command still running) so the I/O thread need
     * not wait for it; the default answers at once.
     */
    default java.util.concurrent.CompletionStage<byte[]> handleAsync(CommandContext context, int netFn, int command,
                                                                      byte[] data) {
        return java.util.concurrent.CompletableFuture.completedFuture(handle(context, netFn, command, data));
    }
}
