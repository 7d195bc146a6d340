package dev.ipmi.core.sol;

import dev.ipmi.core.commands.app.ActivatePayload;
import dev.ipmi.core.commands.sol.SolParameter;
import java.util.Optional;

/**
 * The numbers a SOL console runs with, after sanity checks on what the BMC reported.
 *
 * @param maxCharsPerPacket characters per console packet: the BMC's inbound payload size minus the
 *                          4-byte SOL header, within 1..255
 * @param retryIntervalMillis wait for an acknowledgement before resending; also the poll interval
 *                          while the BMC refuses characters
 * @param retries           resends of an unacknowledged packet before the link counts as lost
 * @param keepaliveMillis   ask for a keepalive after this long without sending anything; 0 = never
 * @param startupProbe      send an empty packet first (see {@link SolOptions#startupProbe()})
 * @param inboundBufferSize bytes from the host held for the application at most (see
 *                          {@link SolOptions#inboundBuffer()})
 */
public record SolSettings(int maxCharsPerPacket, long retryIntervalMillis, int retries, long keepaliveMillis,
                          boolean startupProbe, int inboundBufferSize) {
    /** SOL payload header: sequence, ack sequence, accepted count, operation/status (IPMI v2.0 §15.9). */
    public static final int HEADER_LENGTH = 4;
    /** The accepted-character count is one byte. */
    public static final int MAX_DATA = 255;
    /** Used when the BMC reports an inbound payload size too small to carry a character. */
    public static final int FALLBACK_MAX_CHARS = 28;
    public static final long DEFAULT_RETRY_INTERVAL_MILLIS = 500;
    public static final int DEFAULT_RETRIES = 7;
    /** Floor for a BMC-reported retry count: one lost datagram must not end a console. */
    public static final int MIN_RETRIES = 3;
    public static final long MIN_RETRY_INTERVAL_MILLIS = 50;

    public SolSettings {
        if (maxCharsPerPacket < 1 || maxCharsPerPacket > MAX_DATA) {
            throw new IllegalArgumentException("characters per packet must be 1..255: " + maxCharsPerPacket);
        }
        if (retryIntervalMillis < 1) {
            throw new IllegalArgumentException("retry interval must be positive: " + retryIntervalMillis);
        }
        if (retries < 0) {
            throw new IllegalArgumentException("retries must not be negative: " + retries);
        }
        if (keepaliveMillis < 0) {
            throw new IllegalArgumentException("keepalive interval must not be negative: " + keepaliveMillis);
        }
        if (inboundBufferSize < 1) {
            throw new IllegalArgumentException("inbound buffer size must be positive: " + inboundBufferSize);
        }
    }

    /** Settings with the {@linkplain SolOptions#DEFAULT_INBOUND_BUFFER default inbound buffer}. */
    public SolSettings(int maxCharsPerPacket, long retryIntervalMillis, int retries, long keepaliveMillis,
                       boolean startupProbe) {
        this(maxCharsPerPacket, retryIntervalMillis, retries, keepaliveMillis, startupProbe,
                SolOptions.DEFAULT_INBOUND_BUFFER);
    }

    /**
     * Characters per packet for a reported inbound payload size. The count field is one byte, so
     * anything above 259 is capped to 255 characters; a size below 5 cannot be right and falls back
     * to {@link #FALLBACK_MAX_CHARS}. (ipmi_sim's outbound size 4000h is as bogus, but the console
     * never sizes anything by it: BMC packets are taken whatever their length.)
     */
    public static int charsPerPacket(int inboundPayloadSize) {
        if (inboundPayloadSize < HEADER_LENGTH + 1) {
            return FALLBACK_MAX_CHARS;
        }
        return Math.min(inboundPayloadSize - HEADER_LENGTH, MAX_DATA);
    }

    /**
     * Settings for an activated console. Retry timing: the caller's {@link SolOptions} if set, else
     * the BMC's SOL parameter 4 (count raised to {@link #MIN_RETRIES}, interval 0 meaning the
     * default), else 7 retries every 500 ms.
     */
    public static SolSettings of(ActivatePayload.Response activation, Optional<SolParameter.Retry> bmcRetry,
                                 SolOptions options) {
        int retries = DEFAULT_RETRIES;
        long interval = DEFAULT_RETRY_INTERVAL_MILLIS;
        if (bmcRetry.isPresent()) {
            retries = Math.max(bmcRetry.get().retryCount(), MIN_RETRIES);
            if (bmcRetry.get().intervalUnits() > 0) {
                interval = Math.max(bmcRetry.get().intervalMillis(), MIN_RETRY_INTERVAL_MILLIS);
            }
        }
        if (options.retries().isPresent()) {
            retries = options.retries().getAsInt();
        }
        if (options.retryInterval().isPresent()) {
            interval = options.retryInterval().get().toMillis();
        }
        return new SolSettings(charsPerPacket(activation.inboundPayloadSize()), interval, retries,
                options.keepalive().toMillis(), options.startupProbe(), options.inboundBuffer());
    }
}
