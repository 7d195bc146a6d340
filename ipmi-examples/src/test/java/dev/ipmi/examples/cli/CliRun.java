package dev.ipmi.examples.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One in-process run of the CLI: exit code, standard output and standard error as text. */
record CliRun(int rc, String out, String err) {

    static CliRun ipmi(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = IpmiCli.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(rc, out.toString(), err.toString());
    }
}
