package dev.ipmi.examples.cli;

import dev.ipmi.core.CompletionCodeException;
import dev.ipmi.core.client.AsyncSel;
import dev.ipmi.core.client.IpmiClient;
import dev.ipmi.core.commands.storage.GetSelAllocationInfo;
import dev.ipmi.core.commands.storage.GetSelInfo;
import dev.ipmi.core.sdr.SdrRecord;
import dev.ipmi.core.sdr.SdrScan;
import dev.ipmi.core.sel.SelFormat;
import dev.ipmi.core.sel.SelRecord;
import dev.ipmi.core.sel.SelTimestamp;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code sel info|list|elist|clear|get|add|delete|time get|time set}, as ipmitool 1.8.19. */
@Command(name = "sel", description = "System Event Log: info, list, elist, clear, get, add, delete, time.")
final class SelCommand extends CliCommand implements Runnable {
    /** The generator ID ipmitool puts in entries it adds (software ID 20h). */
    static final int SOFTWARE_GENERATOR = 0x0041;
    /** The columns of an ipmitool sel list/elist line, as JSON keys. */
    static final String[] LIST_KEYS = {"id", "date", "time", "sensor", "event", "direction", "detail"};
    private static final DateTimeFormatter SET_FORMAT = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss", Locale.ROOT);
    /** What ipmitool 1.8.19 actually parses ("%x %X" in the C locale): a two-digit year. */
    private static final DateTimeFormatter SET_FORMAT_SHORT = new java.time.format.DateTimeFormatterBuilder()
            .appendPattern("MM/dd/").appendValueReduced(java.time.temporal.ChronoField.YEAR, 2, 2, 1970)
            .appendPattern(" HH:mm:ss").toFormatter(Locale.ROOT);

    /** {@code sel} alone prints the SEL information, as ipmitool does. */
    @Override
    public void run() {
        info();
    }

    static ZoneId zone() {
        return ZoneId.systemDefault();
    }



    static String failure(CompletionCodeException e) {
        return e.code().description();
    }

    @Command(name = "info", description = "SEL information (as ipmitool sel info).")
    void info() {
        if (json()) {
            StringWriter w = new StringWriter();
            info(client(), new PrintWriter(w));
            printJson(Json.fields(w.toString().lines().toList()));
            return;
        }
        info(client(), out());
    }

    static void info(IpmiClient bmc, PrintWriter out) {
        try {
            GetSelInfo.Response i = bmc.sel().info();
            IpmitoolText.selInfo(i, out);
            if ((i.operationSupport() & GetSelInfo.Response.ALLOCATION_INFO_SUPPORTED) != 0) {
                GetSelAllocationInfo.Response a = bmc.sel().allocationInfo();
                out.printf("# of Alloc Units : %d%n", a.allocationUnits());
                out.printf("Alloc Unit Size  : %d%n", a.unitSize());
                out.printf("# Free Units     : %d%n", a.freeUnits());
                out.printf("Largest Free Blk : %d%n", a.largestFreeBlock());
                out.printf("Max Record Size  : %d%n", a.maxRecordSize());
            }
        } finally {
            out.flush();
        }
    }



    static List<String> lines(ConnectionOptions options, IpmiClient bmc, boolean extended, PrintWriter err) {
        List<SelRecord> entries = bmc.sel().entries();
        SdrScan scan = extended ? SdrCommand.scan(options, bmc, err) : null;
        List<String> out = new ArrayList<>();
        for (SelRecord r : entries) {
            if (!extended) {
                out.add(SelFormat.list(r, zone()));
                continue;
            }
            SdrRecord.SensorRecord sensor = r instanceof SelRecord.SystemEvent e ? sensorOf(scan, e) : null;
            out.add(SelFormat.elist(r, zone(), sensor));
        }
        return out;
    }

    void list(boolean extended) {
        PrintWriter out = out();
        PrintWriter err = err();
        IpmiClient bmc = client();
        try {
            if (bmc.sel().info().entries() == 0) {
                if (!printJson(List.of())) {
                    err.println("SEL has no entries");
                    err.flush();
                }
                return;
            }
            List<String> lines = lines(options(), bmc, extended, err);
            if (json()) {
                printJson(lines.stream().map(SelCommand::lineJson).toList());
                return;
            }
            lines.forEach(out::println);
        } finally {
            out.flush();
        }
    }

