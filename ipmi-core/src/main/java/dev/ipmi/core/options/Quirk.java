package dev.ipmi.core.options;

/**
 * Named workarounds for BMCs that deviate from IPMI v2.0. Each says which firmware needed it, what
 * it does wrong and what the library does instead. Enable them with
 * {@link LanPlusOptions.Builder#quirks(Quirk...)}; some are also tried automatically where noted.
 */
public enum Quirk {
    /**
     * OpenIPMI {@code ipmi_sim} 2.0.33 (lanserv) checks and signs HMAC-MD5-128 integrity (cipher
     * suites 7 to 10) with the user's password as the HMAC key instead of K1 (IPMI v2.0 §13.28.4):
     * with K1 it drops every in-session packet ("Message integrity failed"), which is why ipmitool
     * and FreeIPMI time out with suite 7 there. With this quirk the password, zero-padded to 20
     * bytes, keys HMAC-MD5-128. Tried automatically once when Set Session Privilege Level gets no
     * answer under HMAC-MD5-128 integrity.
     */
    HMAC_MD5_128_KEYED_WITH_PASSWORD,

    /**
     * Seen on OpenBMC (bmcweb-era netipmid builds): RAKP2 carries message tag 0 instead of the tag
     * of our RAKP1 (IPMI v2.0 §13.21 says it is echoed). A successful RAKP2 with tag 0 whose console
     * session ID is ours is accepted; the ID is random per login attempt, so stale replies still
     * fail to match. Always applied: the ID check keeps it safe, and naming it here documents it.
     */
    RAKP2_MESSAGE_TAG_ZERO
}
