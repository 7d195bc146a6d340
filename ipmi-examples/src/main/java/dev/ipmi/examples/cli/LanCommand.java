package dev.ipmi.examples.cli;

import dev.ipmi.core.CompletionCodeException;
import dev.ipmi.core.client.IpmiClient;
import dev.ipmi.core.commands.transport.CipherSuitePrivilege;
import dev.ipmi.core.commands.transport.IpSource;
import dev.ipmi.core.commands.transport.LanConfig;
import dev.ipmi.core.commands.transport.LanParameter;
import dev.ipmi.core.commands.transport.MacAddress;
import dev.ipmi.core.types.AuthType;
import dev.ipmi.core.wire.ByteWriter;
import java.io.PrintWriter;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
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
            printReport(r, out());
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

    static void printReport(LanReport r, PrintWriter out) {
        LanConfig c = r.config();
        c.setInProgress().ifPresent(s -> out.printf("%-24s: %s%n", "Set in Progress", switch (s.code()) {
            case 0 -> "Set Complete";
            case 1 -> "Set In Progress";
            case 2 -> "Commit Write";
            default -> "Reserved";
        }));
        c.authTypeSupport().ifPresent(t -> out.printf("%-24s: %s%n", "Auth Type Support", authTypes(t)));
        c.authTypeEnables().ifPresent(e -> {
            out.printf("%-24s: Callback : %s%n", "Auth Type Enable", authTypes(e.callback()));
            out.printf("%-24s: User     : %s%n", "", authTypes(e.user()));
            out.printf("%-24s: Operator : %s%n", "", authTypes(e.operator()));
            out.printf("%-24s: Admin    : %s%n", "", authTypes(e.administrator()));
            out.printf("%-24s: OEM      : %s%n", "", authTypes(e.oem()));
        });
        c.ipSource().ifPresent(s -> out.printf("%-24s: %s%n", "IP Address Source", ipSource(s)));
        c.ipAddress().ifPresent(a -> out.printf("%-24s: %s%n", "IP Address", a.getHostAddress()));
        c.subnetMask().ifPresent(a -> out.printf("%-24s: %s%n", "Subnet Mask", a.getHostAddress()));
        c.macAddress().ifPresent(m -> out.printf("%-24s: %s%n", "MAC Address", mac(m)));
        c.communityString().ifPresent(s -> out.printf("%-24s: %s%n", "SNMP Community String", s));
        r.ipHeader().filter(d -> d.length >= 3).ifPresent(d -> out.printf(
                "%-24s: TTL=0x%02x Flags=0x%02x Precedence=0x%02x TOS=0x%02x%n", "IP Header", d[0] & 0xFF,
                d[1] & 0xE0, d[2] & 0xE0, d[2] & 0x1E));
        r.arpControl().filter(d -> d.length >= 1).ifPresent(d -> out.printf("%-24s: ARP Responses %sabled, "
                + "Gratuitous ARP %sabled%n", "BMC ARP Control", (d[0] & 0x02) != 0 ? "En" : "Dis",
                (d[0] & 0x01) != 0 ? "En" : "Dis"));
        r.gratuitousArpInterval().filter(d -> d.length >= 1).ifPresent(d -> out.printf("%-24s: %.1f seconds%n",
                "Gratituous ARP Intrvl", (d[0] & 0xFF) / 2.0));
        c.defaultGatewayIp().ifPresent(a -> out.printf("%-24s: %s%n", "Default Gateway IP", a.getHostAddress()));
        c.defaultGatewayMac().ifPresent(m -> out.printf("%-24s: %s%n", "Default Gateway MAC", mac(m)));
        c.backupGatewayIp().ifPresent(a -> out.printf("%-24s: %s%n", "Backup Gateway IP", a.getHostAddress()));
        c.backupGatewayMac().ifPresent(m -> out.printf("%-24s: %s%n", "Backup Gateway MAC", mac(m)));
        c.vlan().ifPresent(v -> out.printf("%-24s: %s%n", "802.1q VLAN ID", v.enabled() ? Integer.toString(v.id())
                : "Disabled"));
        c.vlanPriority().ifPresent(p -> out.printf("%-24s: %d%n", "802.1q VLAN Priority", p));
        List<CipherSuitePrivilege> suites = c.cipherSuites();
        if (!suites.isEmpty()) {
            out.printf("%-24s: %s%n", "RMCP+ Cipher Suites", suites.stream()
                    .map(s -> Integer.toString(s.cipherSuiteId())).collect(Collectors.joining(",")));
            StringBuilder max = new StringBuilder();
            for (CipherSuitePrivilege s : suites) {
                max.append(s.maxPrivilege().map(p -> switch (p.code()) {
                    case 0 -> 'X';
                    case 1 -> 'c';
                    case 2 -> 'u';
                    case 3 -> 'o';
                    case 4 -> 'a';
                    case 5 -> 'O';
                    default -> '?';
                }).orElse('X'));
            }
            out.printf("%-24s: %s%n", "Cipher Suite Priv Max", max);
            for (String legend : List.of("X=Cipher Suite Unused", "c=CALLBACK", "u=USER", "o=OPERATOR", "a=ADMIN",
                    "O=OEM")) {
                out.printf("%-24s:     %s%n", "", legend);
            }
        }
        Optional<byte[]> bad = r.badPasswordThreshold().filter(d -> d.length >= 6);
        if (bad.isEmpty()) {
            out.printf("%-24s: Not Available%n", "Bad Password Threshold");
        } else {
            byte[] d = bad.get();
            out.printf("%-24s: %d%n", "Bad Password Threshold", d[1] & 0xFF);
            out.printf("%-24s: %s%n", "Invalid password disable", (d[0] & 0x01) != 0 ? "yes" : "no");
            out.printf("%-24s: %d%n", "Attempt Count Reset Int.", ((d[2] & 0xFF) | (d[3] & 0xFF) << 8) * 10);
            out.printf("%-24s: %d%n", "User Lockout Interval", ((d[4] & 0xFF) | (d[5] & 0xFF) << 8) * 10);
        }
        out.flush();
    }

    private static String authTypes(Set<AuthType> types) {
        StringBuilder sb = new StringBuilder();
        for (AuthType t : List.of(AuthType.NONE, AuthType.MD2, AuthType.MD5, AuthType.PASSWORD, AuthType.OEM)) {
            if (types.contains(t)) {
                sb.append(t.displayName()).append(' ');
            }
        }
        return sb.toString();
    }

    private static String ipSource(IpSource s) {
        return switch (s.code()) {
            case 0 -> "Unspecified";
            case 1 -> "Static Address";
            case 2 -> "DHCP Address";
            case 3 -> "BIOS Assigned Address";
            default -> "Other";
        };
    }

    private static String mac(MacAddress m) {
        byte[] b = m.bytes();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < b.length; i++) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(String.format("%02x", b[i] & 0xFF));
        }
        return sb.toString();
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
