/**
 * The BMC half of IPMI 1.5 over LAN: {@link dev.ipmi.bmc.internal.Ipmi15Responder} answers ASF presence
 * pings, Get Channel Authentication Capabilities, Get Session Challenge and Activate Session, checks
 * and signs every in-session packet (MD2, MD5, straight password, none), keeps the inbound sequence
 * window and hands the remaining requests to a {@link dev.ipmi.bmc.internal.CommandHandler}.
 *
 * <p>Like the client machines in {@code dev.ipmi.lan.engine} it is a pure state machine: no sockets,
 * threads or clock. {@code dev.ipmi.bmc.VirtualBmcServer} drives it (and the RMCP+ responder)
 * from one selector thread for any number of BMCs; tests drive it with a fake clock.
 */
package dev.ipmi.bmc.internal;
