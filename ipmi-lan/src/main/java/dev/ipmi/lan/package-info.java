/**
 * IPMI over LAN, version 1.5: {@link dev.ipmi.lan.LanSession} (an
 * {@link dev.ipmi.core.spi.IpmiTransport}) configured by {@link dev.ipmi.core.options.LanOptions}, run by
 * {@link dev.ipmi.lan.Ipmi15Machine} on the shared {@link dev.ipmi.lan.engine.UdpEngine}.
 */
package dev.ipmi.lan;
