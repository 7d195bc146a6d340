/**
 * The BMC side: {@link dev.ipmi.bmc.VirtualBmc} and {@link dev.ipmi.bmc.VirtualBmcServer} answer
 * IPMI 1.5 and RMCP+ clients (ipmitool, FreeIPMI, this library) with the same codecs the client
 * decodes. Published apart from the client jars, as a test fixture or a simulator.
 */
module dev.ipmi.bmc {
    requires transitive dev.ipmi.lanplus;
    // only VirtualBmcConfig (the YAML file of `ipmi virtual-bmc --config`) needs it; optional in the POM
    requires static org.yaml.snakeyaml;

    exports dev.ipmi.bmc;
}
