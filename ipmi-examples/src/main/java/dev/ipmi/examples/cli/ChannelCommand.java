package dev.ipmi.examples.cli;

import dev.ipmi.core.CompletionCodeException;
import dev.ipmi.core.client.IpmiClient;
import dev.ipmi.core.commands.app.ChannelAccessUpdate;
import dev.ipmi.core.commands.app.GetChannelAccess;
import dev.ipmi.core.commands.app.GetChannelCipherSuites.CipherSuiteRecord;
import dev.ipmi.core.commands.app.GetChannelInfo;
import dev.ipmi.core.commands.app.GetUserAccess;
import dev.ipmi.core.commands.app.SetUserAccess;
import dev.ipmi.core.types.PrivilegeLevel;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code channel info|getaccess|setaccess|getciphers}, printed as ipmitool 1.8.19 prints them. */
@Command(name = "channel", description = "Channel information and access.")
final class ChannelCommand extends CliCommand implements Runnable {
    static final int CURRENT = 0x0E;

    @Override
    public void run() {
        usage();
    }

    record ChannelReport(GetChannelInfo.Response info, GetChannelAccess.Response volatileAccess,
                         GetChannelAccess.Response nonVolatileAccess) {}

    @Command(name = "info", description = "Channel info and access settings [channel].")
    void info(@Parameters(arity = "0..1", paramLabel = "channel") String channel) {
        int ch = channel == null ? CURRENT : Numbers.parse(channel);
        ChannelReport r;
        IpmiClient bmc = client();
        try {
            GetChannelInfo.Response info = bmc.channel().info(ch);
            r = new ChannelReport(info, bmc.channel().access(info.channel(), ChannelAccessUpdate.VOLATILE),
                    bmc.channel().access(info.channel(), ChannelAccessUpdate.NON_VOLATILE));
        } catch (CompletionCodeException e) {
            throw new CliException("Get Channel Info command failed: " + e.code().description());
        }
        if (printJson(r)) {
            return;
        }
        PrintWriter out = out();
        GetChannelInfo.Response i = r.info();
        out.printf("Channel 0x%x info:%n", i.channel());
        out.printf("  Channel Medium Type   : %s%n", i.medium().displayName());
        out.printf("  Channel Protocol Type : %s%n", i.protocol().displayName());
        out.printf("  Session Support       : %s%n", switch (i.sessionSupport().ordinal()) {
            case 0 -> "session-less";
            case 1 -> "single-session";
            case 2 -> "multi-session";
            default -> "session-based";
        });
        out.printf("  Active Session Count  : %d%n", i.activeSessions());
        out.printf("  Protocol Vendor ID    : %d%n", i.vendorId());
        IpmitoolText.channelAccess(out, "  Volatile(active) Settings", r.volatileAccess());
        IpmitoolText.channelAccess(out, "  Non-Volatile Settings", r.nonVolatileAccess());
        out.flush();
    }


    record UserAccessReport(int userId, String name, GetUserAccess.Response access) {}

    @Command(name = "getaccess", description = "User access on a channel: <channel> [user id].")
    void getaccess(@Parameters(index = "0", paramLabel = "channel") String channel,
                   @Parameters(index = "1", arity = "0..1", paramLabel = "uid") String uid) {
        int ch = Numbers.parse(channel);
        List<UserAccessReport> rows = new ArrayList<>();
        GetUserAccess.Response first;
        IpmiClient bmc = client();
        first = bmc.users().access(ch, uid == null ? 1 : Numbers.parse(uid));
        if (uid != null) {
            int id = Numbers.parse(uid);
            rows.add(new UserAccessReport(id, bmc.users().name(id), first));
        } else {
            for (int id = 1; id <= first.maxUserIds(); id++) {
                GetUserAccess.Response a = id == 1 ? first : bmc.users().access(ch, id);
                rows.add(new UserAccessReport(id, bmc.users().name(id), a));
            }
        }
        if (printJson(rows)) {
            return;
        }
        PrintWriter out = out();
        out.printf("Maximum User IDs     : %d%n", first.maxUserIds());
        out.printf("Enabled User IDs     : %d%n", first.enabledUserIds());
        for (UserAccessReport r : rows) {
            GetUserAccess.Response a = r.access();
            out.println();
            out.printf("User ID              : %d%n", r.userId());
            out.printf("User Name            : %s%n", r.name());
            out.printf("Fixed Name           : %s%n", r.userId() <= first.fixedNameUserIds() ? "Yes" : "No");
            out.printf("Access Available     : %s%n", a.callbackOnly() ? "callback" : "call-in / callback");
            out.printf("Link Authentication  : %s%n", a.linkAuthEnabled() ? "enabled" : "disabled");
            out.printf("IPMI Messaging       : %s%n", a.ipmiMessagingEnabled() ? "enabled" : "disabled");
            out.printf("Privilege Level      : %s%n", Privileges.name(a.privilegeLimit()));
            out.printf("Enable Status        : %s%n", a.enableStatus().displayName());
        }
        out.flush();
    }

