package dev.ipmi.core.sol;

/** Something the SOL console reports besides characters; delivered to a {@link SolStatusListener}. */
public enum SolEvent {
    /** The BMC saw a BREAK on the host's serial port. */
    BREAK_DETECTED,
    /** The BMC dropped characters from the host (its buffer overran): output has a gap. */
    TRANSMIT_OVERRUN,
    /** The BMC cannot pass characters now (host off, port busy); writes wait. */
    TRANSFER_UNAVAILABLE,
    /** The BMC refused characters because its buffer is full (NACK); writes wait and are retried. */
    FLOW_PAUSED,
    /** The BMC takes characters again after {@link #FLOW_PAUSED} or {@link #TRANSFER_UNAVAILABLE}. */
    FLOW_RESUMED,
    /** The BMC announced that it is deactivating SOL (payload taken over or disabled). Terminal. */
    DEACTIVATED_BY_BMC,
    /** The BMC stopped acknowledging characters after every retry. Terminal. */
    LINK_LOST,
    /**
     * {@link SolSession#close()} could not send Deactivate Payload (session gone, BMC unreachable).
     * The console is closed on this side anyway; the BMC frees the payload when the session ends.
     */
    DEACTIVATE_FAILED
}
