package dev.ipmi.gateway.exporter;

import dev.ipmi.core.sdr.SdrRecord.SensorRecord;
import dev.ipmi.core.sdr.SensorReading;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a reading becomes ipmi_exporter's state value (0 nominal, 1 warning, 2 critical, NaN
 * unknown) and its {@code type} label: the interpretation ipmimonitoring applies, which is what
 * ipmi_exporter reports. Discrete severities come from {@code exporter/sensor-severity.txt}.
 */
final class SensorSeverity {
    static final double NOMINAL = 0;
    static final double WARNING = 1;
    static final double CRITICAL = 2;

    /** FreeIPMI's sensor type names (ipmimonitoring's "type" column), indexed by sensor type code. */
    private static final List<String> TYPE_NAMES = List.of("Reserved", "Temperature", "Voltage", "Current", "Fan",
            "Physical Security", "Platform Security Violation Attempt", "Processor", "Power Supply", "Power Unit",
            "Cooling Device", "Other Units Based Sensor", "Memory", "Drive Slot", "POST Memory Resize",
            "System Firmware Progress", "Event Logging Disabled", "Watchdog 1", "System Event", "Critical Interrupt",
            "Button/Switch", "Module/Board", "Microcontroller/Coprocessor", "Add In Card", "Chassis", "Chip Set",
            "Other FRU", "Cable/Interconnect", "Terminator", "System Boot Initiated", "Boot Error", "OS Boot",
            "OS Critical Stop", "Slot/Connector", "System ACPI Power State", "Watchdog 2", "Platform Alert",
            "Entity Presence", "Monitor ASIC/IC", "LAN", "Management Subsystem Health", "Battery", "Session Audit",
            "Version Change", "FRU State");

    private record Row(int noEvent, int[] offsets) {}

    private static final Map<Integer, Row> TABLE = load();

    private SensorSeverity() {}

    static String typeName(int sensorType) {
        if (sensorType >= 0 && sensorType < TYPE_NAMES.size()) {
            return TYPE_NAMES.get(sensorType);
        }
        return sensorType >= 0xC0 ? "OEM Reserved" : "Unrecognized";
    }

    /** The state value of one reading. */
    static double of(SensorReading reading) {
        SensorRecord s = reading.sensor();
        if (reading instanceof SensorReading.Analog a) {
            return s.isThreshold() ? threshold(a.stateBits())
                    : discrete(s.sensorType(), s.eventReadingType(), a.stateBits());
        }
        if (reading instanceof SensorReading.Discrete d) {
            return discrete(s.sensorType(), s.eventReadingType(), d.stateBits());
        }
        return Double.NaN;
    }

    /**
     * FreeIPMI's default for threshold sensors: beyond a critical or non-recoverable threshold is
     * critical; beyond a non-critical one is still nominal (checked against ipmimonitoring on
     * ipmi_sim: CPU Temp at 90 °C over its 85 °C upper non-critical threshold reads "Nominal").
     */
    static double threshold(int comparisonBits) {
        return (comparisonBits & 0x36) != 0 ? CRITICAL : NOMINAL;
    }

    static double discrete(int sensorType, int readingType, int stateBits) {
        Row row = TABLE.get((sensorType << 8) | readingType);
        if (row == null) {
            return Double.NaN;
        }
        int bits = stateBits & 0x7FFF;
        if (bits == 0) {
            return row.noEvent;
        }
        int worst = 0;
        for (int i = 0; i < 15; i++) {
            if ((bits & (1 << i)) != 0) {
                if (i >= row.offsets.length) {
                    return Double.NaN;
                }
                worst = Math.max(worst, row.offsets[i]);
            }
        }
        return worst;
    }

    private static Map<Integer, Row> load() {
        Map<Integer, Row> t = new HashMap<>();
        try (InputStream in = SensorSeverity.class.getResourceAsStream("/exporter/sensor-severity.txt")) {
            if (in == null) {
                throw new IllegalStateException("exporter/sensor-severity.txt is missing from the class path");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                int hash = line.indexOf('#');
                String body = (hash >= 0 ? line.substring(0, hash) : line).trim();
                if (body.isEmpty()) {
                    continue;
                }
                String[] f = body.split("\\s+");
                String[] offs = f[3].split(",");
                int[] sev = new int[offs.length];
                for (int i = 0; i < offs.length; i++) {
                    sev[i] = Integer.parseInt(offs[i]);
                }
                t.put((Integer.parseInt(f[0], 16) << 8) | Integer.parseInt(f[1], 16),
                        new Row(Integer.parseInt(f[2]), sev));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(t);
    }
}
