/**
 * IPMI message codecs, code sets, SDR/SEL/FRU decoders and the typed facade. No sockets: the
 * transports ({@code dev.ipmi.lan}, {@code dev.ipmi.lanplus}) are found through
 * {@link dev.ipmi.core.spi.TransportProvider}.
 */
module dev.ipmi.core {
    requires transitive org.slf4j;

    exports dev.ipmi.core;
    exports dev.ipmi.core.client;
    exports dev.ipmi.core.commands;
    exports dev.ipmi.core.commands.app;
    exports dev.ipmi.core.commands.bridging;
    exports dev.ipmi.core.commands.chassis;
    exports dev.ipmi.core.commands.dcmi;
    exports dev.ipmi.core.commands.sensor;
    exports dev.ipmi.core.commands.session;
    exports dev.ipmi.core.commands.sol;
    exports dev.ipmi.core.commands.storage;
    exports dev.ipmi.core.commands.transport;
    exports dev.ipmi.core.event;
    exports dev.ipmi.core.fru;
    exports dev.ipmi.core.options;
    exports dev.ipmi.core.sdr;
    exports dev.ipmi.core.sel;
    exports dev.ipmi.core.sol;
    exports dev.ipmi.core.spi;
    exports dev.ipmi.core.types;
    exports dev.ipmi.core.wire;

    // Option secrets, checks and future helpers shared by the transports; not part of the API.
    exports dev.ipmi.core.internal to dev.ipmi.lan, dev.ipmi.lanplus;

    uses dev.ipmi.core.spi.TransportProvider;
}
