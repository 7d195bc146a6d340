/**
 * IPMI 1.5 LAN sessions and the non-blocking UDP engine that both the 1.5 and the RMCP+ sessions
 * run on. {@code IpmiClient.lan(host)} finds this module through its
 * {@link dev.ipmi.core.spi.TransportProvider}.
 */
module dev.ipmi.lan {
    requires transitive dev.ipmi.core;
    requires org.bouncycastle.provider;

    exports dev.ipmi.lan;
    // Public: UdpEngine is the engine handle the options take, and a session protocol on top of the
    // engine is written against SessionMachine and RequestTracker.
    exports dev.ipmi.lan.engine;

    // The IPMI 1.5 packet codec, written once for the RMCP+ login's pre-session messages and the
    // BMC side's 1.5 responder; not part of the API.
    exports dev.ipmi.lan.internal to dev.ipmi.lanplus, dev.ipmi.bmc;

    provides dev.ipmi.core.spi.TransportProvider with dev.ipmi.lan.LanTransportProvider;
}
