/**
 * IPMI v2.0 RMCP+ sessions over UDP (ipmitool's {@code -I lanplus}).
 *
 * <p>{@link dev.ipmi.lanplus.LanPlusSession#open(dev.ipmi.core.options.LanPlusOptions)} logs in with RAKP (authentication
 * RAKP-none, HMAC-SHA1, HMAC-MD5, HMAC-SHA256), derives SIK/K1/K2 (with the optional BMC key K_G),
 * verifies the BMC's RAKP2 auth code and RAKP4 integrity check value, raises the privilege level and
 * then protects every packet with the negotiated integrity (HMAC-SHA1-96, HMAC-MD5-128, MD5-128,
 * HMAC-SHA256-128) and confidentiality (AES-CBC-128) algorithms. {@link dev.ipmi.core.types.CipherSuite#AUTO}
 * reads Get Channel Cipher Suites and picks the strongest suite both sides implement.
 *
 * <p>The session is a pure state machine ({@code internal.LanPlusMachine}) driven by the shared
 * {@link dev.ipmi.lan.engine.UdpEngine}; everything under {@code internal} may change without notice.
 */
package dev.ipmi.lanplus;
