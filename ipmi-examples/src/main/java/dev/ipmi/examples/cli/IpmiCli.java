package dev.ipmi.examples.cli;

import dev.ipmi.core.IpmiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ipmi} command line: ipmitool's syntax ({@code -I lan|lanplus -H host -U user -P pass
 * …}) on top of ipmi-java. Errors are one line on stderr and exit code 1 (stack trace with
 * {@code -v}); usage errors exit 2.
 */
@Command(name = "ipmi", mixinStandardHelpOptions = true, versionProvider = IpmiCli.Version.class,
        description = "Pure-Java IPMI client (ipmitool-compatible syntax).",
        subcommands = {CommandLine.HelpCommand.class, McCommand.class, RawCommand.class, PowerCommand.class,
            ChassisCommand.class, ChannelCommand.class, UserCommand.class, LanCommand.class, DcmiCommand.class,
            SdrCommand.class,
            SensorCommand.class,
            SelCommand.class,
            FruCommand.class,
            SolCommand.class,
            VirtualBmcCommand.class, DemoCommand.class})
public final class IpmiCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @CommandLine.Mixin
    FacadeOptions facade = new FacadeOptions();

    @CommandLine.Mixin
    SdrCacheOptions sdrCache = new SdrCacheOptions();

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the CLI on System.out/System.err and returns its exit code (for tests). */
    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8), args);
    }

    /** Runs the CLI with the given output streams and returns its exit code. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        java.util.Optional<HostFanOut.Plan> fanOut;
        try {
            fanOut = HostFanOut.plan(args);
        } catch (CliException | IllegalArgumentException e) {
            err.println(e instanceof CliException ? e.getMessage() : "Error: -H: " + e.getMessage());
            err.flush();
            return 1;
        }
        if (fanOut.isPresent()) {
            return HostFanOut.run(fanOut.get(), out, err, IpmiCli::executeOne, System.console() != null);
        }
        return executeOne(out, err, args);
    }

    /** One host: what {@link #execute(PrintWriter, PrintWriter, String...)} runs per host of a fan-out. */
    static int executeOne(PrintWriter out, PrintWriter err, String... args) {
        IpmiCli cli = new IpmiCli();
        CommandLine cl = new CommandLine(cli);
        // "-I lan" must not be read as the "lan" subcommand
        cl.setAllowSubcommandsAsOptionParameters(true);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            err.println(oneLine(ex));
            if (cli.connection.verbose) {
                ex.printStackTrace(err);
            }
            err.flush();
            return 1;
        });
        int rc = cl.execute(args);
        out.flush();
        err.flush();
        return rc;
    }

    static String oneLine(Throwable ex) {
        if (ex instanceof CliException) {
            return ex.getMessage();
        }
        if (ex instanceof IpmiException || ex instanceof UnsupportedOperationException
                || ex instanceof IllegalArgumentException) {
            return "Error: " + ex.getMessage();
        }
        return "Error: " + ex;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = IpmiCli.class.getResourceAsStream("/ipmi-version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"ipmi-java " + p.getProperty("version", "unknown")};
        }
    }
}
