package dev.ipmi.gateway.exporter;

import java.util.List;

/**
 * One metric family of a target scrape: ipmi_exporter's names and label names (from its collectors'
 * code, version 1.6.1, plus the two chassis fault families of later versions).
 */
record Family(String name, String help, List<String> labels) {
    private static final List<String> ID_NAME = List.of("id", "name");

    static final Family UP = new Family("ipmi_up",
            "1 if the collector's part of the scrape succeeded (in time), 0 otherwise.", List.of("collector"));
    static final Family DURATION = new Family("ipmi_scrape_duration_seconds",
            "How long the scrape of the target took, in seconds.", List.of());
    static final Family BMC_INFO = new Family("ipmi_bmc_info",
            "Constant 1, with the BMC's firmware revision, manufacturer and system firmware version as labels.",
            List.of("firmware_revision", "manufacturer_id", "system_firmware_version"));
    static final Family POWER_STATE = new Family("ipmi_chassis_power_state",
            "Chassis power state (1=on, 0=off).", List.of());
    static final Family DRIVE_FAULT = new Family("ipmi_chassis_drive_fault_state",
            "Chassis drive fault state as ipmi_exporter reports it (1=no fault, 0=fault).", List.of());
    static final Family COOLING_FAULT = new Family("ipmi_chassis_cooling_fault_state",
            "Chassis cooling/fan fault state as ipmi_exporter reports it (1=no fault, 0=fault).", List.of());
    static final Family DCMI_POWER = new Family("ipmi_dcmi_power_consumption_watts",
            "Current power consumption from DCMI Get Power Reading, in watts (absent when not measured).", List.of());
    static final Family SEL_COUNT = new Family("ipmi_sel_logs_count",
            "Number of entries in the SEL.", List.of());
    static final Family SEL_FREE = new Family("ipmi_sel_free_space_bytes",
            "Free space left in the SEL, in bytes.", List.of());
    static final Family SEL_EVENTS_BY_STATE = new Family("ipmi_sel_events_count_by_state",
            "Current number of log entries in the SEL by state.", List.of("state"));
    static final Family SEL_EVENTS_BY_NAME = new Family("ipmi_sel_events_count_by_name",
            "Current number of custom log entries in the SEL by name.", List.of("name"));
    static final Family SEL_EVENTS_LATEST = new Family("ipmi_sel_events_latest_timestamp",
            "Latest timestamp of custom log entries in the SEL by name.", List.of("name"));
    static final Family LAN_MODE = new Family("ipmi_config_lan_mode",
            "Supermicro LAN mode (0=dedicated, 1=shared, 2=failover).", List.of());
    static final Family TEMPERATURE = new Family("ipmi_temperature_celsius",
            "Temperature sensor reading in degrees Celsius.", ID_NAME);
    static final Family TEMPERATURE_STATE = new Family("ipmi_temperature_state",
            "State of a temperature sensor (0=nominal, 1=warning, 2=critical).", ID_NAME);
    static final Family FAN = new Family("ipmi_fan_speed_rpm",
            "Fan speed sensor reading in rotations per minute.", ID_NAME);
    static final Family FAN_RATIO = new Family("ipmi_fan_speed_ratio",
            "Fan speed as a proportion of the maximum speed.", ID_NAME);
    static final Family FAN_STATE = new Family("ipmi_fan_speed_state",
            "State of a fan speed sensor (0=nominal, 1=warning, 2=critical).", ID_NAME);
    static final Family VOLTAGE = new Family("ipmi_voltage_volts",
            "Voltage sensor reading in volts.", ID_NAME);
    static final Family VOLTAGE_STATE = new Family("ipmi_voltage_state",
            "State of a voltage sensor (0=nominal, 1=warning, 2=critical).", ID_NAME);
    static final Family CURRENT = new Family("ipmi_current_amperes",
            "Current sensor reading in amperes.", ID_NAME);
    static final Family CURRENT_STATE = new Family("ipmi_current_state",
            "State of a current sensor (0=nominal, 1=warning, 2=critical).", ID_NAME);
    static final Family POWER = new Family("ipmi_power_watts",
            "Power sensor reading in watts.", ID_NAME);
    static final Family POWER_STATE_SENSOR = new Family("ipmi_power_state",
            "State of a power sensor (0=nominal, 1=warning, 2=critical).", ID_NAME);
    static final Family SENSOR_VALUE = new Family("ipmi_sensor_value",
            "Reading of a sensor of another kind (NaN for discrete sensors); the labels say which.",
            List.of("id", "name", "type"));
    static final Family SENSOR_STATE = new Family("ipmi_sensor_state",
            "State of a sensor of another kind (0=nominal, 1=warning, 2=critical).", List.of("id", "name", "type"));
}
