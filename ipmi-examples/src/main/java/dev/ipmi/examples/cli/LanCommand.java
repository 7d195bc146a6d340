package dev.ipmi.examples.cli;

import dev.ipmi.core.CompletionCodeException;
import dev.ipmi.core.client.IpmiClient;
import dev.ipmi.core.commands.transport.IpSource;
import dev.ipmi.core.commands.transport.LanConfig;
import dev.ipmi.core.wire.ByteWriter;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code lan print [N]} and {@code lan set N ipaddr|netmask|defgw ipaddr|ipsrc|vlan id}, as ipmitool 1.8.19. */
@Command(name = "lan", description = "LAN configuration.")
final class LanCommand extends CliCommand implements Runnable {
    private static final int IP_HEADER = 7;
    private static final int ARP_CONTROL = 10;
    private static final int GRATUITOUS_ARP_INTERVAL = 11;
    private static final int BAD_PASSWORD_THRESHOLD = 26;

    @Override
    public void run() {
        usage();
    }

    /** What {@code lan print} shows: the common record plus the few raw parameters ipmitool also prints. */
    record LanReport(LanConfig config, Optional<byte[]> ipHeader, Optional<byte[]> arpControl,
                     Optional<byte[]> gratuitousArpInterval, Optional<byte[]> badPasswordThreshold) {}

    @Command(name = "print", description = "Print the LAN configuration [channel] (default 1).")
    void print(@Parameters(arity = "0..1", paramLabel = "channel") String channel) {
        int ch = channel == null ? 1 : Numbers.parse(channel);
        LanReport r;
        IpmiClient bmc = client();
        LanConfig c = bmc.lan().config(ch);
        r = new LanReport(c, raw(bmc, ch, IP_HEADER), raw(bmc, ch, ARP_CONTROL),
                raw(bmc, ch, GRATUITOUS_ARP_INTERVAL), raw(bmc, ch, BAD_PASSWORD_THRESHOLD));
        if (!printJson(r)) {
            IpmitoolText.lanPrint(r, out());
        }
    }

    private static Optional<byte[]> raw(IpmiClient bmc, int ch, int selector) {
        try {
            return bmc.lan().parameter(ch, selector).map(p -> {
                ByteWriter w = new ByteWriter();
                p.encodeData(w);
                return w.toByteArray();
            });
        } catch (CompletionCodeException e) {
            return Optional.empty();
        }
    }





    @Command(name = "set", description = "<channel> ipaddr <x.x.x.x> | netmask <x.x.x.x> | defgw ipaddr <x.x.x.x> | "
            + "ipsrc <none|static|dhcp|bios> | vlan id <off|1-4094>")
    void set(@Parameters(index = "0", paramLabel = "channel") String channel,
             @Parameters(index = "1", paramLabel = "what") String what,
             @Parameters(index = "2..*", paramLabel = "value") List<String> values) {
        int ch = Numbers.parse(channel);
        String message;
        try {
            IpmiClient bmc = client();
            switch (what) {
                case "ipaddr" -> {
                    Inet4Address a = ipv4(arg(values, 0));
                    message = "Setting LAN IP Address to " + a.getHostAddress();
                    if (!json()) {
                        out().println(message);
                    }
                    bmc.lan().setIpAddress(ch, a);
                }
                case "netmask" -> {
                    Inet4Address a = ipv4(arg(values, 0));
                    message = "Setting LAN Subnet Mask to " + a.getHostAddress();
                    if (!json()) {
                        out().println(message);
                    }
                    bmc.lan().setSubnetMask(ch, a);
                }
                case "defgw" -> {
                    if (!arg(values, 0).equals("ipaddr")) {
                        throw new CliException("lan set defgw: only 'ipaddr' is supported");
                    }
                    Inet4Address a = ipv4(arg(values, 1));
                    message = "Setting LAN Default Gateway IP to " + a.getHostAddress();
                    if (!json()) {
                        out().println(message);
                    }
                    bmc.lan().setDefaultGateway(ch, a);
                }
                case "ipsrc" -> {
                    IpSource s = switch (arg(values, 0)) {
                        case "none" -> IpSource.UNSPECIFIED;
                        case "static" -> IpSource.STATIC;
                        case "dhcp" -> IpSource.DHCP;
                        case "bios" -> IpSource.BIOS;
                        default -> throw new CliException("Invalid IP address source: " + values.get(0));
                    };
                    message = "ipsrc " + values.get(0);
                    bmc.lan().setIpSource(ch, s);
                }
                case "vlan" -> {
                    if (!arg(values, 0).equals("id")) {
                        throw new CliException("lan set vlan: only 'id' is supported");
                    }
                    String id = arg(values, 1);
                    message = "vlan id " + id;
                    if (id.equals("off")) {
                        bmc.lan().disableVlan(ch);
                    } else {
                        int v = Numbers.parse(id);
                        if (v < 1 || v > 4094) {
                            throw new CliException("VLAN ID must be between 1 and 4094.");
                        }
                        bmc.lan().setVlanId(ch, v);
                    }
                }
                default -> throw new CliException("Invalid lan set parameter: " + what);
            }
        } catch (CompletionCodeException e) {
            throw new CliException("Set LAN Parameter failed: " + e.code().description());
        }
        printJson(Map.of("channel", ch, "set", message));
        out().flush();
    }

    private static String arg(List<String> values, int i) {
        if (values == null || values.size() <= i) {
            throw new CliException("Not enough parameters given.");
        }
        return values.get(i);
    }

    private static Inet4Address ipv4(String text) {
        if (!text.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            throw new CliException("Invalid IP address: " + text);
        }
        try {
            InetAddress a = InetAddress.getByName(text);
            if (a instanceof Inet4Address v4) {
                return v4;
            }
        } catch (UnknownHostException e) {
            throw new CliException("Invalid IP address: " + text);
        }
        throw new CliException("Invalid IP address: " + text);
    }
}
