package dev.ipmi.core.spi;

/**
 * The I/O engine a transport runs its sessions on, as the options see it: an opaque handle, so
 * ipmi-core can carry a caller's engine to the transport without knowing sockets. ipmi-lan's
 * {@code UdpEngine} implements it; a provider refuses an engine of a kind it cannot drive.
 */
public interface TransportEngine {
}
