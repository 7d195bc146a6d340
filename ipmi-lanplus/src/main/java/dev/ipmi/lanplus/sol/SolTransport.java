package dev.ipmi.lanplus.sol;

import dev.ipmi.core.IpmiRequest;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * What a SOL console needs from the RMCP+ session it runs on; the session implements this and
 * {@link SolConsole#activate} does the rest.
 *
 * <p>The console has no thread of its own: its state machine runs on the session's I/O thread
 * ({@link #runOnIoThread}, {@link #scheduleOnIoThread}), as the session's own steps do.
 * Implementations must be thread-safe: {@link #execute} and {@link #sendSolPayload} are called from
 * the I/O thread and from application threads; the inbound handler may be called from the I/O
 * thread.
 */
public interface SolTransport {
    /**
     * Sends an IPMI command in the session and waits for its response (with the session's retry
     * policy). Throws the usual {@link dev.ipmi.core.IpmiException}s, including
     * {@link dev.ipmi.core.CompletionCodeException} for a non-zero completion code.
     */
    <R> R execute(IpmiRequest<R> request);

    /**
     * {@link #execute} without waiting (keepalives). The default runs {@link #execute} on the common
     * pool; real sessions override it with their non-blocking send.
     */
    default <R> CompletableFuture<R> executeAsync(IpmiRequest<R> request) {
        return CompletableFuture.supplyAsync(() -> execute(request));
    }

    /**
     * Sends one SOL payload: RMCP+ payload type 01h in this session, with the payload-type bits
     * 7 (encrypted) and 6 (authenticated) set as the console was activated
     * ({@link #encryptPayloads()}, {@link #authenticatePayloads()}), next session sequence number.
     * Fire and forget: the console retransmits by itself.
     */
    void sendSolPayload(byte[] payload);

    /**
     * Registers the receiver of inbound SOL payloads (payload type 01h that passed the session's
     * integrity check and decryption, payload field only); {@code null} unregisters. Payloads
     * arriving with no receiver are dropped.
     */
    void setSolPayloadHandler(Consumer<byte[]> handler);

    /** The LAN channel the session runs on (never 0Eh): used for SOL configuration parameters. */
    int channel();

    /**
     * The session ID the BMC assigned to this session (what Get Payload Instance Info names as the
     * owner of an active payload), if known: lets the console notice that another session took it
     * over. Empty: the console keeps alive with Get Device ID only.
     */
    default OptionalInt payloadOwnerId() {
        return OptionalInt.empty();
    }

    /** The UDP port of the session, to check the port Activate Payload names. */
    int sessionPort();

    /** Whether the session negotiated confidentiality: SOL is then activated encrypted. */
    boolean encryptPayloads();

    /** Whether the session negotiated integrity: SOL is then activated authenticated. */
    boolean authenticatePayloads();

    /**
     * Runs {@code task} on the thread that drives the session (the engine's I/O thread), after what
     * is queued there. The task must not block.
     *
     * @throws dev.ipmi.core.IpmiTransportException the engine is closed
     */
    void runOnIoThread(Runnable task);

    /**
     * Runs {@code task} on the I/O thread after {@code delayNanos}, from the engine's timer queue.
     * Not cancellable: the console ignores timers it has replaced.
     *
     * @throws dev.ipmi.core.IpmiTransportException the engine is closed
     */
    void scheduleOnIoThread(long delayNanos, Runnable task);

    /** True when called on the thread {@link #runOnIoThread} runs tasks on. */
    boolean onIoThread();
}
