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

/** {@code ipmi -I lanplus …} against ipmi_sim, compared with ipmitool {@code -I lanplus} on the same instance. */
class IpmiCliLanPlusIT {
    private static IpmiSim sim;
    private static String ipmitoolMcInfo;

    @BeforeAll
    static void start() throws Exception {
        IpmiSim.requireTools();
        sim = IpmiSim.builder().sol(false).start();
        ipmitoolMcInfo = sim.ipmitool("mc", "info");
    }

    @AfterAll
    static void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private static String[] lanplus(String... rest) {
        return Stream.concat(Stream.of("-I", "lanplus", "-H", sim.host(), "-p", Integer.toString(sim.port()), "-U",
                "admin", "-P", "password"), Arrays.stream(rest)).toArray(String[]::new);
    }

    @Test
    void mcInfoWithoutCipherSuitePrintsWhatIpmitoolPrints() {
        CliRun r = ipmi(lanplus("mc", "info"));
        assertThat(r.rc()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo(ipmitoolMcInfo);
    }

    /** ipmitool works with 1, 2, 3 and 6 on ipmi_sim; 11 only with FreeIPMI (ipmitool aborts) and with us. */
    @ParameterizedTest(name = "-C {0}")
    @ValueSource(strings = {"1", "2", "3", "6", "11"})
    void mcInfoWithEachWorkingSuite(String suite) throws Exception {
        CliRun r = ipmi(lanplus("-C", suite, "mc", "info"));
        assertThat(r.rc()).as(r.err()).isZero();
        if (!suite.equals("11")) {
            List<String> cmd = new ArrayList<>(List.of("ipmitool", "-I", "lanplus", "-H", sim.host(), "-p",
                    Integer.toString(sim.port()), "-U", "admin", "-P", "password", "-C", suite, "mc", "info"));
            assertThat(r.out()).isEqualTo(IpmiSim.run(cmd, sim.stateDir()));
        } else {
            assertThat(r.out()).isEqualTo(ipmitoolMcInfo);
        }
    }

    /** ipmitool and FreeIPMI fail with suite 7 on ipmi_sim; we find ipmi_sim's HMAC-MD5-128 keying by ourselves. */
    @Test
    void suite7WorksAgainstIpmiSim() {
        CliRun r = ipmi(lanplus("-C", "7", "-N", "0.3", "mc", "info"));
        assertThat(r.rc()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo(ipmitoolMcInfo);
    }

    @Test
    void rawPrintsWhatIpmitoolPrints() throws Exception {
        String expected = sim.ipmitool("raw", "0x06", "0x01");
        CliRun r = ipmi(lanplus("raw", "0x06", "0x01"));
        assertThat(r.rc()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo(expected);
    }

    @Test
    void cipherZeroNeedsTheFlag() {
        CliRun refused = ipmi(lanplus("-C", "0", "mc", "info"));
        assertThat(refused.rc()).isEqualTo(1);
        assertThat(refused.err()).contains("--allow-cipher-zero");
        CliRun allowed = ipmi(lanplus("-C", "0", "--allow-cipher-zero", "mc", "info"));
        assertThat(allowed.rc()).as(allowed.err()).isZero();
        assertThat(allowed.out()).isEqualTo(ipmitoolMcInfo);
    }

    @Test
    void xrc4SuiteIsRefusedWithTheReason() {
        CliRun r = ipmi(lanplus("-C", "4", "mc", "info"));
        assertThat(r.rc()).isEqualTo(1);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).contains("xRC4");
    }

    @Test
    void wrongPasswordIsOneLineNamingTheCause() {
        CliRun r = ipmi("-I", "lanplus", "-H", sim.host(), "-p", Integer.toString(sim.port()), "-U", "admin", "-P",
                "nope", "mc", "info");
        assertThat(r.rc()).isEqualTo(1);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).contains("wrong password").doesNotContain("nope");
    }

    @Test
    void userPrivilegeWithL() {
        CliRun r = ipmi("-I", "lanplus", "-H", sim.host(), "-p", Integer.toString(sim.port()), "-U", "user", "-P",
                "userpass", "-L", "USER", "raw", "0x00", "0x02", "0x01");
        assertThat(r.rc()).isEqualTo(1);
        assertThat(r.err()).contains("rsp=0xd4");
    }

    @Test
    void kgAsTextOrHex() {
        try (IpmiSim kgSim = IpmiSim.builder().kg("secret").sol(false).start()) {
            String[] base = {"-I", "lanplus", "-H", kgSim.host(), "-p", Integer.toString(kgSim.port()), "-U", "admin",
                    "-P", "password"};
            CliRun text = ipmi(Stream.concat(Arrays.stream(base), Stream.of("-k", "secret", "mc", "info"))
                    .toArray(String[]::new));
            assertThat(text.rc()).as(text.err()).isZero();
            assertThat(text.out()).isEqualTo(ipmitoolMcInfo);
            CliRun hex = ipmi(Stream.concat(Arrays.stream(base), Stream.of("-y", "736563726574", "mc", "info"))
                    .toArray(String[]::new));
            assertThat(hex.rc()).as(hex.err()).isZero();
            CliRun wrong = ipmi(Stream.concat(Arrays.stream(base), Stream.of("-k", "other", "mc", "info"))
                    .toArray(String[]::new));
            assertThat(wrong.rc()).isEqualTo(1);
            assertThat(wrong.err()).contains("K_g").doesNotContain("other");
        }
    }
}
