package dev.ipmi.examples.cli;

import dev.ipmi.core.CompletionCodeException;
import dev.ipmi.core.client.AsyncSel;
import dev.ipmi.core.client.IpmiClient;
import dev.ipmi.core.commands.storage.GetSelAllocationInfo;
import dev.ipmi.core.commands.storage.GetSelInfo;
import dev.ipmi.core.sdr.SdrRecord;
import dev.ipmi.core.sdr.SdrScan;
import dev.ipmi.core.sdr.SensorTypes;
import dev.ipmi.core.sel.SelFormat;
import dev.ipmi.core.sel.SelRecord;
import dev.ipmi.core.sel.SelTimestamp;
import java.io.IOException;
import java.io.PrintWriter;
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
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sel info|list|elist|clear|get|add|delete|time get|time set}, as ipmitool 1.8.19. */
@Command(name = "sel", description = "System Event Log: info, list, elist, clear, get, add, delete, time.",
        subcommands = {SelCommand.Info.class, SelCommand.ListCmd.class, SelCommand.Elist.class, SelCommand.Clear.class,
            SelCommand.Get.class, SelCommand.Add.class, SelCommand.Delete.class, SelCommand.Time.class})
final class SelCommand implements Runnable {
    /** The generator ID ipmitool puts in entries it adds (software ID 20h). */
    static final int SOFTWARE_GENERATOR = 0x0041;
    private static final DateTimeFormatter SET_FORMAT = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss", Locale.ROOT);

    @ParentCommand
    IpmiCli root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static ZoneId zone() {
        return ZoneId.systemDefault();
    }

    /** ipmitool's numeric timestamp: "MM/dd/yy HH:mm:ss zone", or "S+ HH:MM:SS" for pre-init (seconds since BMC start). */
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
    static final class Info implements Runnable {
        @ParentCommand
        SelCommand sel;
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            try (IpmiClient bmc = Facade.connect(sel.root)) {
                GetSelInfo.Response i = bmc.sel().info();
                print(i, out);
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

        static void print(GetSelInfo.Response i, PrintWriter out) {
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
    }

    static List<String> lines(IpmiClient bmc, boolean extended, PrintWriter err) {
        List<SelRecord> entries = bmc.sel().entries();
        SdrScan scan = extended ? SdrCommand.scan(bmc, err) : null;
        List<String> out = new ArrayList<>();
        for (SelRecord r : entries) {
            if (!extended) {
                out.add(SelFormat.list(r, zone()));
                continue;
            }
            SdrRecord.SensorRecord sensor = null;
            if (r instanceof SelRecord.SystemEvent e) {
                sensor = scan.sensors().stream().filter(s -> s.key().sensorNumber() == e.sensorNumber()
                        && s.sensorType() == e.sensorType() && s.key().ownerId() == e.generatorAddress())
                        .findFirst().orElse(null);
            }
            out.add(SelFormat.elist(r, zone(), sensor));
        }
        return out;
    }

    static void list(IpmiCli root, boolean extended, PrintWriter out, PrintWriter err) {
        try (IpmiClient bmc = Facade.connect(root)) {
            if (bmc.sel().info().entries() == 0) {
                err.println("SEL has no entries");
                err.flush();
                return;
            }
            lines(bmc, extended, err).forEach(out::println);
        } finally {
            out.flush();
        }
    }

    @Command(name = "list", description = "SEL entries (as ipmitool sel list).")
    static final class ListCmd implements Runnable {
        @ParentCommand
        SelCommand sel;
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            list(sel.root, false, spec.commandLine().getOut(), spec.commandLine().getErr());
        }
    }

    @Command(name = "elist", description = "SEL entries with sensor names and readings (as ipmitool sel elist).")
    static final class Elist implements Runnable {
        @ParentCommand
        SelCommand sel;
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            list(sel.root, true, spec.commandLine().getOut(), spec.commandLine().getErr());
        }
    }

