/**
 * A virtual BMC on the same codecs the client uses.
 *
 * <ul>
 *   <li>{@link dev.ipmi.bmc.VirtualBmc}: users, offered cipher suites, K_G, IPMI 1.5 auth
 *       types, quirks and a {@link dev.ipmi.bmc.BmcBackend}; routes each datagram to the
 *       RMCP+ responder ({@link dev.ipmi.bmc.internal.RmcpPlusResponder}) or the IPMI 1.5 one.</li>
 *   <li>{@link dev.ipmi.bmc.internal.BmcDispatcher}: decodes requests with the ipmi-core codecs,
 *       checks the privilege each command needs (D4h), answers C1h for unknown commands.</li>
 *   <li>Backends: {@link dev.ipmi.bmc.InMemoryBackend} (a small simulated server) and
 *       {@link dev.ipmi.bmc.CommandBackend} (power actions run shell commands: the bridge
 *       pattern of OpenStack VirtualBMC).</li>
 *   <li>{@link dev.ipmi.bmc.VirtualBmcServer}: one selector thread hosting any number of BMCs,
 *       each on its own UDP port (1000 BMCs take about 10 MB of heap and two threads).</li>
 *   <li>{@link dev.ipmi.bmc.BmcQuirk}: vendor misbehaviour on demand, for client workaround tests.</li>
 * </ul>
 *
 * <p>Verified against ipmitool 1.8.19 ({@code -I lanplus -C 3/17}, {@code -I lan -A MD5}, SOL) and
 * FreeIPMI 1.6.10 ({@code ipmi-power}, {@code ipmi-sensors}, {@code ipmi-sel}, {@code bmc-info},
 * {@code ipmiconsole}) in the {@code VirtualBmc*IT} tests.
 */
package dev.ipmi.bmc;
