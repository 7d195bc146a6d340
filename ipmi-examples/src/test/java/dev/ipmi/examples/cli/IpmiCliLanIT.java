package dev.ipmi.examples.cli;

import static dev.ipmi.examples.cli.CliRun.ipmi;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.testing.IpmiSim;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code ipmi -I lan …} against ipmi_sim, compared line by line with ipmitool on the same instance. */
class IpmiCliLanIT {
    private static final List<String> COMPARED = List.of("Device ID", "Firmware Revision", "IPMI Version",
            "Manufacturer ID", "Product ID");
    private static IpmiSim sim;
    private static String ipmitoolMcInfo;

    @BeforeAll
    static void start() throws Exception {
        IpmiSim.requireTools();
        sim = IpmiSim.builder().sol(false).start();
        List<String> cmd = new ArrayList<>(sim.ipmitoolArgs("lan", "admin", "password"));
        cmd.addAll(List.of("-A", "MD5", "mc", "info"));
        ipmitoolMcInfo = IpmiSim.run(cmd, sim.stateDir());
    }

    @AfterAll
    static void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private static String[] lan(String... rest) {
        return Stream.concat(Stream.of("-I", "lan", "-H", sim.host(), "-p", Integer.toString(sim.port())),
                Arrays.stream(rest)).toArray(String[]::new);
    }

    private static List<String> lines(String text, List<String> keys) {
        return text.lines().filter(l -> keys.stream().anyMatch(k -> l.startsWith(k + " "))).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"MD5", "MD2"})
    void mcInfoPrintsWhatIpmitoolPrints(String auth) {
        CliRun r = ipmi(lan("-A", auth, "-U", "admin", "-P", "password", "mc", "info"));
        assertThat(r.rc()).as(r.err()).isZero();
        assertThat(lines(r.out(), COMPARED)).hasSize(5).isEqualTo(lines(ipmitoolMcInfo, COMPARED));
        // the whole output matches too (manufacturer name from the same IANA registry ipmitool reads)
        assertThat(r.out()).isEqualTo(ipmitoolMcInfo);
        assertThat(r.err()).isEmpty();
    }

    @Test
    void rawPrintsWhatIpmitoolPrints() throws Exception {
        List<String> cmd = new ArrayList<>(sim.ipmitoolArgs("lan", "admin", "password"));
        cmd.addAll(List.of("raw", "0x06", "0x01"));
        String expected = IpmiSim.run(cmd, sim.stateDir());
        CliRun r = ipmi(lan("-U", "admin", "-P", "password", "raw", "0x06", "0x01"));
        assertThat(r.rc()).isZero();
        assertThat(r.out()).isEqualTo(expected);
    }

    @Test
    void completionCodeErrorIsOneLineLikeIpmitool() {
        CliRun r = ipmi(lan("-U", "user", "-P", "userpass", "-L", "USER", "raw", "0x00", "0x02", "0x01"));
        assertThat(r.rc()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("Unable to send RAW command (channel=0x0 netfn=0x0 lun=0x0 cmd=0x2 "
                + "rsp=0xd4): Insufficient privilege level");
    }

    @Test
    void wrongPasswordIsOneLineWithoutStackTrace() {
        CliRun r = ipmi(lan("-U", "admin", "-P", "nope", "-R", "1", "-N", "0.3", "mc", "info"));
        assertThat(r.rc()).isEqualTo(1);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).contains("wrong user name or password").doesNotContain("nope");
    }

    @Test
    void passwordFromEnvironmentNeedsTheVariable() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("IPMI_PASSWORD") == null);
        CliRun r = ipmi(lan("-E", "-U", "admin", "mc", "info"));
        assertThat(r.rc()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("-E given but IPMI_PASSWORD is not set");
    }
}
