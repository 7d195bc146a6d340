package dev.ipmi.bmc;

/**
 * The host side of a Serial-over-LAN console: bytes the remote console types arrive in
 * {@link #input}, and the virtual BMC drains what the host printed with {@link #drainOutput}.
 * Called on the server's I/O thread: implementations must not block.
 */
public interface SolConsole {
    /** A SOL session was activated. */
    default void activated() {}

    /** The SOL session ended. */
    default void deactivated() {}

    /** Characters from the remote console. */
    void input(byte[] data);

    /** Up to {@code max} bytes of pending host output, or an empty array. */
    byte[] drainOutput(int max);
}
