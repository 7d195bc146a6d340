package dev.ipmi.examples.cli;

import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The commands scripts and monitoring run most, one per process, run without picocli: building
 * picocli's model costs a fresh JVM about 150 ms of CPU (its classes, reflection over the
 * annotations, its converter registry), which is more than the whole RMCP+ session to the BMC.
 * They are {@code power <action>}, {@code chassis power <action>}, {@code chassis status},
 * {@code mc info|guid|selftest}, {@code sensor list}, {@code sdr list|elist [which]},
 * {@code sdr info} and {@code sel info|list|elist} ({@link #form}).
 *
 * <p>Only plain lines take this path: global options in the simple forms ({@code -H host},
 * {@code -Hhost}, {@code --json}, {@code --sdr-cache=dir}, flag clusters such as {@code -vvv}),
 * each value-taking option once, and the command words exactly. Anything else (an unknown or
 * repeated option, {@code --}, a value that does not convert, help, a command word that is not
 * listed) returns {@link #NOT_HANDLED}, and the picocli path runs the line and reports it as
 * before. What a handled line prints, and its exit code, are the picocli path's: the same command
 * code runs on the same {@link ConnectionOptions}.
 */
final class OneShot {
    static final int NOT_HANDLED = -1;

    private OneShot() {}

    /** Runs {@code args} when it is a plain line of a listed command; else {@link #NOT_HANDLED} and nothing happened. */
    static int tryRun(String[] args, PrintWriter out, PrintWriter err) {
        ConnectionOptions options = new ConnectionOptions();
        List<String> words = parse(args, options);
        if (words == null) {
            return NOT_HANDLED;
        }
        String form = form(words);
        if (form == null) {
            return NOT_HANDLED;
        }
        if (System.console() != null) {
            options.warnings(err);
        }
        try {
            String which = words.size() > 2 ? words.get(2) : null;
            switch (form) {
                case "power" -> PowerCommand.run(context(new PowerCommand(), options, out, err), words.get(1));
                case "chassis power" -> PowerCommand.run(context(new PowerCommand(), options, out, err), which);
                case "chassis status" -> context(new ChassisCommand(), options, out, err).status();
                case "mc info" -> context(new McCommand(), options, out, err).info();
                case "mc guid" -> context(new McCommand(), options, out, err).guid();
                case "mc selftest" -> context(new McCommand(), options, out, err).selftest();
                case "sensor list" -> context(new SensorCommand(), options, out, err).list();
                case "sdr list" -> context(new SdrCommand(), options, out, err).listCmd(which);
                case "sdr elist" -> context(new SdrCommand(), options, out, err).elist(which);
                case "sdr info" -> context(new SdrCommand(), options, out, err).info();
                case "sel info" -> context(new SelCommand(), options, out, err).info();
                case "sel list" -> context(new SelCommand(), options, out, err).list();
                default -> context(new SelCommand(), options, out, err).elist();
            }
            out.flush();
            err.flush();
            return 0;
        } catch (RuntimeException ex) {
            err.println(IpmiCli.oneLine(ex));
            if (options.verbosity() > 0) {
                ex.printStackTrace(err);
            }
            err.flush();
            return 1;
        } finally {
            options.close();
        }
    }

    private static <T extends CliCommand> T context(T command, ConnectionOptions options, PrintWriter out,
            PrintWriter err) {
        command.direct(options, out, err);
        return command;
    }

    /**
     * The command of a plain line, as its words ("power", "chassis power", "sdr list", …), or null
     * when the line is none of the listed forms with exactly its words.
     */
    static String form(List<String> words) {
        int n = words.size();
        if (n < 2) {
            return null;
        }
        String group = words.get(0);
        String sub = words.get(1);
        switch (group) {
            case "power" -> {
                return n == 2 ? "power" : null;
            }
            case "chassis" -> {
                if (sub.equals("power")) {
                    return n == 3 ? "chassis power" : null;
                }
                return n == 2 && sub.equals("status") ? "chassis status" : null;
            }
            case "mc" -> {
                return n == 2 && (sub.equals("info") || sub.equals("guid") || sub.equals("selftest"))
                        ? "mc " + sub : null;
            }
            case "sensor" -> {
                return n == 2 && sub.equals("list") ? "sensor list" : null;
            }
            case "sdr" -> {
                if (sub.equals("list") || sub.equals("elist")) {
                    return n <= 3 ? "sdr " + sub : null;
                }
                return n == 2 && sub.equals("info") ? "sdr info" : null;
            }
            case "sel" -> {
                return n == 2 && (sub.equals("info") || sub.equals("list") || sub.equals("elist")) ? "sel " + sub : null;
            }
            default -> {
                return null;
            }
        }
    }

    /**
     * Sets the global options of {@code args} on {@code o} and returns the other words, or null
     * when the line is not plain (see the class comment).
     */
    static List<String> parse(String[] args, ConnectionOptions o) {
        List<String> words = new ArrayList<>(4);
        Set<String> seen = new HashSet<>();
        int verbose = 0;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.length() < 2 || a.charAt(0) != '-') {
                words.add(a);
                continue;
            }
            if (a.startsWith("--")) {
                String name = a;
                String value = null;
                int eq = a.indexOf('=');
                if (eq > 0) {
                    name = a.substring(0, eq);
                    value = a.substring(eq + 1);
                }
                if (!seen.add(name)) {
                    return null;
                }
                switch (name) {
                    case "--json", "--allow-cipher-zero", "--allow-insecure-auth" -> {
                        if (value != null) {
                            return null;
                        }
                        if (name.equals("--json")) {
                            o.json = true;
                        } else if (name.equals("--allow-cipher-zero")) {
                            o.allowCipherZero = true;
                        } else {
                            o.allowInsecureAuth = true;
                        }
                    }
                    case "--sdr-cache" -> {
                        if (value == null) {
                            if (i + 1 >= args.length || args[i + 1].startsWith("-")) {
                                return null;
                            }
                            value = args[++i];
                        }
                        o.sdrCacheDirectory = path(value);
                        if (o.sdrCacheDirectory == null) {
                            return null;
                        }
                    }
                    default -> {
                        return null;
                    }
                }
                continue;
            }
            char c = a.charAt(1);
            if (isFlag(c)) {
                for (int k = 1; k < a.length(); k++) {
                    char f = a.charAt(k);
                    if (!isFlag(f)) {
                        return null;
                    }
                    if (f == 'v') {
                        verbose++;
                        continue;
                    }
                    if (!seen.add(String.valueOf(f))) {
                        return null;
                    }
                    switch (f) {
                        case 'E' -> o.passwordFromEnv = true;
                        case 'K' -> o.kgFromEnv = true;
                        default -> o.kgPrompt = true;
                    }
                }
                continue;
            }
            if ("IHpUPfALRNCkytbTB".indexOf(c) < 0 || !seen.add(String.valueOf(c))) {
                return null;
            }
            String value;
            if (a.length() > 2) {
                value = a.substring(2);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("-")) {
                // a value that looks like an option is left to picocli's rules
                value = args[++i];
            } else {
                return null;
            }
            if (!set(o, c, value)) {
                return null;
            }
        }
        o.verbose = new boolean[verbose];
        java.util.Arrays.fill(o.verbose, true);
        return words;
    }

    private static boolean isFlag(char c) {
        return c == 'v' || c == 'E' || c == 'K' || c == 'Y';
    }

    /** One value option; false when the value does not convert (picocli then reports it). */
    private static boolean set(ConnectionOptions o, char c, String v) {
        switch (c) {
            case 'I' -> o.iface = v;
            case 'H' -> o.host = v;
            case 'U' -> o.user = v;
            case 'P' -> o.password = v.toCharArray();
            case 'A' -> o.authType = v;
            case 'L' -> o.privilege = v;
            case 'k' -> o.kgText = v;
            case 'y' -> o.kgHex = v;
            case 'f' -> {
                o.passwordFile = path(v);
                return o.passwordFile != null;
            }
            case 'p', 'R', 'C' -> {
                Integer n = decimal(v);
                if (n == null) {
                    return false;
                }
                if (c == 'p') {
                    o.port = n;
                } else if (c == 'R') {
                    o.retries = n;
                } else {
                    o.cipherSuite = n;
                }
            }
            case 'N' -> {
                if (v.isEmpty() || !onlyDigitsAndDots(v)) {
                    return false;
                }
                try {
                    o.timeoutSeconds = Double.valueOf(v);
                } catch (NumberFormatException e) {
                    return false;
                }
            }
            default -> {
                Integer n;
                try {
                    n = Numbers.parse(v);
                } catch (CliException e) {
                    return false;
                }
                switch (c) {
                    case 't' -> o.target = n;
                    case 'b' -> o.channel = n;
                    case 'T' -> o.transitAddress = n;
                    default -> o.transitChannel = n;
                }
            }
        }
        return true;
    }

    /** Plain decimal digits without a leading zero (read alike as decimal, octal or hex), else null. */
    private static Integer decimal(String v) {
        if (v.isEmpty() || v.length() > 9 || v.length() > 1 && v.charAt(0) == '0') {
            return null;
        }
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) < '0' || v.charAt(i) > '9') {
                return null;
            }
        }
        return Integer.valueOf(v);
    }

    private static boolean onlyDigitsAndDots(String v) {
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            if ((ch < '0' || ch > '9') && ch != '.') {
                return false;
            }
        }
        return true;
    }

    private static Path path(String v) {
        try {
            return Path.of(v);
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
