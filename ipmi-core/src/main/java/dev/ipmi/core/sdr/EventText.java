package dev.ipmi.core.sdr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Names of event offsets and discrete sensor states — IPMI v2.0 table 42-2 (generic event/reading
 * types 01h–0Ch) and table 42-3 (sensor-specific offsets, event/reading type 6Fh), worded exactly
 * as ipmitool 1.8.19 prints them in {@code sel elist}, {@code sdr elist} and {@code sensor get}
 * (including the trailing space of its "going low " threshold texts).
 */
public final class EventText {
    private EventText() {}

    public static final int THRESHOLD = 0x01;
    public static final int SENSOR_SPECIFIC = 0x6F;

    private static final Map<Integer, String> GENERIC = new HashMap<>();
    private static final Map<Integer, String> SPECIFIC = new HashMap<>();

    private static void generic(int type, String... texts) {
        for (int i = 0; i < texts.length; i++) {
            GENERIC.put(type << 8 | i, texts[i]);
        }
    }

    private static void specific(int sensorType, String... texts) {
        for (int i = 0; i < texts.length; i++) {
            if (texts[i] != null) {
                SPECIFIC.put(sensorType << 8 | i, texts[i]);
            }
        }
    }

    static {
        generic(0x01, "Lower Non-critical going low ", "Lower Non-critical going high", "Lower Critical going low ",
                "Lower Critical going high", "Lower Non-recoverable going low ", "Lower Non-recoverable going high",
                "Upper Non-critical going low ", "Upper Non-critical going high", "Upper Critical going low ",
                "Upper Critical going high", "Upper Non-recoverable going low ", "Upper Non-recoverable going high");
        generic(0x02, "Transition to Idle", "Transition to Active", "Transition to Busy");
        generic(0x03, "State Deasserted", "State Asserted");
        generic(0x04, "Predictive Failure Deasserted", "Predictive Failure Asserted");
        generic(0x05, "Limit Not Exceeded", "Limit Exceeded");
        generic(0x06, "Performance Met", "Performance Lags");
        generic(0x07, "Transition to OK", "Transition to Non-critical from OK",
                "Transition to Critical from less severe", "Transition to Non-recoverable from less severe",
                "Transition to Non-critical from more severe", "Transition to Critical from Non-recoverable",
                "Transition to Non-recoverable", "Monitor", "Informational");
        generic(0x08, "Device Absent", "Device Present");
        generic(0x09, "Device Disabled", "Device Enabled");
        generic(0x0A, "Transition to Running", "Transition to In Test", "Transition to Power Off",
                "Transition to On Line", "Transition to Off Line", "Transition to Off Duty", "Transition to Degraded",
                "Transition to Power Save", "Install Error");
        generic(0x0B, "Fully Redundant", "Redundancy Lost", "Redundancy Degraded",
                "Non-Redundant: Sufficient from Redundant", "Non-Redundant: Sufficient from Insufficient",
                "Non-Redundant: Insufficient Resources", "Redundancy Degraded from Fully Redundant",
                "Redundancy Degraded from Non-Redundant");
        generic(0x0C, "D0 Power State", "D1 Power State", "D2 Power State", "D3 Power State");

        specific(0x05, "General Chassis intrusion", "Drive Bay intrusion", "I/O Card area intrusion",
                "Processor area intrusion", "System unplugged from LAN", "Unauthorized dock", "FAN area intrusion");
        specific(0x06, "Front Panel Lockout violation attempted", "Pre-boot password violation - user password",
                "Pre-boot password violation - setup password", "Pre-boot password violation - network boot password",
                "Other pre-boot password violation", "Out-of-band access password violation");
        specific(0x07, "IERR", "Thermal Trip", "FRB1/BIST failure", "FRB2/Hang in POST failure",
                "FRB3/Processor startup/init failure", "Configuration Error", "SM BIOS Uncorrectable CPU-complex Error",
                "Presence detected", "Disabled", "Terminator presence detected", "Throttled",
                "Uncorrectable machine check exception", "Correctable machine check error");
        specific(0x08, "Presence detected", "Failure detected", "Predictive failure", "Power Supply AC lost",
                "AC lost or out-of-range", "AC out-of-range, but present", "Config Error");
        specific(0x09, "Power off/down", "Power cycle", "240VA power down", "Interlock power down", "AC lost",
                "Soft-power control failure", "Failure detected", "Predictive failure");
        specific(0x0C, "Correctable ECC", "Uncorrectable ECC", "Parity", "Memory Scrub Failed",
                "Memory Device Disabled", "Correctable ECC logging limit reached", "Presence Detected",
                "Configuration Error", "Spare", "Throttled", "Critical Overtemperature");
        specific(0x0D, "Drive Present", "Drive Fault", "Predictive Failure", "Hot Spare", "Parity Check In Progress",
                "In Critical Array", "In Failed Array", "Rebuild In Progress", "Rebuild Aborted");
        specific(0x10, "Correctable memory error logging disabled", "Event logging disabled", "Log area reset/cleared",
                "All event logging disabled", "Log full", "Log almost full");
        specific(0x11, "BIOS Reset", "OS Reset", "OS Shut Down", "OS Power Down", "OS Power Cycle",
                "OS NMI/Diag Interrupt", "OS Expired", "OS pre-timeout Interrupt");
        specific(0x12, "System Reconfigured", "OEM System boot event", "Undetermined system hardware failure",
                "Entry added to auxiliary log", "PEF Action", "Timestamp Clock Sync");
        specific(0x13, "NMI/Diag Interrupt", "Bus Timeout", "I/O Channel check NMI", "Software NMI", "PCI PERR",
                "PCI SERR", "EISA failsafe timeout", "Bus Correctable error", "Bus Uncorrectable error", "Fatal NMI",
                "Bus Fatal Error", "Bus Degraded");
        specific(0x14, "Power Button pressed", "Sleep Button pressed", "Reset Button pressed", "FRU Latch",
                "FRU Service");
        specific(0x19, "Soft Power Control Failure", "Thermal Trip");
        specific(0x1B, "Connected", "Config Error");
        specific(0x1D, "Initiated by power up", "Initiated by hard reset", "Initiated by warm reset",
                "User requested PXE boot", "Automatic boot to diagnostic", "OS initiated hard reset",
                "OS initiated warm reset", "System Restart");
        specific(0x1E, "No bootable media", "Non-bootable disk in drive", "PXE server not found",
                "Invalid boot sector", "Timeout waiting for selection");
        specific(0x1F, "A: boot completed", "C: boot completed", "PXE boot completed", "Diagnostic boot completed",
                "CD-ROM boot completed", "ROM boot completed", "boot completed - device not specified",
                "Installation started", "Installation completed", "Installation aborted", "Installation failed");
        specific(0x20, "Error during system startup", "Run-time critical stop", "OS graceful stop",
                "OS graceful shutdown", "PEF initiated soft shutdown", "Agent not responding");
        specific(0x21, "Fault Status", "Identify Status", "Device Installed", "Ready for Device Installation",
                "Ready for Device Removal", "Slot Power is Off", "Device Removal Request", "Interlock",
                "Slot is Disabled", "Spare Device");
        specific(0x22, "S0/G0: working", "S1: sleeping with system hw & processor context maintained",
                "S2: sleeping, processor context lost", "S3: sleeping, processor & hw context lost, memory retained",
                "S4: non-volatile sleep/suspend-to-disk", "S5/G2: soft-off", "S4/S5: soft-off", "G3: mechanical off",
                "Sleeping in S1/S2/S3 state", "G1: sleeping", "S5: entered by override", "Legacy ON state",
                "Legacy OFF state", null, "Unknown");
        specific(0x23, "Timer expired", "Hard reset", "Power down", "Power cycle", "reserved", "reserved", "reserved",
                "reserved", "Timer interrupt");
        specific(0x24, "Platform generated page", "Platform generated LAN alert", "Platform Event Trap generated",
                "Platform generated SNMP trap, OEM format");
        specific(0x25, "Present", "Absent", "Disabled");
        specific(0x27, "Heartbeat Lost", "Heartbeat");
        specific(0x28, "Sensor access degraded or unavailable", "Controller access degraded or unavailable",
                "Management controller off-line", "Management controller unavailable", "Sensor failure",
                "FRU failure");
        specific(0x29, "Low", "Failed", "Presence Detected");
        specific(0x2B, "Hardware change detected", "Firmware or software change detected",
                "Hardware incompatibility detected", "Firmware or software incompatibility detected",
                "Invalid or unsupported hardware version", "Invalid or unsupported firmware or software version",
                "Hardware change success", "Firmware or software change success");
        specific(0x2C, "Not Installed", "Inactive", "Activation Requested", "Activation in Progress", "Active",
                "Deactivation Requested", "Deactivation in Progress", "Communication lost");
    }

    /**
     * The text of one event offset / state bit, or null when the table has none (OEM types, unknown
     * offsets).
     *
     * @param eventReadingType event/reading type code (bit 7, the SEL direction bit, is ignored)
     * @param sensorType       sensor type (used for sensor-specific type 6Fh)
     * @param offset           0–14
     */
    public static String describe(int eventReadingType, int sensorType, int offset) {
        int ert = eventReadingType & 0x7F;
        if (ert == SENSOR_SPECIFIC) {
            return SPECIFIC.get(sensorType << 8 | offset);
        }
        if (ert >= 0x01 && ert <= 0x0C) {
            return GENERIC.get(ert << 8 | offset);
        }
        return null;
    }

    /** Texts of every asserted state in the 15-bit mask, in offset order (as ipmitool lists them). */
    public static List<String> states(int eventReadingType, int sensorType, int stateBits) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            if ((stateBits & (1 << i)) != 0) {
                String t = describe(eventReadingType, sensorType, i);
                if (t != null) {
                    out.add(t);
                }
            }
        }
        return out;
    }
}
