package dev.ipmi.examples.cli;

import dev.ipmi.core.CompletionCodeException;
import dev.ipmi.core.commands.dcmi.GetPowerReading;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code dcmi power reading}, laid out as ipmitool 1.8.19 prints it. */
@Command(name = "dcmi", description = "DCMI: power reading.")
final class DcmiCommand extends CliCommand implements Runnable {
    /** C's ctime(): day of month space-padded. */
    // ipmitool 1.8.19 prints the DCMI timestamp as UTC "MM/DD/YY HH:MM:SS UTC" with no line end after it,
    // so "Sampling period" follows on the same line; scripts parse that text, so we print the same.
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("MM/dd/yy HH:mm:ss 'UTC'", Locale.US);

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
            out.print(text(r));
            out.flush();
        }
    }

    static String text(GetPowerReading.Response r) {
        StringBuilder sb = new StringBuilder("\n");
        sb.append(String.format("    Instantaneous power reading:              %8d Watts%n", r.currentWatts()));
        sb.append(String.format("    Minimum during sampling period:           %8d Watts%n", r.minimumWatts()));
        sb.append(String.format("    Maximum during sampling period:           %8d Watts%n", r.maximumWatts()));
        sb.append(String.format("    Average power reading over sample period: %8d Watts%n", r.averageWatts()));
        sb.append(String.format("    IPMI timestamp:                           %s",
                STAMP.format(Instant.ofEpochSecond(r.timestamp()).atZone(java.time.ZoneOffset.UTC))));
        sb.append(String.format("    Sampling period:                          %08d Seconds.%n",
                r.reportingPeriodMs() / 1000));
        sb.append(String.format("    Power reading state is:                   %s%n%n%n",
                r.measurementActive() ? "activated" : "deactivated"));
        return sb.toString();
    }
}
