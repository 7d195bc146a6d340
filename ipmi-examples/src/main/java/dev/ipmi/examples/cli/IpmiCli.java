package dev.ipmi.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The {@code ipmi} command line: ipmitool's syntax ({@code -I lan|lanplus -H host -U user -P pass
 * …}) on top of ipmi-java. Errors are one line on stderr and exit code 1 (stack trace with
 * {@code -v}); usage errors exit 2.
 *
 * <p>Global options are accepted anywhere before {@code --}, as ipmitool's GNU getopt does: they are
 * moved in front of the command word before picocli parses the line. Only the command named on the
 * line is turned into a picocli model ({@link #COMMANDS}), so a one-shot command loads its own
 * classes and no other's; {@code --version} and {@code --help} load none, and the most frequent
 * commands on a plain line ({@link OneShot}) run without picocli at all. Several hosts ({@code -H}
 * lists and ranges) run the command once per host on sessions of one fleet ({@link FleetSessions}).
 */
@Command(name = "ipmi", versionProvider = IpmiCli.Version.class,
        description = "Pure-Java IPMI client (ipmitool-compatible syntax).")
public final class IpmiCli implements Runnable, CliRoot {

    /**
     * A command word, its one-line description and the class of its picocli object, by name: a
     * method reference would load every command class at start-up.
     */
    record Entry(String description, String className) {
        Object create() {
            try {
                return Class.forName(IpmiCli.class.getPackageName() + "." + className).getDeclaredConstructor()
                        .newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("command class " + className, e);
            }
        }
    }

    /** Every command, in the order of the usage text; built into a model only when named on the line. */
    static final Map<String, Entry> COMMANDS = commands();

    private static Map<String, Entry> commands() {
        Map<String, Entry> m = new LinkedHashMap<>();
        m.put("mc", new Entry("Management controller: info, guid, selftest, reset.", "McCommand"));
        m.put("raw", new Entry("Send a raw request and print the response data bytes.", "RawCommand"));
        m.put("power", new Entry("Chassis power: status, on, off, cycle, reset, soft, diag.", "PowerCommand"));
        m.put("chassis", new Entry("Chassis status and control.", "ChassisCommand"));
        m.put("channel", new Entry("Channel information and access.", "ChannelCommand"));
        m.put("user", new Entry("User management.", "UserCommand"));
        m.put("lan", new Entry("LAN configuration.", "LanCommand"));
        m.put("dcmi", new Entry("DCMI: power reading.", "DcmiCommand"));
        m.put("sdr", new Entry("SDR repository: list, elist, info, type.", "SdrCommand"));
        m.put("sensor", new Entry("Sensors: list, get, thresh.", "SensorCommand"));
        m.put("sel", new Entry("System Event Log: info, list, elist, clear, get, add, delete, time.", "SelCommand"));
        m.put("fru", new Entry("FRU inventory: print [id].", "FruCommand"));
        m.put("sol", new Entry("Serial-over-LAN console and configuration.", "SolCommand"));
        m.put("exec", new Entry("Run the commands of a file, one a line, on one session.", "ExecCommand"));
        m.put("shell", new Entry("Read commands from stdin and run them on one session.", "ExecCommand$Shell"));
        m.put("virtual-bmc", new Entry("Serve a virtual BMC (for tests and demos).", "VirtualBmcCommand"));
        m.put("demo", new Entry("Start a virtual BMC and drive it with the client.", "DemoCommand"));
        return m;
    }

    /** Commands that print no data of their own, or only a console stream: they refuse --json. */
    static final Set<String> NO_JSON = Set.of("virtual-bmc", "demo");

    @CommandLine.Spec
    CommandSpec spec;

    @CommandLine.Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @CommandLine.Option(names = {"-V", "--version"}, versionHelp = true, description = "Print version information and exit.")
    boolean version;

    @Override
    public ConnectionOptions options() {
        return connection;
    }

    public static void main(String[] args) {
        // sessions run on the library's shared engine, whose I/O thread ends once they are closed: an
        // exit with that thread still in epoll_wait would wait ~300 ms for it (HotSpot's VM_Exit)
        System.exit(execute(args));
    }

    /** Runs the CLI on System.out/System.err and returns its exit code (for tests). */
    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8), args);
    }

    /** Runs the CLI with the given output streams and returns its exit code. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        if (args.length == 1 && (args[0].equals("-V") || args[0].equals("--version"))) {
            // the common probe of scripts: no picocli model at all
            out.println(versionText());
            out.flush();
            return 0;
        }
        java.util.Optional<HostFanOut.Plan> fanOut;
        try {
            fanOut = HostFanOut.plan(args);
        } catch (CliException | IllegalArgumentException e) {
            err.println(e instanceof CliException ? e.getMessage() : "Error: -H: " + e.getMessage());
            err.flush();
            return 1;
        }
        if (fanOut.isPresent()) {
            // every host's session from one fleet; a single host never loads the fleet's classes
            HostFanOut.Plan plan = fanOut.get();
            try (FleetSessions fleet = new FleetSessions(plan.fanout())) {
                ConnectionOptions.sessions = fleet;
                return HostFanOut.run(plan, out, err, IpmiCli::executeOne, System.console() != null);
            } finally {
                ConnectionOptions.sessions = null;
            }
        }
        return executeOne(out, err, args);
    }

    /** One host: what {@link #execute(PrintWriter, PrintWriter, String...)} runs per host of a fan-out. */
    static int executeOne(PrintWriter out, PrintWriter err, String... args) {
        int fast = OneShot.tryRun(args, out, err);
        if (fast != OneShot.NOT_HANDLED) {
            return fast;
        }
        IpmiCli cli = new IpmiCli();
        if (args.length > 0 && "help".equals(commandWord(new CommandLine(cli).getCommandSpec(), args))) {
            out.print(usage());
            out.flush();
            return 0;
        }
        CommandLine cl;
        try {
            cl = prepare(cli, args, out, err);
        } catch (ArgumentError e) {
            err.println(e.getMessage());
            err.println("Run 'ipmi --help' for the options and commands.");
            err.flush();
            return 2;
        }
        try {
            int rc = cl.execute(reordered(cl, args));
            out.flush();
            err.flush();
            return rc;
        } finally {
            cli.connection.close();
        }
    }

    /** Parses the global options of {@code args} wherever they are, and the command (for tests). */
    static IpmiCli parse(String... args) {
        IpmiCli cli = new IpmiCli();
        CommandLine cl = prepare(cli, args, new PrintWriter(Writer.nullWriter()), new PrintWriter(Writer.nullWriter()));
        cl.parseArgs(reordered(cl, args));
        return cli;
    }

    /** The root command line with only the subcommand named in {@code args} added. */
    static CommandLine prepare(CliRoot root, String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(root);
        CommandSpec spec = cl.getCommandSpec();
        String name = commandWord(spec, args);
        if (name != null) {
            Entry e = COMMANDS.get(name);
            if (e != null) {
                cl.addSubcommand(name, e.create());
            }
        }
        // "-I lan" must not be read as the "lan" subcommand
        cl.setAllowSubcommandsAsOptionParameters(true);
        // negative numbers ("sensor thresh X lnr -5") are parameters; unknown options were refused before
        cl.setUnmatchedOptionsArePositionalParams(true);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            err.println(oneLine(ex));
            if (root.options().verbosity() > 0) {
                ex.printStackTrace(err);
            }
            err.flush();
            return 1;
        });
        if (name == null || !COMMANDS.containsKey(name)) {
            spec.usageMessage().footer(commandList());
        }
        checkOptions(cl, args, name);
        cl.setExecutionStrategy(parseResult -> {
            if (root.options().json && parseResult.hasSubcommand()
                    && NO_JSON.contains(parseResult.subcommand().commandSpec().name())) {
                err.println(parseResult.subcommand().commandSpec().name()
                        + " has no JSON form (run it without --json)");
                err.flush();
                return 1;
            }
            if (System.console() != null) {
                // only where a person reads it: scripts compare stderr with ipmitool's
                root.options().warnings(err);
            }
            return new CommandLine.RunLast().execute(parseResult);
        });
        return cl;
    }

    /** The first word that is neither an option nor an option's value, or null. */
    static String commandWord(CommandSpec root, String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) {
                return i + 1 < args.length ? args[i + 1] : null;
            }
            if (!isOptionLike(a)) {
                return a;
            }
            i += Math.max(0, valueWords(root, a));
        }
        return null;
    }

    /**
     * Refuses what GNU getopt would refuse: a dash word before {@code --} that is neither a global
     * option nor an option of the named command, with getopt's message.
     */
    private static void checkOptions(CommandLine cl, String[] args, String name) {
        CommandSpec root = cl.getCommandSpec();
        CommandLine subLine = name == null ? null : cl.getSubcommands().get(name);
        CommandSpec sub = subLine == null ? null : subLine.getCommandSpec();
        Set<String> own = new java.util.HashSet<>();
        if (sub != null) {
            collectOptions(sub, own);
        }
        boolean seenCommand = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) {
                return;
            }
            if (!isOptionLike(a)) {
                seenCommand = seenCommand || a.equals(name);
                continue;
            }
            String key = a.contains("=") && a.startsWith("--") ? a.substring(0, a.indexOf('=')) : a;
            if (seenCommand && own.contains(key)) {
                OptionSpec o = sub.findOption(key);
                if (o == null) {
                    o = findNested(sub, key);
                }
                i += o != null && o.arity().min() > 0 && !a.contains("=") ? 1 : 0;
                continue;
            }
            int values = valueWords(root, a);
            if (values < 0) {
                throw new ArgumentError(invalid(root, a));
            }
            if (values > 0 && i + values >= args.length) {
                throw new ArgumentError("ipmi: option requires an argument -- '" + a.charAt(a.length() - 1) + "'");
            }
            i += values;
        }
    }

    private static OptionSpec findNested(CommandSpec spec, String name) {
        for (CommandLine c : spec.subcommands().values()) {
            OptionSpec o = c.getCommandSpec().findOption(name);
            if (o == null) {
                o = findNested(c.getCommandSpec(), name);
            }
            if (o != null) {
                return o;
            }
        }
        return null;
    }

    private static void collectOptions(CommandSpec spec, Set<String> names) {
        for (OptionSpec o : spec.options()) {
            names.addAll(List.of(o.names()));
        }
        for (CommandLine c : spec.subcommands().values()) {
            collectOptions(c.getCommandSpec(), names);
        }
    }

    /** getopt's complaint about the first unknown letter of a word (or about a long option). */
    private static String invalid(CommandSpec root, String word) {
        if (word.startsWith("--")) {
            return "ipmi: unrecognized option '" + word + "'";
        }
        for (int k = 1; k < word.length(); k++) {
            OptionSpec o = root.findOption(word.charAt(k));
            if (o == null) {
                return "ipmi: invalid option -- '" + word.charAt(k) + "'";
            }
            if (o.arity().min() > 0) {
                break;
            }
        }
        return "ipmi: invalid option -- '" + word.charAt(1) + "'";
    }

    /** "-x…" or "--x…", but not "-" alone or a negative number. */
    static boolean isOptionLike(String a) {
        return a.length() > 1 && a.charAt(0) == '-' && !a.matches("-[0-9.]+");
    }

    /**
     * How many following words a global option word consumes (0 or 1), or -1 when it is not a
     * global option. Handles getopt clusters ({@code -vvv}, {@code -vH host}) and attached values
     * ({@code -Hhost}, {@code --sdr-cache=dir}).
     */
    static int valueWords(CommandSpec root, String a) {
        if (a.startsWith("--")) {
            int eq = a.indexOf('=');
            OptionSpec o = root.findOption(eq < 0 ? a : a.substring(0, eq));
            if (o == null) {
                return -1;
            }
            return eq < 0 && o.arity().min() > 0 ? 1 : 0;
        }
        for (int k = 1; k < a.length(); k++) {
            OptionSpec o = root.findOption(a.charAt(k));
            if (o == null) {
                return -1;
            }
            if (o.arity().min() > 0) {
                return k == a.length() - 1 ? 1 : 0;
            }
        }
        return 0;
    }

    /** Global options (with their values) first, then the command and its words, as getopt permutes. */
    static String[] reordered(CommandLine cl, String[] args) {
        CommandSpec root = cl.getCommandSpec();
        String name = commandWord(root, args);
        Set<String> own = new java.util.HashSet<>();
        CommandLine sub = name == null ? null : cl.getSubcommands().get(name);
        if (sub != null) {
            collectOptions(sub.getCommandSpec(), own);
        }
        List<String> globals = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        boolean seenCommand = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) {
                for (int j = i + 1; j < args.length; j++) {
                    rest.add(args[j]);
                }
                break;
            }
            String key = a.contains("=") && a.startsWith("--") ? a.substring(0, a.indexOf('=')) : a;
            if (isOptionLike(a) && !(seenCommand && own.contains(key))) {
                int values = valueWords(root, a);
                if (values >= 0) {
                    globals.add(a);
                    for (int k = 0; k < values && i + 1 < args.length; k++) {
                        globals.add(args[++i]);
                    }
                    continue;
                }
            }
            if (!seenCommand && a.equals(name)) {
                seenCommand = true;
            }
            rest.add(a);
        }
        globals.addAll(rest);
        return globals.toArray(String[]::new);
    }

    static String oneLine(Throwable ex) {
        if (ex instanceof CliException) {
            return ex.getMessage();
        }
        if (ex instanceof dev.ipmi.core.IpmiException || ex instanceof UnsupportedOperationException
                || ex instanceof IllegalArgumentException) {
            return "Error: " + ex.getMessage();
        }
        return "Error: " + ex;
    }

    /** {@code ipmi} alone. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The usage of the root: options from the model, commands from {@link #COMMANDS}. */
    static String usage() {
        CommandLine cl = new CommandLine(new IpmiCli());
        cl.getCommandSpec().usageMessage().footer(commandList());
        return cl.getUsageMessage();
    }

    private static String commandList() {
        StringBuilder sb = new StringBuilder("Commands:%n");
        COMMANDS.forEach((name, e) -> sb.append(String.format("  %-12s %s", name, e.description())).append("%n"));
        return sb.toString();
    }

    static String versionText() {
        // in ipmi.jar the manifest names it, and the JVM read the manifest to start: no resource
        // lookup (about 15 classes of jar URL handling) for the most frequent probe of scripts
        String v = IpmiCli.class.getPackage().getImplementationVersion();
        if (v != null) {
            return "ipmi-java " + v;
        }
        Properties p = new Properties();
        try (InputStream in = IpmiCli.class.getResourceAsStream("/ipmi-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // the version line then says "unknown"
        }
        return "ipmi-java " + p.getProperty("version", "unknown");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {versionText()};
        }
    }

    /** A usage error found before picocli parses: getopt's message, exit 2. */
    static final class ArgumentError extends RuntimeException {
        ArgumentError(String message) {
            super(message);
        }
    }
}
