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
}
