package dev.ipmi.core.sdr;

import java.util.List;

/** Sensor type codes — IPMI v2.0 table 42-3, named as ipmitool prints them. */
public final class SensorTypes {
    private SensorTypes() {}

    public static final int TEMPERATURE = 0x01;
    public static final int VOLTAGE = 0x02;
    public static final int CURRENT = 0x03;
    public static final int FAN = 0x04;
    public static final int PROCESSOR = 0x07;
    public static final int POWER_SUPPLY = 0x08;
    public static final int POWER_UNIT = 0x09;
    public static final int MEMORY = 0x0C;
    public static final int DRIVE_SLOT = 0x0D;
    public static final int SYSTEM_EVENT = 0x12;
    public static final int BUTTON = 0x14;
    public static final int WATCHDOG_2 = 0x23;
    public static final int ENTITY_PRESENCE = 0x25;

    private static final List<String> NAMES = List.of(
            "reserved", "Temperature", "Voltage", "Current", "Fan", "Physical Security", "Platform Security",
            "Processor", "Power Supply", "Power Unit", "Cooling Device", "Other", "Memory", "Drive Slot / Bay",
            "POST Memory Resize", "System Firmwares", "Event Logging Disabled", "Watchdog1", "System Event",
            "Critical Interrupt", "Button", "Module / Board", "Microcontroller", "Add-in Card", "Chassis",
            "Chip Set", "Other FRU", "Cable / Interconnect", "Terminator", "System Boot Initiated", "Boot Error",
            "OS Boot", "OS Critical Stop", "Slot / Connector", "System ACPI Power State", "Watchdog2",
            "Platform Alert", "Entity Presence", "Monitor ASIC", "LAN", "Management Subsys Health", "Battery",
            "Session Audit", "Version Change", "FRU State");

    /** ipmitool's name for a sensor type; "OEM reserved" for C0h–FFh, "Unknown" otherwise. */
    public static String name(int type) {
        if (type >= 0 && type < NAMES.size()) {
            return NAMES.get(type);
        }
        return type >= 0xC0 && type <= 0xFF ? "OEM reserved" : "Unknown";
    }

    /** The sensor type for a name (case-insensitive, as {@code ipmitool sdr type} accepts), or -1. */
    public static int byName(String name) {
        for (int i = 1; i < NAMES.size(); i++) {
            if (NAMES.get(i).equalsIgnoreCase(name.strip())) {
                return i;
            }
        }
        return -1;
    }
}
