package dev.ipmi.bmc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipmi.core.commands.chassis.BootDevice;
import dev.ipmi.core.commands.chassis.BootFlags;
import dev.ipmi.core.commands.chassis.PowerAction;
import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.core.types.CipherSuite;
import dev.ipmi.testing.IpmiSim;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.stream.Stream;

/** ipmitool 1.8.19 (lanplus -C 3 / -C 17, lan -A MD5) against the virtual BMC; values compared with the backend. */
class VirtualBmcIpmitoolIT {
    @TempDir
    static Path dir;
    static VirtualBmcServer server;
    static InMemoryBackend backend;
    static int port;

    @BeforeAll
    static void start() {
        backend = InMemoryBackend.builder().cycleNanos(300_000_000L).build();
        VirtualBmc bmc = VirtualBmc.builder()
                .user("admin", "password", PrivilegeLevel.ADMINISTRATOR)
                .user("user", "userpass", PrivilegeLevel.USER)
                .cipherSuites(CipherSuite.SUITE_3, CipherSuite.SUITE_17, CipherSuite.SUITE_16, CipherSuite.SUITE_15)
                .backend(backend)
                .build();
        server = VirtualBmcServer.start();
        port = server.add(bmc).getPort();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String ipmitool(String iface, String opt, String user, String pw, String... cmd)
            throws IOException, InterruptedException {
        List<String> a = new ArrayList<>(List.of("ipmitool", "-I", iface, opt.split(" ")[0], opt.split(" ")[1],
                "-H", "127.0.0.1", "-p", Integer.toString(port), "-U", user, "-P", pw, "-R", "2", "-N", "1"));
        a.addAll(Arrays.asList(cmd));
        return IpmiSim.run(a, dir);
    }

    static String lanplus(String suite, String... cmd) throws IOException, InterruptedException {
        return ipmitool("lanplus", "-C " + suite, "admin", "password", cmd);
    }

    /** The three ipmitool configurations the issue names: lanplus -C 3, lanplus -C 17, lan -A MD5. */
    static Stream<Arguments> interfaces() {
        return Stream.of(Arguments.of("lanplus", "-C 3"), Arguments.of("lanplus", "-C 17"),
                Arguments.of("lan", "-A MD5"));
    }

    static String run(String iface, String opt, String... cmd) throws IOException, InterruptedException {
        return ipmitool(iface, opt, "admin", "password", cmd);
    }

    @ParameterizedTest
    @MethodSource("interfaces")
    void powerStatusOnOffCycle(String iface, String opt) throws Exception {
        backend.power(PowerAction.POWER_DOWN);
        assertThat(run(iface, opt, "chassis", "power", "status")).contains("Chassis Power is off");
        assertThat(run(iface, opt, "chassis", "power", "on")).contains("Up/On");
        assertThat(backend.powerOn()).isTrue();
        assertThat(run(iface, opt, "chassis", "power", "status")).contains("Chassis Power is on");
        assertThat(run(iface, opt, "chassis", "power", "cycle")).contains("Cycle");
        assertThat(backend.powerOn()).isFalse();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!backend.powerOn() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(run(iface, opt, "chassis", "power", "status")).contains("Chassis Power is on");
        assertThat(run(iface, opt, "chassis", "power", "off")).contains("Down/Off");
        assertThat(backend.powerOn()).isFalse();
    }

    @ParameterizedTest
    @MethodSource("interfaces")
    void bootdevPxe(String iface, String opt) throws Exception {
        backend.setBootFlags(BootFlags.builder().build());
        assertThat(run(iface, opt, "chassis", "bootdev", "pxe")).contains("Set Boot Device to pxe");
        assertThat(backend.bootFlags().device()).isEqualTo(BootDevice.PXE);
        assertThat(backend.bootFlags().valid()).isTrue();
        assertThat(run(iface, opt, "chassis", "bootparam", "get", "5")).contains("Force PXE");
    }

    @ParameterizedTest
    @MethodSource("interfaces")
    void mcInfo(String iface, String opt) throws Exception {
        String out = run(iface, opt, "mc", "info");
        var id = backend.deviceId();
        assertThat(out).contains("Device ID                 : " + id.deviceId())
                .contains("IPMI Version              : " + id.ipmiVersionText())
                .contains("Firmware Revision         : " + id.firmwareRevisionText())
                .contains("Manufacturer ID           : " + id.manufacturerId())
                .contains("Product ID                : " + id.productId());
    }

    @ParameterizedTest
    @MethodSource("interfaces")
    void sdrAndSensorList(String iface, String opt) throws Exception {
        String sdr = run(iface, opt, "sdr", "list");
        for (InMemoryBackend.Sensor s : backend.sensors()) {
            assertThat(sdr).contains(s.name());
        }
        assertThat(sdr).contains("degrees C").contains("Volts").contains("RPM");
        String sensors = run(iface, opt, "sensor", "list");
        InMemoryBackend.Sensor cpu = backend.sensors().get(0);
        String cpuLine = sensors.lines().filter(l -> l.startsWith("CPU Temp")).findFirst().orElseThrow();
        assertThat(cpuLine).contains(cpu.unc() + ".000").contains(cpu.ucr() + ".000").contains(cpu.unr() + ".000");
        double reading = Double.parseDouble(cpuLine.split("\\|")[1].trim());
        assertThat(reading).isBetween((double) cpu.baseRaw() - cpu.swing(), (double) cpu.baseRaw() + cpu.swing());
    }

    @ParameterizedTest
    @MethodSource("interfaces")
    void selElistShowsPowerEvents(String iface, String opt) throws Exception {
        backend.power(PowerAction.POWER_UP);
        backend.power(PowerAction.POWER_DOWN);
        String out = run(iface, opt, "sel", "elist");
        assertThat(out).contains("Power Unit #0x10").contains("Power off/down");
        assertThat(out.lines().filter(l -> l.contains("|")).count()).isEqualTo(backend.selEntries().size());
    }

    @ParameterizedTest
    @MethodSource("interfaces")
    void fruPrint(String iface, String opt) throws Exception {
        String out = run(iface, opt, "fru", "print", "0");
        assertThat(out).contains("Product Name          : VirtualServer 1000")
                .contains("Product Serial        : VS1000-0001").contains("Board Product         : Virtual Board")
                .contains("Chassis Part Number   : CH-1000");
    }

    @ParameterizedTest
    @MethodSource("interfaces")
    void userList(String iface, String opt) throws Exception {
        String out = run(iface, opt, "user", "list", "1");
        assertThat(out).containsPattern("2\\s+admin\\s+.*ADMINISTRATOR").containsPattern("3\\s+user\\s+.*USER");
    }

    @Test
    void sdrListWithoutCipherSuiteNegotiates() throws Exception {
        List<String> a = List.of("ipmitool", "-I", "lanplus", "-H", "127.0.0.1", "-p", Integer.toString(port), "-U",
                "admin", "-P", "password", "mc", "info");
        long start = System.nanoTime();
        assertThat(IpmiSim.run(a, dir)).contains("Device ID");
        assertThat(System.nanoTime() - start).as("no 10 s fallback stall").isLessThan(5_000_000_000L);
    }

    /** Every suite ipmitool 1.8.19 implements, including 7 and 8 that fail against ipmi_sim (LAB.md). */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 2, 3, 6, 7, 8, 15, 16, 17})
    void everyIpmitoolSuite(int suite) throws Exception {
        VirtualBmc all = VirtualBmc.builder().user("admin", "password", PrivilegeLevel.ADMINISTRATOR)
                .cipherSuites(CipherSuite.supported().stream().filter(c -> c.id() != 0).toList())
                .backend(backend).build();
        int p = server.add(all).getPort();
        try {
            List<String> a = List.of("ipmitool", "-I", "lanplus", "-C", Integer.toString(suite), "-H", "127.0.0.1",
                    "-p", Integer.toString(p), "-U", "admin", "-P", "password", "mc", "info");
            assertThat(IpmiSim.run(a, dir)).contains("Device ID                 : 32");
        } finally {
            server.remove(all);
        }
    }

    @Test
    void ipmi15StraightPasswordAndRefusedNone() throws Exception {
        assertThat(run("lan", "-A PASSWORD", "mc", "info")).contains("Device ID");
        assertThatThrownBy(() -> run("lan", "-A NONE", "mc", "info"))
                .hasMessageContaining("Authentication type NONE not supported");
    }

    @Test
    void userPrivilegeCannotPowerOff() throws Exception {
        assertThat(ipmitool("lanplus", "-C 17", "user", "userpass", "-L", "USER", "chassis", "power", "status"))
                .contains("Chassis Power");
        assertThatThrownBy(() -> ipmitool("lanplus", "-C 17", "user", "userpass", "-L", "USER", "chassis", "power",
                "off")).hasMessageContaining("Insufficient privilege");
    }

    @Test
    void solActivateEchoes() throws Exception {
        String cmd = String.join(" ", "ipmitool", "-I", "lanplus", "-C", "17", "-H", "127.0.0.1", "-p",
                Integer.toString(port), "-U", "admin", "-P", "password", "sol", "activate");
        try (TerminalProcess p = new TerminalProcess(cmd)) {
            assertThat(p.await("login:")).as(p.output()).isTrue();
            p.type("hello\r");
            assertThat(p.await("you typed: hello")).as(p.output()).isTrue();
            p.type("~.");
            assertThat(p.output()).contains("SOL Session operational").contains("Virtual BMC serial console");
        }
    }

    @Test
    void wrongPasswordFails() {
        assertThatThrownBy(() -> ipmitool("lanplus", "-C 17", "admin", "wrong", "chassis", "power", "status"))
                .isInstanceOf(IOException.class);
    }
}