    /** The columns of an ipmitool sel list/elist line as JSON: the record ID as a number (ipmitool prints hex). */
    static Map<String, Object> lineJson(String line) {
        Map<String, Object> m = Json.columns(line, LIST_KEYS);
        m.put("id", Integer.parseInt(line.substring(0, line.indexOf('|')).strip(), 16));
        return m;
    }

    @Command(name = "list", description = "SEL entries (as ipmitool sel list).")
    void list() {
        list(false);
    }

    @Command(name = "elist", description = "SEL entries with sensor names and readings (as ipmitool sel elist).")
    void elist() {
        list(true);
    }

    @Command(name = "clear", description = "Erase the SEL and wait until the BMC has finished.")
    void clear() {
        PrintWriter out = out();
        IpmiClient bmc = client();
        try {
            bmc.sel().clear();
            if (!printJson(Map.of("cleared", true))) {
                out.println("Clearing SEL.  Please allow a few seconds to erase.");
            }
        } finally {
            out.flush();
        }
    }

    @Command(name = "get", description = "SEL entries in detail, with their sensor (as ipmitool sel get).")
    int get(@Parameters(arity = "1..*", paramLabel = "id") List<String> ids) {
        PrintWriter out = out();
        PrintWriter err = err();
        int rc = 0;
        IpmiClient bmc = client();
        List<Object> json = new ArrayList<>();
        PrintWriter textOut = out;
        try {
            SdrScan scan = null;
            for (int i = 0; i < ids.size(); i++) {
                String text = ids.get(i);
                int id;
                try {
                    id = parseId(text);
                } catch (CliException e) {
                    out.flush();
                    err.println(e.getMessage());
                    err.flush();
                    rc = 1;
                    continue;
                }
                AsyncSel.Entry entry;
                try {
                    entry = bmc.sel().entry(id);
                } catch (CompletionCodeException e) {
                    out.flush();
                    err.printf("Get SEL Entry %x command failed: %s%n", id, failure(e));
                    err.flush();
                    rc = 1;
                    continue;
                }
                if (scan == null) {
                    scan = SdrCommand.scan(options(), bmc, err);
                }
                SdrRecord.SensorRecord sensor = entry.record() instanceof SelRecord.SystemEvent e
                        ? sensorOf(scan, e) : null;
                StringWriter w = new StringWriter();
                if (json()) {
                    out = new PrintWriter(w);
                }
                Map<String, Object> sensorJson = null;
                if (sensor == null) {
                    IpmitoolText.selEntry(entry.record(), out);
                } else {
                    IpmitoolText.selEntryExtended((SelRecord.SystemEvent) entry.record(), sensor, out);
                    if (sensor instanceof SdrRecord.FullSensor || sensor instanceof SdrRecord.CompactSensor) {
                        if (json()) {
                            sensorJson = Json.fields(SensorCommand.detail(bmc, sensor));
                        } else {
                            SensorCommand.print(bmc, sensor, out);
                        }
                    }
                }
                if (json()) {
                    out.flush();
                    Map<String, Object> m = Json.fields(w.toString().lines().toList());
                    m.put("sensor", sensorJson);
                    json.add(m);
                    out = textOut;
                } else if (ids.size() > 1 && i < ids.size() - 1) {
                    out.printf("----------------------%n%n");
                }
            }
            printJson(json);
        } finally {
            out.flush();
        }
        return rc;
    }






    /** The SDR of an event's sensor: same owner (generator address), number and type, as ipmitool matches. */
    static SdrRecord.SensorRecord sensorOf(SdrScan scan, SelRecord.SystemEvent e) {
        return scan.sensors().stream().filter(s -> s.key().sensorNumber() == e.sensorNumber()
                && s.sensorType() == e.sensorType() && s.key().ownerId() == e.generatorAddress())
                .findFirst().orElse(null);
    }

    static int parseId(String text) {
        try {
            int id = text.startsWith("0x") || text.startsWith("0X") ? Integer.parseInt(text.substring(2), 16)
                    : Integer.parseInt(text);
            if (id < 0 || id > 0xFFFF) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw new CliException("Given SEL ID '" + text + "' is invalid.");
        }
    }

