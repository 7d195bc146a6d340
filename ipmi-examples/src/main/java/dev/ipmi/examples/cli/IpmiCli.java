package dev.ipmi.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ipmi} command line: ipmitool's syntax ({@code -I lan|lanplus -H host -U user -P pass
 * …}) on top of ipmi-java.
 */
@Command(name = "ipmi", mixinStandardHelpOptions = true, versionProvider = IpmiCli.Version.class,
        description = "Pure-Java IPMI client (ipmitool-compatible syntax).",
        subcommands = {CommandLine.HelpCommand.class})
public final class IpmiCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the CLI and returns its exit code (for tests). */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new IpmiCli());
        return cl.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
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
