package dev.ipmi.examples.cli;

import dev.ipmi.core.CompletionCodeException;
import dev.ipmi.core.client.AsyncSel;
import dev.ipmi.core.client.IpmiClient;
import dev.ipmi.core.commands.storage.GetSelAllocationInfo;
import dev.ipmi.core.commands.storage.GetSelInfo;
import dev.ipmi.core.sdr.SdrRecord;
import dev.ipmi.core.sdr.SdrScan;
import dev.ipmi.core.sdr.IpmitoolFormat;
import dev.ipmi.core.sdr.SensorTypes;
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
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
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

    /**
     * ipmitool's numeric timestamp: "MM/dd/yy HH:mm:ss zone", or "S+ HH:MM:SS" for pre-init (seconds since
     * the BMC started).
     */
    static String numericTime(SelTimestamp ts) {
        if (ts.isPreInit()) {
            long s = ts.raw();
            return String.format("S+ %02d:%02d:%02d", (s / 3600) % 24, (s / 60) % 60, s % 60);
        }
        String cols = SelFormat.timestampColumns(ts, zone());
        // "MM/dd/yy | HH:mm:ss zzz |" -> "MM/dd/yy HH:mm:ss zzz"
        return cols.substring(0, cols.length() - 2).replace(" | ", " ");
    }

    /** ipmitool's date alone: "MM/dd/yy", or "S+ yy/ddd" (day of year of the pre-init seconds). */
    static String date(SelTimestamp ts) {
        if (ts.isPreInit()) {
            var t = Instant.ofEpochSecond(ts.raw()).atZone(ZoneOffset.UTC);
            return String.format("S+ %02d/%03d", t.getYear() % 100, t.getDayOfYear());
        }
        return numericTime(ts).substring(0, 8);
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
            printInfo(i, out);
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

    static void printInfo(GetSelInfo.Response i, PrintWriter out) {
        int v = i.selVersion();
        out.println("SEL Information");
        out.printf("Version          : %d.%d (%s)%n", v & 0x0F, (v >> 4) & 0x0F,
                v == 0x51 || v == 0x02 ? "v1.5, v2 compliant" : "Unknown");
        int e = i.entries();
        int f = i.freeSpace();
        out.printf("Entries          : %d%n", e);
        out.printf("Free Space       : %d bytes %s%n", f, f == 0xFFFF ? "or more" : "");
        int pct = 0;
        if (e != 0) {
            // ipmitool's arithmetic: entries are 16 bytes, used + free = total
            f += e * 16;
            pct = (int) (100 * ((double) (e * 16) / (double) f));
        }
        out.printf("Percent Used     : %s%n", f >= 0xFFFF ? "unknown" : pct + "%");
        out.printf("Last Add Time    : %s%n", stamp(i.lastAddition()));
        out.printf("Last Del Time    : %s%n", stamp(i.lastErase()));
        int ops = i.operationSupport();
        out.printf("Overflow         : %s%n", (ops & 0x80) != 0 ? "true" : "false");
        StringBuilder cmds = new StringBuilder();
        if ((ops & 0x0F) == 0) {
            cmds.append("None");
        }
        if ((ops & 0x08) != 0) {
            cmds.append("'Delete' ");
        }
        if ((ops & 0x04) != 0) {
            cmds.append("'Partial Add' ");
        }
        if ((ops & 0x02) != 0) {
            cmds.append("'Reserve' ");
        }
        if ((ops & 0x01) != 0) {
            cmds.append("'Get Alloc Info' ");
        }
        out.printf("Supported Cmds   : %s%n", cmds);
    }

    private static String stamp(long ts) {
        return ts == 0 || ts == 0xFFFFFFFFL ? "Not Available" : numericTime(new SelTimestamp(ts));
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
                    print(entry.record(), out);
                } else {
                    printExtended((SelRecord.SystemEvent) entry.record(), sensor, out);
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

    static void print(SelRecord r, PrintWriter out) {
        out.printf("SEL Record ID          : %04x%n", r.recordId());
        if (!(r instanceof SelRecord.SystemEvent e)) {
            out.printf(" Record Type           : %02x  (%s)%n", r.recordType(),
                    r.recordType() < 0xE0 ? "OEM timestamped" : "OEM non-timestamped");
            byte[] all = r.toBytes();
            StringBuilder hex = new StringBuilder();
            for (int i = r.recordType() < 0xE0 ? 10 : 3; i < all.length; i++) {
                hex.append(String.format("%02x", all[i] & 0xFF));
            }
            out.printf(" OEM Defined           : %s%n%n", hex);
            return;
        }
        header(e, out);
        out.printf(" Event Data            : %02x%02x%02x%n", e.eventData1(), e.eventData2(), e.eventData3());
        out.printf(" Description           : %s%n%n", e.description());
    }

    private static void header(SelRecord.SystemEvent e, PrintWriter out) {
        out.printf(" Record Type           : %02x%n", e.recordType());
        // ipmitool formats date and time into one static buffer, so both fields show the date
        out.printf(" Timestamp             : %s %s%n", date(e.timestamp()), date(e.timestamp()));
        out.printf(" Generator ID          : %04x%n", e.generatorId());
        out.printf(" EvM Revision          : %02x%n", e.evmRevision());
        out.printf(" Sensor Type           : %s%n", SensorTypes.name(e.sensorType()));
        out.printf(" Sensor Number         : %02x%n", e.sensorNumber());
        out.printf(" Event Type            : %s%n", eventType(e.eventReadingType()));
        out.printf(" Event Direction       : %s%n", e.deassertion() ? "Deassertion Event" : "Assertion Event");
    }

    /** The detailed form ipmitool prints when the event's sensor is in the SDR repository. */
    static void printExtended(SelRecord.SystemEvent e, SdrRecord.SensorRecord sensor, PrintWriter out) {
        out.printf("SEL Record ID          : %04x%n", e.recordId());
        header(e, out);
        out.printf(" Event Data (RAW)      : %02x%02x%02x%n", e.eventData1(), e.eventData2(), e.eventData3());
        int type = e.eventReadingType();
        if (type == 0x01 && sensor instanceof SdrRecord.FullSensor full) {
            dataByte(out, (e.eventData1() >> 6) & 3, e.eventData2(), "Trigger Reading       ", full);
            dataByte(out, (e.eventData1() >> 4) & 3, e.eventData3(), "Trigger Threshold     ", full);
        } else if (type >= 0x02 && type <= 0x0C) {
            // generic discrete: nothing more to break down
        } else if (type == 0x6F) {
            if (e.sensorType() == 0x0C && e.sensorNumber() == 0 && (e.eventData1() & 0x30) == 0x20) {
                out.printf(" Event Data            : CPU %d DIMM %d%n", e.eventData3() & 0x0F,
                        (e.eventData3() & 0xF0) >> 4);
            } else if (!(e.sensorType() == 0x2B && e.eventData1() == 0xC1)) {
                out.printf(" Event Interpretation  : Missing%n");
            }
        } else if (type < 0x70 || type > 0x7F) {
            out.printf(" Event Data            : %02x%02x%02x%n", e.eventData1(), e.eventData2(), e.eventData3());
        }
        out.printf(" Description           : %s%n%n", e.description());
    }

    private static void dataByte(PrintWriter out, int usage, int value, String label,
                                 SdrRecord.FullSensor full) {
        switch (usage) {
            case 1 -> out.printf(" %s: %s%s%n", label, IpmitoolFormat.fixed(full.conversion().convert(value), 3),
                    full.units().ipmitoolText());
            case 2 -> out.printf(" OEM Data              : %02x%n", value);
            case 3 -> out.printf(" Sensor Extension Code : %02x%n", value);
            default -> { }
        }
    }

    static String eventType(int code) {
        if (code == 0x01) {
            return "Threshold";
        }
        if (code >= 0x02 && code <= 0x0C) {
            return "Generic Discrete";
        }
        if (code == 0x6F) {
            return "Sensor-specific Discrete";
        }
        if (code >= 0x70 && code <= 0x7F) {
            return "OEM";
        }
        return "Unspecified";
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
        m.put("time", numericTime(t));
        m.put("raw", t.raw());
        m.put("preInit", t.isPreInit());
        if (!printJson(m)) {
            out().println(numericTime(t));
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
