package dev.ipmi.examples.cli;

import dev.ipmi.core.CompletionCodeException;
import dev.ipmi.core.commands.dcmi.GetPowerReading;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code dcmi power reading}, laid out as ipmitool 1.8.19 prints it. */
@Command(name = "dcmi", description = "DCMI: power reading.")
final class DcmiCommand extends CliCommand implements Runnable {

    @Parameters(index = "0", paramLabel = "power")
    String group;

    @Parameters(index = "1", paramLabel = "reading")
    String what;

    @Override
    public void run() {
        if (!group.equals("power") || !what.equals("reading")) {
            throw new CliException("dcmi: only 'power reading' is supported");
        }
        GetPowerReading.Response r;
        try {
            r = client().dcmi().powerReading();
        } catch (CompletionCodeException e) {
            if (json()) {
                throw new CliException("DCMI request failed because: " + e.code().description()
                        + String.format(" (%x)", e.code().code()));
            }
            // ipmitool prints an empty line on stdout, then the indented message after one on stderr
            out().println();
            out().flush();
            throw new CliException("\n    DCMI request failed because: " + e.code().description()
                    + String.format(" (%x)", e.code().code()));
        }
        PrintWriter out = out();
        if (!printJson(r)) {
            out.print(IpmitoolText.dcmiPowerReading(r));
            out.flush();
        }
    }

}
