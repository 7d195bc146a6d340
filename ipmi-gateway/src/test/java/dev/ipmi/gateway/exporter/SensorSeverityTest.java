package dev.ipmi.gateway.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The state values against FreeIPMI's documented defaults (freeipmi_interpret_sensor.conf of
 * FreeIPMI 1.6.10) and what ipmimonitoring printed for ipmi_sim's sensors in the lab.
 */
class SensorSeverityTest {
    @Test
    void thresholdSensorsAsFreeIpmi() {
        assertThat(SensorSeverity.threshold(0x00)).isEqualTo(0.0);
        assertThat(SensorSeverity.threshold(0x08)).as("upper non-critical: FreeIPMI says Nominal").isEqualTo(0.0);
        assertThat(SensorSeverity.threshold(0x01)).as("lower non-critical").isEqualTo(0.0);
        assertThat(SensorSeverity.threshold(0x18)).as("upper critical (ipmimonitoring 0018h: Critical)").isEqualTo(2.0);
        assertThat(SensorSeverity.threshold(0x02)).as("lower critical").isEqualTo(2.0);
        assertThat(SensorSeverity.threshold(0x04)).as("lower non-recoverable").isEqualTo(2.0);
        assertThat(SensorSeverity.threshold(0x20)).as("upper non-recoverable").isEqualTo(2.0);
    }

    @Test
    void discreteSensorsAsFreeIpmi() {
        // Power Supply (08h), sensor-specific: presence nominal, failure critical, inactive warning
        assertThat(SensorSeverity.discrete(0x08, 0x6F, 0x0001)).isEqualTo(0.0);
        assertThat(SensorSeverity.discrete(0x08, 0x6F, 0x0002)).isEqualTo(2.0);
        assertThat(SensorSeverity.discrete(0x08, 0x6F, 0x0080)).isEqualTo(1.0);
        assertThat(SensorSeverity.discrete(0x08, 0x6F, 0x0081)).as("worst state wins").isEqualTo(1.0);
        // Entity Presence (25h): present nominal, absent critical (ipmimonitoring on ipmi_sim: 0002h Critical)
        assertThat(SensorSeverity.discrete(0x25, 0x6F, 0x0001)).isEqualTo(0.0);
        assertThat(SensorSeverity.discrete(0x25, 0x6F, 0x0002)).isEqualTo(2.0);
        // no state asserted: FreeIPMI's No_Event, nominal
        assertThat(SensorSeverity.discrete(0x25, 0x6F, 0x0000)).isEqualTo(0.0);
        // Drive Slot state (generic 03h): deasserted is the warning one
        assertThat(SensorSeverity.discrete(0x0D, 0x03, 0x0001)).isEqualTo(1.0);
        assertThat(SensorSeverity.discrete(0x0D, 0x03, 0x0002)).isEqualTo(0.0);
        // Memory (0Ch): correctable error warning, uncorrectable critical
        assertThat(SensorSeverity.discrete(0x0C, 0x6F, 0x0001)).isEqualTo(1.0);
        assertThat(SensorSeverity.discrete(0x0C, 0x6F, 0x0002)).isEqualTo(2.0);
    }

    @Test
    void unknownInterpretationsAreNaN() {
        assertThat(SensorSeverity.discrete(0xC0, 0x6F, 0x0001)).as("OEM sensor type").isNaN();
        assertThat(SensorSeverity.discrete(0x08, 0x6F, 0x4000)).as("state offset beyond the table").isNaN();
    }

    @Test
    void freeIpmiTypeNames() {
        assertThat(SensorSeverity.typeName(0x08)).isEqualTo("Power Supply");
        assertThat(SensorSeverity.typeName(0x25)).isEqualTo("Entity Presence");
        assertThat(SensorSeverity.typeName(0x23)).isEqualTo("Watchdog 2");
        assertThat(SensorSeverity.typeName(0xC3)).isEqualTo("OEM Reserved");
    }

    @Test
    void firmwareTextKeepsWhatIpmiExportersRegexKeeps() {
        assertThat(Scrape.digitsAndDots("2.15")).isEqualTo("2.15");
        assertThat(Scrape.digitsAndDots("1.02.03 (build 7)")).isEqualTo("1.02.03");
        assertThat(Scrape.digitsAndDots("v1.2")).isEmpty();
    }
}
