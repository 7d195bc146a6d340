/**
 * IPMI 2.0 RMCP+ sessions (RAKP login, integrity, confidentiality) and Serial-over-LAN.
 * {@code IpmiClient.lanplus(host)} finds this module through its
 * {@link dev.ipmi.core.spi.TransportProvider}.
 */
module dev.ipmi.lanplus {
    requires transitive dev.ipmi.core;
    requires transitive dev.ipmi.lan;
    requires org.bouncycastle.provider;

    exports dev.ipmi.lanplus;
    exports dev.ipmi.lanplus.sol;
    // RMCP+ codec, RAKP messages and crypto, reused by the BMC side's responder; not part of the API.
    exports dev.ipmi.lanplus.internal to dev.ipmi.bmc;

    provides dev.ipmi.core.spi.TransportProvider with dev.ipmi.lanplus.LanPlusTransportProvider;
}