    @Command(name = "add", description = "Add system event entries from a file: one entry a line, 7 bytes "
            + "(EvM revision, sensor type, sensor number, event dir|type, event data 1-3), '#' comments.")
    void add(@Parameters(index = "0", paramLabel = "file") Path file) {
        textOnly("sel add");
        PrintWriter out = out();
        PrintWriter err = err();
        if (!Files.isRegularFile(file)) {
            throw new CliException("File " + file + " does not exist");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliException("File " + file + " could not be read: " + e.getMessage());
        }
        // one buffer for the whole file, as ipmitool has: a short line shows the previous line's bytes
        int[] b = new int[8];
        IpmiClient bmc = client();
        try {
            for (String line : lines) {
                String l = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
                if (l.isBlank()) {
                    continue;
                }
                if (parseAddLine(l, b) < 7) {
                    // like ipmitool: report the line's bytes and go on with the next one
                    out.flush();
                    StringBuilder hex = new StringBuilder();
                    for (int x : b) {
                        hex.append(String.format("%02x", x));
                    }
                    err.println("Invalid Event: " + hex);
                    err.flush();
                    continue;
                }
                SelRecord.SystemEvent e = new SelRecord.SystemEvent(0, new SelTimestamp(0), SOFTWARE_GENERATOR,
                        b[0], b[1], b[2], (b[3] & 0x80) != 0, b[3] & 0x7F, b[4], b[5], b[6]);
                out.println(SelFormat.list(e, zone()));
                bmc.sel().add(e);
            }
        } finally {
            out.flush();
        }
    }

    /** Reads up to 7 leading bytes (0x.. or decimal) into {@code b}; returns how many were bytes. */
    static int parseAddLine(String line, int[] b) {
        String[] f = line.strip().split("\\s+");
        int n = 0;
        for (; n < Math.min(7, f.length); n++) {
            try {
                int v = Integer.decode(f[n]);
                if (v < 0 || v > 0xFF) {
                    break;
                }
                b[n] = v;
            } catch (NumberFormatException e) {
                break;
            }
        }
        return n;
    }

    @Command(name = "delete", description = "Delete SEL entries by record ID.")
    int delete(@Parameters(arity = "1..*", paramLabel = "id") List<String> ids) {
        PrintWriter out = out();
        PrintWriter err = err();
        int rc = 0;
        List<Integer> deleted = new ArrayList<>();
        IpmiClient bmc = client();
        try {
            // ipmitool works through the IDs from the last to the first
            for (int i = ids.size() - 1; i >= 0; i--) {
                int id;
                try {
                    id = parseId(ids.get(i));
                } catch (CliException e) {
                    out.flush();
                    err.println(e.getMessage());
                    err.flush();
                    rc = 1;
                    continue;
                }
                try {
                    bmc.sel().delete(id);
                    deleted.add(id);
                    if (!json()) {
                        out.printf("Deleted entry %d%n", id);
                    }
                } catch (CompletionCodeException e) {
                    out.flush();
                    err.printf("Unable to delete entry %d: %s%n", id, failure(e));
                    err.flush();
                    rc = 1;
                }
            }
            printJson(Map.of("deleted", deleted));
        } finally {
            out.flush();
        }
        return rc;
    }

    @Command(name = "time", description = "SEL clock: time get | time set <\"MM/DD/YYYY HH:MM:SS\"|now>.")
    void time(@Parameters(index = "0", paramLabel = "get|set") String action,
            @Parameters(index = "1..*", arity = "0..*", paramLabel = "time") List<String> time) {
        PrintWriter out = out();
        if (action.equals("get")) {
            IpmiClient bmc = client();
            try {
                printTime(bmc.sel().time());
            } finally {
                out.flush();
            }
            return;
        }
        if (!action.equals("set") || time == null || time.isEmpty()) {
            throw new CliException("usage: sel time get | sel time set <\"MM/DD/YYYY HH:MM:SS\"|now>");
        }
        Instant when = parseTime(String.join(" ", time));
        IpmiClient bmc = client();
        try {
            bmc.sel().setTime(when);
            printTime(bmc.sel().time());
        } finally {
            out.flush();
        }
    }

    private void printTime(SelTimestamp t) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("time", IpmitoolText.numericTime(t));
        m.put("raw", t.raw());
        m.put("preInit", t.isPreInit());
        if (!printJson(m)) {
            out().println(IpmitoolText.numericTime(t));
        }
    }

    /** "now", "MM/DD/YYYY HH:MM:SS" or ipmitool's "MM/DD/YY HH:MM:SS", in the local time zone. */
    static Instant parseTime(String text) {
        if (text.equals("now")) {
            return Instant.ofEpochSecond(Instant.now().getEpochSecond());
        }
        for (DateTimeFormatter f : List.of(SET_FORMAT, SET_FORMAT_SHORT)) {
            try {
                return LocalDateTime.parse(text, f).atZone(zone()).toInstant();
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        throw new CliException("Specified time could not be parsed");
    }
}
