package dev.ipmi.core.sel;

import dev.ipmi.core.commands.storage.GetSelInfo;
import dev.ipmi.core.sdr.IpmitoolFormat;
import dev.ipmi.core.sdr.SdrRecord;
import dev.ipmi.core.sdr.SensorTypes;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * SEL lines formatted like ipmitool 1.8.19's {@code sel list} and {@code sel elist}: record ID in
 * hex, date and time (or "Pre-Init" and the raw seconds), sensor type and name, event text,
 * direction, and for threshold events the triggering reading and threshold.
 */
public final class SelFormat {
    private SelFormat() {}

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MM/dd/yy", Locale.ROOT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss zzz", Locale.ROOT);

    /** ipmitool's timestamp columns, e.g. "11/21/26 | 10:17:39 UTC |" or " Pre-Init  |0000000370|". */
    public static String timestampColumns(SelTimestamp ts, ZoneId zone) {
        if (ts.isPreInit()) {
            return " Pre-Init  |" + String.format("%010d", ts.raw()) + "|";
        }
        // ipmitool prints the zone abbreviation; ZoneOffset.UTC would print "Z"
        var t = Instant.ofEpochSecond(ts.raw()).atZone(zone.equals(ZoneOffset.UTC) ? ZoneId.of("UTC") : zone);
        return DATE.format(t) + " | " + TIME.format(t) + " |";
    }

    /** One line of {@code ipmitool sel list} (no SDR lookup: sensors shown as "#0xNN"). */
    public static String list(SelRecord record, ZoneId zone) {
        return line(record, zone, null);
    }

    /**
     * One line of {@code ipmitool sel elist}.
     *
     * @param sensor the SDR of the event's sensor (matched by owner, number and type), or null when unknown
     */
    public static String elist(SelRecord record, ZoneId zone, SdrRecord.SensorRecord sensor) {
        return line(record, zone, sensor == null ? Optional.empty() : Optional.of(sensor));
    }

    private static String line(SelRecord record, ZoneId zone, Optional<SdrRecord.SensorRecord> sensor) {
        StringBuilder b = new StringBuilder(String.format("%4x | ", record.recordId()));
        if (!(record instanceof SelRecord.SystemEvent e)) {
            if (record instanceof SelRecord.OemTimestamped o) {
                b.append(timestampColumns(o.timestamp(), zone)).append(String.format(" OEM record %02x | %06x | ",
                        o.recordType(), o.manufacturerId()));
                for (byte x : o.oemData().toByteArray()) {
                    b.append(String.format("%02x", x & 0xFF));
                }
            } else {
                b.append(String.format("OEM record %02x | ", record.recordType()));
                byte[] all = record.toBytes();
                for (int i = 3; i < all.length; i++) {
                    b.append(String.format("%02x", all[i] & 0xFF));
                }
            }
            return b.toString();
        }
        b.append(timestampColumns(e.timestamp(), zone));
        b.append(' ').append(SensorTypes.name(e.sensorType()));
        if (sensor != null && sensor.isPresent()) {
            b.append(' ').append(sensor.get().name());
        } else if (e.sensorNumber() != 0) {
            // ipmitool leaves sensor number 0 out ("Watchdog2 | Hard reset")
            b.append(String.format(" #0x%02x", e.sensorNumber()));
        }
        b.append(" | ").append(e.description()).append(" | ").append(e.deassertion() ? "Deasserted" : "Asserted");
        if (sensor != null && sensor.isPresent() && sensor.get() instanceof SdrRecord.FullSensor full
                && e.isThreshold() && full.hasAnalogReading()) {
            appendThreshold(b, e, full);
        }
        return b.toString();
    }

    private static void appendThreshold(StringBuilder b, SelRecord.SystemEvent e, SdrRecord.FullSensor full) {
        // ipmitool keeps these values in single-precision floats; round through float to print the same digits
        float trigger = e.eventData2Usage() == 1 ? (float) full.conversion().convert(e.eventData2()) : 0f;
        b.append(" | Reading ").append(IpmitoolFormat.fixed(trigger, trigger == (int) trigger ? 0 : 2));
        if (e.eventData3Usage() == 1) {
            float threshold = (float) full.conversion().convert(e.eventData3());
            b.append(e.offset() % 2 == 1 ? " > " : " < ").append("Threshold ")
                    .append(IpmitoolFormat.fixed(threshold, threshold == (int) threshold ? 0 : 2)).append(' ')
                    .append(full.units().ipmitoolText());
        }
    }

    /** The lines of {@code ipmitool sel info} for a Get SEL Info answer (without the allocation part). */
    public static List<String> info(GetSelInfo.Response info, ZoneId zone) {
        List<String> out = new ArrayList<>();
        out.add("SEL Information");
        String version = (info.selVersion() & 0x0F) + "." + (info.selVersion() >>> 4);
        out.add("Version          : " + version + (info.selVersion() == 0x51 ? " (v1.5, v2 compliant)" : ""));
        out.add("Entries          : " + info.entries());
        out.add("Free Space       : " + info.freeSpace() + " bytes ");
        long used = info.entries() * 16L;
        long percent = used + info.freeSpace() == 0 ? 0 : used * 100 / (used + info.freeSpace());
        out.add("Percent Used     : " + percent + "%");
        out.add("Last Add Time    : " + infoTime(info.lastAddition(), zone));
        out.add("Last Del Time    : " + infoTime(info.lastErase(), zone));
        out.add("Overflow         : " + info.overflow());
        StringBuilder cmds = new StringBuilder("Supported Cmds   : ");
        if ((info.operationSupport() & GetSelInfo.Response.DELETE_SUPPORTED) != 0) {
            cmds.append("'Delete' ");
        }
        if ((info.operationSupport() & GetSelInfo.Response.PARTIAL_ADD_SUPPORTED) != 0) {
            cmds.append("'Partial Add' ");
        }
        if ((info.operationSupport() & GetSelInfo.Response.RESERVE_SUPPORTED) != 0) {
            cmds.append("'Reserve' ");
        }
        if ((info.operationSupport() & GetSelInfo.Response.ALLOCATION_INFO_SUPPORTED) != 0) {
            cmds.append("'Get Alloc Info' ");
        }
        out.add(cmds.toString());
        return out;
    }

    private static String infoTime(long raw, ZoneId zone) {
        if (raw == 0 || raw == SelTimestamp.UNSPECIFIED) {
            return "Not Available";
        }
        SelTimestamp ts = new SelTimestamp(raw);
        if (ts.isPreInit()) {
            long s = raw % 86400;
            return String.format("S+ %02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
        }
        String cols = timestampColumns(ts, zone);
        return cols.substring(0, cols.length() - 2).replace(" | ", " ");
    }
}