    @Command(name = "setaccess", description = "<channel> <uid> [callin=on|off] [ipmi=on|off] [link=on|off] [privilege=level]")
    void setaccess(@Parameters(index = "0", paramLabel = "channel") String channel,
                   @Parameters(index = "1", paramLabel = "uid") String uid,
                   @Parameters(index = "2..*", arity = "0..*", paramLabel = "setting") List<String> settings) {
        int ch = Numbers.parse(channel);
        int id = Numbers.parse(uid);
        IpmiClient bmc = client();
        GetUserAccess.Response a = bmc.users().access(ch, id);
        boolean callbackOnly = a.callbackOnly();
        boolean link = a.linkAuthEnabled();
        boolean ipmi = a.ipmiMessagingEnabled();
        PrivilegeLevel priv = a.privilegeLimit();
        for (String s : settings == null ? List.<String>of() : settings) {
            int eq = s.indexOf('=');
            String k = eq < 0 ? s : s.substring(0, eq);
            String v = eq < 0 ? "" : s.substring(eq + 1);
            switch (k) {
                case "callin" -> callbackOnly = !onOff(v, s);
                case "link" -> link = onOff(v, s);
                case "ipmi" -> ipmi = onOff(v, s);
                case "privilege" -> priv = PrivilegeLevel.valueOf(Numbers.parse(v));
                default -> throw new CliException("Invalid option: " + s);
            }
        }
        try {
            bmc.users().setAccess(new SetUserAccess.Request(ch, true, callbackOnly, link, ipmi, id, priv,
                    OptionalInt.of(0)));
        } catch (CompletionCodeException e) {
            throw new CliException("Set User Access (channel " + ch + " id " + id + ") failed: "
                    + e.code().description());
        }
        if (!printJson(Map.of("channel", ch, "userId", id))) {
            out().printf("Set User Access (channel %d id %d) successful.%n", ch, id);
            out().flush();
        }
    }

    private static boolean onOff(String v, String whole) {
        return switch (v) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new CliException("Invalid option: " + whole);
        };
    }

    @Command(name = "getciphers", description = "ipmi <channel>: cipher suites of a channel.")
    void getciphers(@Parameters(index = "0", paramLabel = "ipmi") String payload,
                    @Parameters(index = "1", arity = "0..1", paramLabel = "channel") String channel) {
        if (!payload.equals("ipmi")) {
            throw new CliException("getciphers: only the 'ipmi' payload is supported");
        }
        int ch = channel == null ? CURRENT : Numbers.parse(channel);
        List<CipherSuiteRecord> suites;
        IpmiClient bmc = client();
        try {
            suites = bmc.channel().cipherSuites(ch);
        } catch (CompletionCodeException e) {
            throw new CliException("Unable to Get Channel Cipher Suites: " + e.code().description());
        }
        if (printJson(suites)) {
            return;
        }
        PrintWriter out = out();
        out.println("ID   IANA    Auth Alg        Integrity Alg   Confidentiality Alg");
        for (CipherSuiteRecord r : suites) {
            out.printf("%-4d %-7s %-15s %-15s %-15s%n", r.suiteId(),
                    r.oemIana().isPresent() ? Integer.toString(r.oemIana().getAsInt()) : "N/A",
                    IpmitoolText.algorithmName(r.authentication(), IpmitoolText.AUTH), IpmitoolText.algorithmName(r.integrity(), IpmitoolText.INTEGRITY),
                    IpmitoolText.algorithmName(r.confidentiality(), IpmitoolText.CONFIDENTIALITY));
        }
        out.flush();
    }


}
