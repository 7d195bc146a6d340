package dev.ipmi.examples.cli;

import dev.ipmi.core.CompletionCodeException;
import dev.ipmi.core.client.IpmiClient;
import dev.ipmi.core.client.PasswordTest;
import dev.ipmi.core.client.UserEntry;
import dev.ipmi.core.client.UserSummary;
import dev.ipmi.core.commands.app.SetUserPassword.PasswordSize;
import dev.ipmi.core.types.PrivilegeLevel;
import java.io.Console;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code user list|summary|set name|set password|enable|disable|priv|test}, as ipmitool 1.8.19. */
@Command(name = "user", description = "User management.")
final class UserCommand extends CliCommand implements Runnable {
    @Override
    public void run() {
        usage();
    }

    private static int channel(String channel) {
        return channel == null ? ChannelCommand.CURRENT : Numbers.parse(channel);
    }

    @Command(name = "list", description = "Every user slot of a channel [channel].")
    void list(@Parameters(arity = "0..1", paramLabel = "channel") String channel) {
        List<UserEntry> users;
        IpmiClient bmc = client();
        users = bmc.users().list(channel(channel));
        if (printJson(users)) {
            return;
        }
        PrintWriter out = out();
        IpmitoolText.userList(users, out);
        out.flush();
    }

    @Command(name = "summary", description = "User counts of a channel [channel].")
    void summary(@Parameters(arity = "0..1", paramLabel = "channel") String channel) {
        UserSummary s;
        IpmiClient bmc = client();
        s = bmc.users().summary(channel(channel));
        if (printJson(s)) {
            return;
        }
        IpmitoolText.userSummary(s, out());
        out().flush();
    }

    @Command(name = "set", description = "name <uid> <name> | password <uid> [password [16|20]]")
    void set(@Parameters(index = "0", paramLabel = "name|password") String what,
             @Parameters(index = "1", paramLabel = "uid") String uid,
             @Parameters(index = "2", arity = "0..1", paramLabel = "value") String value,
             @Parameters(index = "3", arity = "0..1", paramLabel = "16|20") String size) {
        int id = Numbers.parse(uid);
        switch (what) {
            case "name" -> {
                if (value == null) {
                    throw new CliException("user set name: a name is required");
                }
                try {
            IpmiClient bmc = client();
                    bmc.users().setName(id, value);
                } catch (CompletionCodeException e) {
                    throw new CliException(IpmitoolText.userCommandFailed("Set User Name", id + ", name " + value,
                            e.code().description()));
                }
                printJson(Map.of("userId", id, "name", value));
            }
            case "password" -> {
                char[] pw = value != null ? value.toCharArray() : prompt();
                try {
            IpmiClient bmc = client();
                    if (size == null) {
                        bmc.users().setPassword(id, pw);
                    } else {
                        bmc.users().setPassword(id, pw, size(size));
                    }
                } catch (CompletionCodeException e) {
                    throw new CliException(IpmitoolText.userCommandFailed("Set User Password", Integer.toString(id),
                            e.code().description()));
                } finally {
                    Arrays.fill(pw, '\0');
                }
                if (!printJson(Map.of("userId", id))) {
                    out().println(IpmitoolText.userCommandSuccessful("Set User Password", id));
                    out().flush();
                }
            }
            default -> throw new CliException("Invalid user set command: " + what);
        }
    }

    private static char[] prompt() {
        Console c = System.console();
        if (c == null) {
            throw new CliException("user set password: give the password (no terminal to prompt on)");
        }
        char[] a = c.readPassword("Password for user: ");
        char[] b = c.readPassword("Password for user: ");
        if (a == null || b == null || !Arrays.equals(a, b)) {
            throw new CliException("Passwords do not match.");
        }
        Arrays.fill(b, '\0');
        return a;
    }

    private static PasswordSize size(String s) {
        return switch (s) {
            case "16" -> PasswordSize.SIXTEEN;
            case "20" -> PasswordSize.TWENTY;
            default -> throw new CliException("Password size must be 16 or 20");
        };
    }

    @Command(name = "enable", description = "Enable a user <uid>.")
    void enable(@Parameters(paramLabel = "uid") String uid) {
        int id = Numbers.parse(uid);
        try {
            IpmiClient bmc = client();
            bmc.users().enable(id);
        } catch (CompletionCodeException e) {
            throw new CliException(IpmitoolText.userCommandFailed("Set User Password", Integer.toString(id),
                    e.code().description()));
        }
        printJson(Map.of("userId", id, "enabled", true));
    }

    @Command(name = "disable", description = "Disable a user <uid>.")
    void disable(@Parameters(paramLabel = "uid") String uid) {
        int id = Numbers.parse(uid);
        try {
            IpmiClient bmc = client();
            bmc.users().disable(id);
        } catch (CompletionCodeException e) {
            throw new CliException(IpmitoolText.userCommandFailed("Set User Password", Integer.toString(id),
                    e.code().description()));
        }
        printJson(Map.of("userId", id, "enabled", false));
    }

    @Command(name = "priv", description = "<uid> <privilege level> [channel]: set a user's privilege limit.")
    void priv(@Parameters(index = "0", paramLabel = "uid") String uid,
              @Parameters(index = "1", paramLabel = "privilege") String privilege,
              @Parameters(index = "2", arity = "0..1", paramLabel = "channel") String channel) {
        int id = Numbers.parse(uid);
        PrivilegeLevel p = PrivilegeLevel.valueOf(Numbers.parse(privilege));
        try {
            IpmiClient bmc = client();
            bmc.users().setPrivilege(channel(channel), id, p);
        } catch (CompletionCodeException e) {
            throw new CliException(IpmitoolText.userCommandFailed("Set Privilege Level", Integer.toString(id),
                    e.code().description()));
        }
        if (!printJson(Map.of("userId", id, "privilege", p))) {
            out().println(IpmitoolText.userCommandSuccessful("Set Privilege Level", id));
            out().flush();
        }
    }

    @Command(name = "test", description = "<uid> <16|20> [password]: test a user's password.")
    int test(@Parameters(index = "0", paramLabel = "uid") String uid,
             @Parameters(index = "1", paramLabel = "16|20") String size,
             @Parameters(index = "2", arity = "0..1", paramLabel = "password") String password) {
        int id = Numbers.parse(uid);
        char[] pw = password != null ? password.toCharArray() : prompt();
        PasswordTest r;
        try {
            IpmiClient bmc = client();
            r = bmc.users().testPassword(id, pw, size(size));
        } finally {
            Arrays.fill(pw, '\0');
        }
        if (!printJson(Map.of("userId", id, "result", r))) {
            out().println(IpmitoolText.passwordTest(r));
            out().flush();
        }
        return r == PasswordTest.CORRECT ? 0 : 1;
    }
}
