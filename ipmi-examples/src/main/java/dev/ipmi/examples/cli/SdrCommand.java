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
                            line = locator(r, extended);
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

    /** ipmitool's lines for FRU and generic device locators (list and elist forms). */
    static Optional<String> locator(SdrRecord r, boolean extended) {
        if (r instanceof SdrRecord.FruDeviceLocator f) {
            return Optional.of(extended
                    ? String.format("%-16s | 00h | ns  | %2d.%1d | %s FRU @%02Xh", f.name(), f.entity().id(),
                    f.entity().instance(), f.logical() ? "Logical" : "Physical", f.fruDeviceId())
                    : String.format("%-16s | %s FRU @%02Xh %02x.%x | ok", f.name(), f.logical() ? "Log" : "Phy",
                    f.fruDeviceId(), f.entity().id(), f.entity().instance()));
        }
        if (r instanceof SdrRecord.GenericDeviceLocator g) {
            return Optional.of(extended
                    ? String.format("%-16s | 00h | ns  | %2d.%1d | Generic Device @%02Xh:%02Xh.%1d", g.name(),
                    g.entity().id(), g.entity().instance(), g.accessAddress(), g.slaveAddress(), g.oem())
                    : String.format("%-16s | Generic @%02X:%02X.%-2d | ok", g.name(), g.accessAddress(),
                    g.slaveAddress(), g.oem()));
        }
        return Optional.empty();
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
            printInfo(i, new PrintWriter(w));
            printJson(Json.fields(w.toString().lines().toList()));
            return;
        }
        printInfo(i, out());
        out().flush();
    }

    static void printInfo(GetSdrRepositoryInfo.Response i, PrintWriter out) {
        out.printf("SDR Version                         : 0x%x%n", i.sdrVersion());
        out.printf("Record Count                        : %d%n", i.recordCount());
        String free = switch (i.freeSpace()) {
            case 0x0000 -> "none (full)";
            case 0xFFFF -> "unspecified";
            case 0xFFFE -> "> 64Kb - 2 bytes";
            default -> i.freeSpace() + " bytes";
        };
        out.printf("Free Space                          : %s%n", free);
        // ipmitool prints each timestamp only when the matching operation is supported (Partial Add
        // for the addition, Delete for the erase) and "NA" otherwise, whatever the BMC reported
        int ops = i.operationSupport();
        out.printf("Most recent Addition                : %s%n",
                (ops & GetSdrRepositoryInfo.Response.PARTIAL_ADD_SUPPORTED) != 0 ? timestamp(i.lastAddition())
                        : "NA");
        out.printf("Most recent Erase                   : %s%n",
                (ops & GetSdrRepositoryInfo.Response.DELETE_SUPPORTED) != 0 ? timestamp(i.lastErase()) : "NA");
        out.printf("SDR overflow                        : %s%n", i.overflow() ? "yes" : "no");
        String modes = switch (i.updateModes()) {
            case 0 -> "unspecified";
            case 1 -> "non-modal";
            case 2 -> "modal";
            default -> "modal and non-modal";
        };
        out.printf("SDR Repository Update Support       : %s%n", modes);
        out.printf("Delete SDR supported                : %s%n",
                yesNo(ops, GetSdrRepositoryInfo.Response.DELETE_SUPPORTED));
        out.printf("Partial Add SDR supported           : %s%n",
                yesNo(ops, GetSdrRepositoryInfo.Response.PARTIAL_ADD_SUPPORTED));
        out.printf("Reserve SDR repository supported    : %s%n",
                yesNo(ops, GetSdrRepositoryInfo.Response.RESERVE_SUPPORTED));
        out.printf("SDR Repository Alloc info supported : %s%n",
                yesNo(ops, GetSdrRepositoryInfo.Response.ALLOCATION_INFO_SUPPORTED));
    }

    private static String yesNo(int ops, int bit) {
        return (ops & bit) != 0 ? "yes" : "no";
    }

    /** ipmitool's numeric timestamp; FFFFFFFFh is "Unspecified". */
    static String timestamp(long ts) {
        return ts == 0xFFFFFFFFL ? "Unspecified" : SelCommand.numericTime(new dev.ipmi.core.sel.SelTimestamp(ts));
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
            printTypes(out);
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

    static void printTypes(PrintWriter out) {
        out.println("Sensor Types:");
        for (int t = 1; t <= 0x2C; t += 2) {
            out.printf("\t%-25s (0x%02x)   %-25s (0x%02x)%n", SensorTypes.name(t), t, SensorTypes.name(t + 1),
                    t + 1);
        }
    }
}
