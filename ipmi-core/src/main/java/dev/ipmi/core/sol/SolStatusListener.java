package dev.ipmi.core.sol;

/**
 * Receives SOL status events. Called on the session's I/O thread: return quickly and do not block
 * on the console streams from inside the callback.
 */
@FunctionalInterface
public interface SolStatusListener {
    void onEvent(SolEvent event);

    SolStatusListener NONE = e -> { };
}
