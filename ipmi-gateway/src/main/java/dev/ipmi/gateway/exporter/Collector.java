package dev.ipmi.gateway.exporter;

import java.util.Optional;

/** ipmi_exporter's collectors, by the names its configuration uses. */
public enum Collector {
    /** Get Device ID and the system firmware version: {@code ipmi_bmc_info}. */
    BMC("bmc"),
    /** Every sensor with a reading: the typed families and {@code ipmi_sensor_value/state}. */
    IPMI("ipmi"),
    /** Get Chassis Status: power state, drive and cooling faults. */
    CHASSIS("chassis"),
    /** DCMI Get Power Reading: {@code ipmi_dcmi_power_consumption_watts}. */
    DCMI("dcmi"),
    /** Get SEL Info: {@code ipmi_sel_logs_count}, {@code ipmi_sel_free_space_bytes}. */
    SEL("sel"),
    /**
     * ipmi_exporter 1.7+'s SEL entries by state and by configured name; read incrementally here
     * (only the records added since the last scrape of the target).
     */
    SEL_EVENTS("sel-events"),
    /** Supermicro OEM LAN mode: {@code ipmi_config_lan_mode}. */
    SM_LAN_MODE("sm-lan-mode");

    private final String id;

    Collector(String id) {
        this.id = id;
    }

    /** The name in configuration files and in the {@code collector} label of {@code ipmi_up}. */
    public String id() {
        return id;
    }

    public static Optional<Collector> byName(String name) {
        for (Collector c : values()) {
            if (c.id.equals(name)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return id;
    }
}
