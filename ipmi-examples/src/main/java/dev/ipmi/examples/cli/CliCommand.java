package dev.ipmi.examples.cli;

import dev.ipmi.core.client.IpmiClient;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every command group shares: the global options of the root (the {@link ConnectionOptions}
 * mixin), its session, its output streams and the {@code --json} switch. Subcommands are methods
 * of the group class; none of them opens or closes a session itself.
 */
abstract class CliCommand {
    @Spec
    CommandSpec spec;

    /** Set instead of {@link #spec} when {@link OneShot} runs the command without picocli. */
    private ConnectionOptions directOptions;
    private PrintWriter directOut;
    private PrintWriter directErr;

    void direct(ConnectionOptions options, PrintWriter out, PrintWriter err) {
        directOptions = options;
        directOut = out;
        directErr = err;
    }

    ConnectionOptions options() {
        if (directOptions != null) {
            return directOptions;
        }
        return ((CliRoot) spec.root().userObject()).options();
    }

    /** The session (opened on first use, closed by the runner after the command or the exec file). */
    IpmiClient client() {
        return options().client();
    }

    PrintWriter out() {
        return directOut != null ? directOut : spec.commandLine().getOut();
    }

    PrintWriter err() {
        return directErr != null ? directErr : spec.commandLine().getErr();
    }

    boolean json() {
        return options().json;
    }

    /** Prints {@code value} as JSON when {@code --json} was given; returns whether it did. */
    boolean printJson(Object value) {
        if (!json()) {
            return false;
        }
        out().println(Json.write(value));
        out().flush();
        return true;
    }

    /** For a command that has no JSON form: under {@code --json} it says so and exits non-zero. */
    void textOnly(String command) {
        if (json()) {
            throw new CliException(command + " has no JSON form (run it without --json)");
        }
    }

    /** The group's usage, for the group word alone. */
    void usage() {
        spec.commandLine().usage(out());
    }
}
