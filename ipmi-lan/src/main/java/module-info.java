/**
 * IPMI 1.5 LAN sessions and the non-blocking UDP engine that both the 1.5 and the RMCP+ sessions
 * run on. {@code IpmiClient.lan(host)} finds this module through its
 * {@link dev.ipmi.core.spi.TransportProvider}.
 */
module dev.ipmi.lan {
    requires transitive dev.ipmi.core;
    requires org.bouncycastle.provider;

    exports dev.ipmi.lan;
    // Public: LanOptions and LanPlusOptions take a UdpEngine, and a session protocol on top of the
    // engine is written against SessionMachine and RequestTracker.
    exports dev.ipmi.lan.engine;

    // The BMC side still lives in the client jars until ipmi-bmc takes it; RmcpPlusResponder in
    // dev.ipmi.lanplus.bmc reuses the 1.5 responder's users and session table.
    exports dev.ipmi.lan.bmc to dev.ipmi.lanplus;

    provides dev.ipmi.core.spi.TransportProvider with dev.ipmi.lan.LanTransportProvider;
}
