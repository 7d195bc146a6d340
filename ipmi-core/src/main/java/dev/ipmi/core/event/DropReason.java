package dev.ipmi.core.event;

/** Why an incoming datagram was not used. Reported through {@link IpmiEventListener#packetDropped}. */
public enum DropReason {
    /** Too short, bad RMCP header, bad checksum or a field the spec forbids. */
    MALFORMED,
    /** RMCP class or payload type this session does not handle (e.g. an ASF message in an IPMI session). */
    UNEXPECTED_MESSAGE,
    /** Session ID or auth type does not belong to this session. */
    WRONG_SESSION,
    /** The AuthCode / integrity data of the packet did not verify. */
    BAD_AUTH_CODE,
    /** Session sequence number repeated or outside the receive window (replay protection). */
    SEQUENCE_OUTSIDE_WINDOW,
    /** An IPMI response whose rqSeq/netFn/cmd matches no request in flight (typically a late reply). */
    UNMATCHED_RESPONSE,
    /** "Cannot execute duplicated request" (CFh) answering a retransmission: the original is still being answered. */
    DUPLICATE_REQUEST_ANSWER,
    /** An IPMI request (not a response) arrived from the BMC. */
    NOT_A_RESPONSE,
    /** The socket reported an error on receive (a shared socket's error reaches every session on it). */
    RECEIVE_ERROR,
    /** Arrived in a state where it means nothing (e.g. after close). */
    UNEXPECTED_STATE
}
