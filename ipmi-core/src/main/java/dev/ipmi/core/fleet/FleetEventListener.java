package dev.ipmi.core.fleet;

import dev.ipmi.core.event.IpmiEventListener;

/**
 * Gives a listener per BMC, so metrics can be tagged with the BMC's name (the Micrometer adapter in
 * {@code ipmi-micrometer} is one). Asked once per BMC when the fleet first connects to it.
 */
@FunctionalInterface
public interface FleetEventListener {
    FleetEventListener NONE = name -> IpmiEventListener.NONE;

    /** The listener for the BMC named {@code name}; it sees the events of every session to that BMC. */
    IpmiEventListener forBmc(String name);

    /** Also told when the fleet discards a session it believes dead (before it logs in again). */
    default void sessionDiscarded(String name, Throwable cause) {}
}