    @Command(name = "clear", description = "Erase the SEL and wait until the BMC has finished.")
    static final class Clear implements Runnable {
        @ParentCommand
        SelCommand sel;
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            try (IpmiClient bmc = Facade.connect(sel.root)) {
                bmc.sel().clear();
                out.println("Clearing SEL.  Please allow a few seconds to erase.");
            } finally {
                out.flush();
            }
        }
    }

    @Command(name = "get", description = "One SEL entry in detail (ipmitool sel get, without the SDR part).")
    static final class Get implements Callable<Integer> {
        @ParentCommand
        SelCommand sel;
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;
        @Parameters(arity = "1..*", paramLabel = "id")
        List<String> ids;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            int rc = 0;
            try (IpmiClient bmc = Facade.connect(sel.root)) {
                for (String text : ids) {
                    int id = parseId(text);
                    try {
                        print(bmc.sel().entry(id), out);
                    } catch (CompletionCodeException e) {
                        out.flush();
                        err.printf("Get SEL Entry %x command failed: %s%n", id, failure(e));
                        err.flush();
                        rc = 1;
                    }
                }
            } finally {
                out.flush();
            }
            return rc;
        }

        static void print(AsyncSel.Entry entry, PrintWriter out) {
            SelRecord r = entry.record();
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
            out.printf(" Record Type           : %02x%n", r.recordType());
            // ipmitool formats date and time into one static buffer, so both fields show the date
            out.printf(" Timestamp             : %s %s%n", date(e.timestamp()), date(e.timestamp()));
            out.printf(" Generator ID          : %04x%n", e.generatorId());
            out.printf(" EvM Revision          : %02x%n", e.evmRevision());
            out.printf(" Sensor Type           : %s%n", SensorTypes.name(e.sensorType()));
            out.printf(" Sensor Number         : %02x%n", e.sensorNumber());
            out.printf(" Event Type            : %s%n", eventType(e.eventReadingType()));
            out.printf(" Event Direction       : %s%n", e.deassertion() ? "Deassertion Event" : "Assertion Event");
            out.printf(" Event Data            : %02x%02x%02x%n", e.eventData1(), e.eventData2(), e.eventData3());
            out.printf(" Description           : %s%n%n", e.description());
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
    static final class Add implements Runnable {
        @ParentCommand
        SelCommand sel;
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;
        @Parameters(index = "0", paramLabel = "file")
        Path file;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            List<SelRecord.SystemEvent> events = parse(file);
            try (IpmiClient bmc = Facade.connect(sel.root)) {
                for (SelRecord.SystemEvent e : events) {
                    out.println(SelFormat.list(e, zone()));
                    bmc.sel().add(e);
                }
            } finally {
                out.flush();
            }
        }

        static List<SelRecord.SystemEvent> parse(Path file) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new CliException("Error opening file '" + file + "': " + e.getMessage());
            }
            List<SelRecord.SystemEvent> out = new ArrayList<>();
            int n = 0;
            for (String line : lines) {
                n++;
                String l = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
                if (l.isBlank()) {
                    continue;
                }
                String[] f = l.strip().split("\\s+");
                if (f.length != 7) {
                    throw new CliException(file + ":" + n + ": expected 7 bytes, got " + f.length);
                }
                int[] b = new int[7];
                for (int i = 0; i < 7; i++) {
                    try {
                        b[i] = Integer.decode(f[i]);
                    } catch (NumberFormatException e) {
                        b[i] = -1;
                    }
                    if (b[i] < 0 || b[i] > 0xFF) {
                        throw new CliException(file + ":" + n + ": not a byte: " + f[i]);
                    }
                }
                out.add(new SelRecord.SystemEvent(0, new SelTimestamp(0), SOFTWARE_GENERATOR, b[0], b[1], b[2],
                        (b[3] & 0x80) != 0, b[3] & 0x7F, b[4], b[5], b[6]));
            }
            return out;
        }
    }

    @Command(name = "delete", description = "Delete SEL entries by record ID.")
    static final class Delete implements Callable<Integer> {
        @ParentCommand
        SelCommand sel;
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;
        @Parameters(arity = "1..*", paramLabel = "id")
        List<String> ids;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            int rc = 0;
            try (IpmiClient bmc = Facade.connect(sel.root)) {
                for (String text : ids) {
                    int id = parseId(text);
                    try {
                        bmc.sel().delete(id);
                        out.printf("Deleted entry %d%n", id);
                    } catch (CompletionCodeException e) {
                        out.flush();
                        err.printf("Unable to delete entry %d: %s%n", id, failure(e));
                        err.flush();
                        rc = 1;
                    }
                }
            } finally {
                out.flush();
            }
            return rc;
        }
    }

    @Command(name = "time", description = "SEL clock: time get | time set <\"MM/DD/YYYY HH:MM:SS\"|now>.")
    static final class Time implements Runnable {
        @ParentCommand
        SelCommand sel;
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;
        @Parameters(index = "0", paramLabel = "get|set")
        String action;
        @Parameters(index = "1..*", arity = "0..*", paramLabel = "time")
        List<String> time;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            if (action.equals("get")) {
                try (IpmiClient bmc = Facade.connect(sel.root)) {
                    out.println(numericTime(bmc.sel().time()));
                } finally {
                    out.flush();
                }
                return;
            }
            if (!action.equals("set") || time == null || time.isEmpty()) {
                throw new CliException("usage: sel time get | sel time set <\"MM/DD/YYYY HH:MM:SS\"|now>");
            }
            Instant when = parse(String.join(" ", time));
            try (IpmiClient bmc = Facade.connect(sel.root)) {
                bmc.sel().setTime(when);
                out.println(numericTime(new SelTimestamp(when.getEpochSecond())));
            } finally {
                out.flush();
            }
        }

        /** "now" or "MM/DD/YYYY HH:MM:SS" in the local time zone (as ipmitool reads it). */
        static Instant parse(String text) {
            if (text.equals("now")) {
                return Instant.ofEpochSecond(Instant.now().getEpochSecond());
            }
            try {
                return LocalDateTime.parse(text, SET_FORMAT).atZone(zone()).toInstant();
            } catch (DateTimeParseException e) {
                throw new CliException("Specified time could not be parsed");
            }
        }
    }
}
