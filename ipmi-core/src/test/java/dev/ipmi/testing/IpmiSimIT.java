package dev.ipmi.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Proves the fixture itself with a client nobody here wrote: ipmitool over RMCP+ suite 3. */
class IpmiSimIT {
    static IpmiSim sim;

    @BeforeAll
    static void start() {
        sim = IpmiSim.start();
    }

    @AfterAll
    static void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void ipmitoolReadsTheLabBmcDeviceId() throws Exception {
        String out = sim.ipmitool("mc", "info");
        assertThat(out).containsPattern("Device ID\\s+: 32")
                .containsPattern("Firmware Revision\\s+: 2\\.15")
                .containsPattern("IPMI Version\\s+: 2\\.0")
                .containsPattern("Manufacturer ID\\s+: 4753")
                .containsPattern("Product ID\\s+: 3842");
    }

    @Test
    void emulatorConsoleChangesASensorThatIpmitoolThenReads() throws Exception {
        sim.command("sensor_set_value 0x20 0 2 30 0");
        String out = sim.ipmitool("sensor", "get", "Inlet Temp");
        assertThat(out).containsPattern("Sensor Reading\\s+: 30 ");
    }

    @Test
    void solBackendIsConnected() {
        assertThat(sim.sol().connected()).isTrue();
    }
}
