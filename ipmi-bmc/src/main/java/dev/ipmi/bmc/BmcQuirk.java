package dev.ipmi.bmc;

/**
 * Known vendor misbehaviour the virtual BMC can reproduce on demand, so that the client's
 * workarounds have something real to run against.
 */
public enum BmcQuirk {
    /**
     * OpenIPMI's ipmi_sim 2.0.33 echoes the requested maximum privilege (0 = "highest") in the Open
     * Session response instead of the level granted; FreeIPMI then refuses the session unless run
     * with {@code -W opensesspriv}.
     */
    OPEN_SESSION_PRIVILEGE_ZERO,
    /** OpenBMC (seen on several builds) answers RAKP1 with message tag 0 instead of echoing the console's tag. */
    RAKP2_TAG_ZERO,
    /**
     * ipmi_sim drops a Get Channel Cipher Suites sent before a session exists (in RMCP+ framing it
     * logs "Invalid authtype: 6"); ipmitool without {@code -C} then stalls 10 s before falling back.
     */
    IGNORE_PRESESSION_CIPHER_SUITES,
    /**
     * Some BMCs answer Open Session with algorithms other than the ones requested (facts §14); a
     * client must compare and refuse. The virtual BMC answers with a different offered suite.
     */
    OPEN_SESSION_OTHER_ALGORITHMS,
    /**
     * The first inbound SOL data packet of an activation is acknowledged but discarded, as ipmi_sim
     * does for the first packet of a later SOL session (its last-acked sequence number is not reset).
     */
    DROP_FIRST_SOL_PACKET
}
