package dev.ipmi.examples.cli;

import dev.ipmi.core.client.IpmiClient;
import dev.ipmi.core.commands.storage.GetSdrRepositoryInfo;
import dev.ipmi.core.sdr.IpmitoolFormat;
import dev.ipmi.core.sdr.SdrRecord;
import dev.ipmi.core.sdr.SdrScan;
import dev.ipmi.core.sdr.SensorReading;
import dev.ipmi.core.sdr.SensorTypes;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code sdr list|elist [all|full|compact|event|mcloc|fru|generic]}, {@code sdr info}, {@code sdr type <type>},
 * as ipmitool 1.8.19.
 */
@Command(name = "sdr", description = "SDR repository: list, elist, info, type.")
final class SdrCommand extends CliCommand implements Runnable {
    /** The columns of an ipmitool sdr list line and of an sdr elist line, as JSON keys. */
    static final String[] LIST_KEYS = {"name", "reading", "status"};
    static final String[] ELIST_KEYS = {"name", "sensorNumber", "status", "entity", "reading"};

    /** {@code sdr} alone lists the sensors, as ipmitool does. */
    @Override
    public void run() {
        list(null, false);
    }

    static SdrScan scan(ConnectionOptions options, IpmiClient bmc, PrintWriter err) {
        try (Progress p = Progress.start(err, "Reading SDR repository")) {
            return options.sdrScan(bmc);
        }
    }

    /** Which records a list shows: ipmitool's default is full and compact sensors. */
    static boolean selected(SdrRecord r, String which) {
        return switch (which) {
            case "all" -> r instanceof SdrRecord.SensorRecord || r instanceof SdrRecord.McDeviceLocator
                    || r instanceof SdrRecord.FruDeviceLocator || r instanceof SdrRecord.GenericDeviceLocator;
            case "full" -> r instanceof SdrRecord.FullSensor;
            case "compact" -> r instanceof SdrRecord.CompactSensor;
            case "event" -> r instanceof SdrRecord.EventOnly;
            case "mcloc" -> r instanceof SdrRecord.McDeviceLocator;
            case "fru" -> r instanceof SdrRecord.FruDeviceLocator;
            case "generic" -> r instanceof SdrRecord.GenericDeviceLocator;
            default -> throw new CliException("Invalid SDR list command: " + which + System.lineSeparator()
                    + "usage: sdr list [all|full|compact|event|mcloc|fru|generic]");
        };
    }

    void list(String which, boolean extended) {
        PrintWriter out = out();
        PrintWriter err = err();
        List<Object> json = new ArrayList<>();
        Consumer<String> emit = line -> {
            if (json()) {
                json.add(Json.columns(line, extended ? ELIST_KEYS : LIST_KEYS));
            } else {
                out.println(line);
            }
        };
        Function<SensorReading, String> reading = extended ? IpmitoolFormat::sdrElist : IpmitoolFormat::sdrList;
        Function<SdrRecord, Optional<String>> other = extended ? IpmitoolFormat::sdrElist : IpmitoolFormat::sdrList;
        String w = which == null ? "full+compact" : which;
        if (!w.equals("full+compact") && !List.of("all", "full", "compact", "event", "mcloc", "fru", "generic")
                .contains(w)) {
            String cmd = extended ? "elist" : "list";
            throw new CliException("Invalid SDR " + cmd + " command: " + w + System.lineSeparator() + "usage: sdr "
                    + cmd + " [all|full|compact|event|mcloc|fru|generic]");
        }
        IpmiClient bmc = client();
        try {
            SdrScan scan = scan(options(), bmc, err);
            List<SdrRecord> records = scan.records().stream().filter(r -> w.equals("full+compact")
                    ? r instanceof SdrRecord.FullSensor || r instanceof SdrRecord.CompactSensor : selected(r, w))
                    .toList();
            try (Progress p = Progress.start(err, "Reading sensors")) {
                for (SdrRecord r : records) {
                    if (r instanceof SdrRecord.FullSensor || r instanceof SdrRecord.CompactSensor) {
                        emit.accept(reading.apply(bmc.sensors().read((SdrRecord.SensorRecord) r)));
                        p.step();
                    } else {
                        Optional<String> line = other.apply(r);
                        if (line.isEmpty()) {
                            line = IpmitoolText.locator(r, extended);
                        }
                        line.ifPresent(emit);
                    }
                }
            }
            printJson(json);
        } finally {
            out.flush();
        }
    }


    @Command(name = "list", description = "Sensor name, reading and status (as ipmitool sdr list).")
    void listCmd(@Parameters(index = "0", arity = "0..1", paramLabel = "all|full|compact|event|mcloc|fru|generic")
                 String which) {
        list(which, false);
    }

    @Command(name = "elist",
            description = "Like list, with sensor number, entity and state texts (as ipmitool sdr elist).")
    void elist(@Parameters(index = "0", arity = "0..1", paramLabel = "all|full|compact|event|mcloc|fru|generic")
               String which) {
        list(which, true);
    }

    @Command(name = "info", description = "SDR repository information (as ipmitool sdr info).")
    void info() {
        GetSdrRepositoryInfo.Response i = client().sdr().info();
        if (json()) {
            StringWriter w = new StringWriter();
            IpmitoolText.sdrInfo(i, new PrintWriter(w));
            printJson(Json.fields(w.toString().lines().toList()));
            return;
        }
        IpmitoolText.sdrInfo(i, out());
        out().flush();
    }



    @Command(name = "type", description = "elist lines of one sensor type (name or 0xNN); 'list' shows the types.")
    void type(@Parameters(index = "0", arity = "0..1", paramLabel = "type") String type) {
        PrintWriter out = out();
        int code = type == null || type.equals("list") ? -1 : parse(type);
        if (code < 0) {
            if (type != null && !type.equals("list")) {
                err().printf("Sensor Type \"%s\" not found.%n", type);
                err().flush();
            }
            textOnly("sdr type list");
            IpmitoolText.sensorTypes(out);
            return;
        }
        List<Object> json = new ArrayList<>();
        Consumer<String> emit = line -> {
            if (json()) {
                json.add(Json.columns(line, ELIST_KEYS));
            } else {
                out.println(line);
            }
        };
        IpmiClient bmc = client();
        try {
            SdrScan scan = scan(options(), bmc, err());
            for (SdrRecord.SensorRecord s : scan.sensors()) {
                if (s.sensorType() != code) {
                    continue;
                }
                if (s instanceof SdrRecord.EventOnly) {
                    IpmitoolFormat.sdrElist(s).ifPresent(emit);
                } else {
                    emit.accept(IpmitoolFormat.sdrElist(bmc.sensors().read(s)));
                }
            }
            printJson(json);
        } finally {
            out.flush();
        }
    }

    static int parse(String text) {
        if (text.startsWith("0x") || text.startsWith("0X")) {
            try {
                int v = Integer.parseInt(text.substring(2), 16);
                return v >= 0 && v <= 0xFF ? v : -1;
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return SensorTypes.byName(text);
    }

}
