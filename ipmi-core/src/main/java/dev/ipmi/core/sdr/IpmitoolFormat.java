package dev.ipmi.core.sdr;

import dev.ipmi.core.commands.sensor.GetSensorEventEnable;
import dev.ipmi.core.commands.sensor.GetSensorThresholds;
import dev.ipmi.core.sdr.SdrRecord.FullSensor;
import dev.ipmi.core.sdr.SdrRecord.SensorRecord;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lines formatted like ipmitool 1.8.19's {@code sdr list}, {@code sdr elist} and {@code sensor
 * list}, for tools that must stay output-compatible. Kept apart from the decoders on purpose.
 *
 * <p>Where ipmitool prints a garbled name (6-bit packed ID strings, which it does not decode), these
 * lines carry the decoded name instead.
 */
public final class IpmitoolFormat {
    private IpmitoolFormat() {}

    /**
     * C's {@code printf("%.*f")}: the exact binary value rounded half-even, which is what glibc does
     * (Java's Formatter rounds the shortest decimal half-up and differs on ties).
     */
    public static String fixed(double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.isNaN(value) ? "nan" : (value > 0 ? "inf" : "-inf");
        }
        String s = new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
        return value < 0 && new BigDecimal(s).signum() == 0 ? "-" + s : s;
    }

    /** ipmitool's reading text: no decimals for whole numbers, otherwise {@code precision} decimals. */
    public static String value(double v, int precision) {
        return fixed(v, v == (long) v ? 0 : precision);
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    /** The reading column of {@code sdr list}: value and units, "0x%02x" states, or ipmitool's placeholder. */
    public static String sdrListReading(SensorReading r) {
        boolean full = r.sensor() instanceof FullSensor;
        if (r instanceof SensorReading.Analog a) {
            // ipmitool formats this into a 16-byte buffer: 15 characters at most
            String s = value(a.value(), 2) + " " + a.units();
            return s.length() > 15 ? s.substring(0, 15) : s;
        }
        if (r instanceof SensorReading.Discrete d) {
            // ipmitool 1.8.19 shows the first state byte as the "reading" of a discrete sensor
            return String.format("0x%02x", d.stateBits() & 0xFF);
        }
        if (r instanceof SensorReading.ScanningDisabled) {
            return full ? "disabled" : "Not Readable";
        }
        return full ? "no reading" : "Not Readable";
    }

    /** One line of {@code ipmitool sdr list}: name, reading, status. */
    public static String sdrList(SensorReading r) {
        return sdrListLine(r.sensor().name(), sdrListReading(r), r.statusText());
    }

    private static String sdrListLine(String name, String reading, String status) {
        return String.format("%-16s | ", name) + pad(reading, 17) + " | " + status;
    }

    /** {@code sdr list all} line for records without a reading (locators, event-only), if ipmitool prints one. */
    public static Optional<String> sdrList(SdrRecord record) {
        if (record instanceof SdrRecord.McDeviceLocator mc) {
            return Optional.of(sdrListLine(mc.name(), String.format("Dynamic MC @ %02Xh", mc.slaveAddress()), "ok"));
        }
        if (record instanceof SdrRecord.EventOnly e) {
            return Optional.of(sdrListLine(e.name(), "Event-Only", "ns"));
        }
        if (record instanceof SdrRecord.FruDeviceLocator f) {
            return Optional.of(String.format("%-16s | %s FRU @%02Xh %02x.%x | ok", f.name(), f.logical() ? "Log" : "Phy",
                    f.fruDeviceId(), f.entity().id(), f.entity().instance()));
        }
        if (record instanceof SdrRecord.GenericDeviceLocator g) {
            // ipmitool prints the OEM byte after the dot
            return Optional.of(String.format("%-16s | Generic @%02X:%02X.%-2d | ok", g.name(), g.accessAddress(),
                    g.slaveAddress(), g.oem()));
        }
        return Optional.empty();
    }

    /** One line of {@code ipmitool sdr elist}: name, sensor number, status, entity, reading/states. */
    public static String sdrElist(SensorReading r) {
        SensorRecord s = r.sensor();
        String status;
        String text;
        if (r instanceof SensorReading.Analog a) {
            status = s.isThreshold() ? a.status().abbreviation() : "ok";
            text = value(a.value(), 2) + " " + a.units();
        } else if (r instanceof SensorReading.Discrete d) {
            status = "ok";
            text = String.join(", ", d.stateTexts());
        } else {
            status = "ns";
            text = r instanceof SensorReading.ScanningDisabled ? "Disabled" : "No Reading";
        }
        return String.format("%-16s | %02Xh | %-3s | %2d.%1d | %s", s.name(), s.key().sensorNumber(), status,
                s.entity().id(), s.entity().instance(), text);
    }

    /** {@code sdr elist all} line for records without a reading, if ipmitool prints one. */
    public static Optional<String> sdrElist(SdrRecord record) {
        if (record instanceof SdrRecord.McDeviceLocator mc) {
            return Optional.of(String.format("%-16s | 00h | ok  | %2d.%1d | Dynamic MC @ %02Xh", mc.name(),
                    mc.entity().id(), mc.entity().instance(), mc.slaveAddress()));
        }
        if (record instanceof SdrRecord.EventOnly e) {
            return Optional.of(String.format("%-16s | %02Xh | ns  | %2d.%1d | Event-Only", e.name(),
                    e.key().sensorNumber(), e.entity().id(), e.entity().instance()));
        }
        if (record instanceof SdrRecord.FruDeviceLocator f) {
            return Optional.of(String.format("%-16s | 00h | ns  | %2d.%1d | %s FRU @%02Xh", f.name(), f.entity().id(),
                    f.entity().instance(), f.logical() ? "Logical" : "Physical", f.fruDeviceId()));
        }
        if (record instanceof SdrRecord.GenericDeviceLocator g) {
            return Optional.of(String.format("%-16s | 00h | ns  | %2d.%1d | Generic Device @%02Xh:%02Xh.%1d", g.name(),
                    g.entity().id(), g.entity().instance(), g.accessAddress(), g.slaveAddress(), g.oem()));
        }
        return Optional.empty();
    }

    /**
     * One line of {@code ipmitool sensor list}.
     *
     * @param thresholds Get Sensor Thresholds answer for threshold sensors, or null (all "na")
     */
    public static String sensorList(SensorReading r, GetSensorThresholds.Response thresholds) {
        SensorRecord s = r.sensor();
        StringBuilder b = new StringBuilder(String.format("%-16s ", s.name()));
        if (r instanceof SensorReading.Analog a) {
            b.append("| ").append(pad(fixed(a.value(), 3), 10)).append(' ');
        } else if (r instanceof SensorReading.Discrete d) {
            b.append("| 0x").append(pad(Integer.toHexString(d.stateBits() & 0xFF), 8)).append(' ');
        } else {
            b.append("| ").append(pad("na", 10)).append(' ');
        }
        if (r instanceof SensorReading.Analog a && s.isThreshold()) {
            b.append("| ").append(pad(a.units(), 10)).append(" | ").append(pad(a.status().shortText(), 6));
        } else if (r instanceof SensorReading.Discrete d) {
            b.append("| ").append(pad("discrete", 10)).append(" | ")
                    .append(String.format("0x%02x%02x", d.stateBits() & 0xFF, (d.stateBits() >>> 8) & 0xFF));
        } else {
            // ipmitool leaves the units of an unreadable analog sensor blank
            String units = s instanceof FullSensor f && f.hasAnalogReading() ? "" : "discrete";
            b.append("| ").append(pad(units, 10)).append(" | ").append(pad("na", 6));
        }
        int[] order = {GetSensorThresholds.LNR, GetSensorThresholds.LCR, GetSensorThresholds.LNC,
                GetSensorThresholds.UNC, GetSensorThresholds.UCR, GetSensorThresholds.UNR};
        for (int bit : order) {
            b.append("| ");
            if (thresholds != null && thresholds.readable(bit) && s instanceof FullSensor f && f.hasAnalogReading()) {
                b.append(pad(fixed(f.conversion().convert(raw(thresholds, bit)), 3), 10));
            } else {
                b.append(pad("na", 10));
            }
        }
        return b.toString();
    }

    private static int raw(GetSensorThresholds.Response t, int bit) {
        return switch (bit) {
            case GetSensorThresholds.LNC -> t.lnc();
            case GetSensorThresholds.LCR -> t.lcr();
            case GetSensorThresholds.LNR -> t.lnr();
            case GetSensorThresholds.UNC -> t.unc();
            case GetSensorThresholds.UCR -> t.ucr();
            default -> t.unr();
        };
    }

    private static final String[] THRESHOLD_EVENTS = {"lnc-", "lnc+", "lcr-", "lcr+", "lnr-", "lnr+", "unc-", "unc+",
        "ucr-", "ucr+", "unr-", "unr+"};

    /**
     * The lines of {@code ipmitool sensor get <name>} after its "Locating sensor record..." line.
     *
     * @param thresholds  Get Sensor Thresholds answer (threshold sensors), or null
     * @param eventEnable Get Sensor Event Enable answer (threshold sensors), or null to leave those lines out
     */
    public static List<String> sensorGet(SensorReading r, GetSensorThresholds.Response thresholds,
                                                   GetSensorEventEnable.Response eventEnable) {
        SensorRecord s = r.sensor();
        List<String> out = new ArrayList<>();
        out.add(String.format("Sensor ID              : %s (0x%x)", s.name(), s.key().sensorNumber()));
        out.add(String.format(" Entity ID             : %d.%d", s.entity().id(), s.entity().instance()));
        if (!s.isThreshold()) {
            out.add(" Sensor Type (Discrete): " + SensorTypes.name(s.sensorType()));
            if (r instanceof SensorReading.Discrete d && !d.stateTexts().isEmpty()) {
                out.add(String.format(" %-21s : %s", "States Asserted", SensorTypes.name(s.sensorType())));
                d.stateTexts().forEach(t -> out.add("                         [" + t + "]"));
            }
            return out;
        }
        out.add(" Sensor Type (Threshold)  : " + SensorTypes.name(s.sensorType()));
        if (r instanceof SensorReading.Analog a && s instanceof FullSensor f) {
            out.add(" Sensor Reading        : " + value(a.value(), 3) + " (+/- " + value(f.conversion().tolerance(), 3)
                    + ") " + a.units());
            out.add(" Status                : " + a.status().longText());
        } else {
            out.add(" Sensor Reading        : " + (r instanceof SensorReading.ScanningDisabled ? "Disabled" : "No Reading"));
            out.add(" Status                : Not Available");
        }
        String[] labels = {"Lower Non-Recoverable", "Lower Critical", "Lower Non-Critical", "Upper Non-Critical",
            "Upper Critical", "Upper Non-Recoverable"};
        int[] bits = {GetSensorThresholds.LNR, GetSensorThresholds.LCR, GetSensorThresholds.LNC,
            GetSensorThresholds.UNC, GetSensorThresholds.UCR, GetSensorThresholds.UNR};
        for (int i = 0; i < bits.length; i++) {
            String v = "na";
            if (thresholds != null && thresholds.readable(bits[i]) && s instanceof FullSensor f && f.hasAnalogReading()) {
                v = fixed(f.conversion().convert(raw(thresholds, bits[i])), 3);
            }
            out.add(String.format(" %-21s : %s", labels[i], v));
        }
        int pos = s instanceof FullSensor f ? f.positiveHysteresis() : ((SdrRecord.CompactSensor) s).positiveHysteresis();
        int neg = s instanceof FullSensor f ? f.negativeHysteresis() : ((SdrRecord.CompactSensor) s).negativeHysteresis();
        out.add(" Positive Hysteresis   : " + hysteresis(s, pos));
        out.add(" Negative Hysteresis   : " + hysteresis(s, neg));
        if (eventEnable != null) {
            out.add(" Assertions Enabled    : " + thresholdEvents(eventEnable.assertions()));
            out.add(" Deassertions Enabled  : " + thresholdEvents(eventEnable.deassertions()));
        }
        return out;
    }

    private static String hysteresis(SensorRecord s, int raw) {
        if (raw == 0 || raw == 0xFF || !(s instanceof FullSensor f) || !f.hasAnalogReading()) {
            return "Unspecified";
        }
        return fixed(f.conversion().hysteresis(raw), 3);
    }

    private static String thresholdEvents(int bits) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < THRESHOLD_EVENTS.length; i++) {
            if ((bits & (1 << i)) != 0) {
                b.append(THRESHOLD_EVENTS[i]).append(' ');
            }
        }
        return b.toString();
    }
}
