package dev.ipmi.core.sol;

import dev.ipmi.core.commands.app.ActivatePayload;
import java.io.Closeable;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;

/**
 * An active Serial-over-LAN console (payload type SOL) on an RMCP+ session. Obtained from
 * {@code IpmiClient.sol().activate(options)}; implemented in ipmi-lanplus.
 *
 * <p>{@link #input()} yields what the host writes to its serial port, {@link #output()} takes what
 * should be typed to it. Writes return once the characters are queued; {@link OutputStream#flush()}
 * waits until the BMC has acknowledged all of them. Both streams report the end of the console: the
 * input stream returns -1 and the output stream throws {@link java.io.IOException} once the console
 * was closed, deactivated by the BMC or lost.
 *
 * <p>{@link #close()} sends Deactivate Payload (so the BMC frees the console for the next client)
 * and is idempotent; it does not throw when deactivation fails but reports
 * {@link SolEvent#DEACTIVATE_FAILED} to the status listener. Closing the RMCP+ session closes its
 * consoles first.
 */
public interface SolSession extends Closeable {
    /**
     * Characters from the host's serial port, in order, each exactly once. At most
     * {@link SolOptions#inboundBuffer()} bytes wait here; while it is full the BMC is asked to hold its
     * output, so an application that reads slowly (or late) loses nothing.
     */
    InputStream input();

    /** Characters for the host's serial port. */
    OutputStream output();

    /** Sends a serial BREAK to the host after the characters already written. */
    void sendBreak();

    /** Replaces the status listener (the one given at activation, or {@link SolStatusListener#NONE}). */
    void setStatusListener(SolStatusListener listener);

    /** What the BMC answered to Activate Payload (payload sizes, port, VLAN). */
    ActivatePayload.Response activation();

    /** The numbers the console runs with (after sanity caps on what the BMC reported). */
    SolSettings settings();

    /** False once closed, deactivated by the BMC or lost. */
    boolean isOpen();

    /** Deactivates the payload and ends both streams; never throws for a failed deactivation. */
    @Override
    void close();

    /**
     * {@link #close()} without waiting: both streams end at once, and the future completes (normally,
     * also when deactivation failed) once the BMC answered Deactivate Payload or the session gave up.
     * The RMCP+ console never blocks a thread for it; this default, for other implementations, runs
     * {@link #close()} on the common pool.
     */
    default CompletableFuture<Void> closeAsync() {
        return CompletableFuture.runAsync(this::close);
    }
}
