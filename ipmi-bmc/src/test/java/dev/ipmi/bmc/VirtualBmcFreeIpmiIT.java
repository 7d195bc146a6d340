package dev.ipmi.bmc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

/** FreeIPMI 1.6.10 (-D LAN_2_0 -I 3 / -I 17, and -D LAN) against the virtual BMC; no workaround flags needed. */
class VirtualBmcFreeIpmiIT {
    @TempDir
    static Path dir;
    static VirtualBmcServer server;
    static InMemoryBackend backend;
    static int port;

    @BeforeAll
    static void start() {
        backend = InMemoryBackend.builder().build();
        VirtualBmc bmc = VirtualBmc.builder()
                .user("admin", "password", PrivilegeLevel.ADMINISTRATOR)
                .cipherSuites(CipherSuite.SUITE_17, CipherSuite.SUITE_3)
                .authTypes(java.util.Set.of(dev.ipmi.core.types.AuthType.MD2, dev.ipmi.core.types.AuthType.MD5,
                        dev.ipmi.core.types.AuthType.PASSWORD))
                .backend(backend)
                .build();
        server = VirtualBmcServer.start();
        port = hostLowPort(server, bmc);
    }

    /**
     * Binds a free port below 32768: FreeIPMI 1.6.10's ipmiconsole answers "hostname invalid" for
     * {@code host:port} with a port of 32768 or more (ipmi-power and friends accept any port).
     */
    static int hostLowPort(VirtualBmcServer server, VirtualBmc bmc) {
        java.util.Random r = new java.util.Random();
        for (int attempt = 0; attempt < 50; attempt++) {
            int candidate = 20000 + r.nextInt(12000);
            try (java.net.DatagramSocket probe = new java.net.DatagramSocket(candidate,
                    java.net.InetAddress.getLoopbackAddress())) {
                probe.close();
                VirtualBmc pinned = VirtualBmc.builder().port(candidate)
                        .user("admin", "password", PrivilegeLevel.ADMINISTRATOR)
                        .cipherSuites(bmc.cipherSuites()).backend(bmc.backend())
                        .authTypes(java.util.Set.of(dev.ipmi.core.types.AuthType.MD2, dev.ipmi.core.types.AuthType.MD5,
                                dev.ipmi.core.types.AuthType.PASSWORD)).build();
                return server.add(pinned).getPort();
            } catch (java.io.IOException | java.io.UncheckedIOException e) {
                // taken; try another
            }
        }
        throw new IllegalStateException("no free UDP port below 32768");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String run(String tool, String... args) throws IOException, InterruptedException {
        List<String> a = new ArrayList<>(List.of(tool, "-h", "127.0.0.1:" + port, "-u", "admin", "-p", "password",
                "--session-timeout=3000", "--retransmission-timeout=500"));
        a.addAll(Arrays.asList(args));
        return IpmiSim.run(a, dir);
    }

    @Test
    void powerStatAndOnWithSuite17() throws Exception {
        backend.power(PowerAction.POWER_DOWN);
        assertThat(run("ipmi-power", "-D", "LAN_2_0", "-I", "17", "--stat")).contains("127.0.0.1: off");
        assertThat(run("ipmi-power", "-D", "LAN_2_0", "-I", "17", "--on")).contains("127.0.0.1: ok");
        assertThat(backend.powerOn()).isTrue();
        assertThat(run("ipmi-power", "-D", "LAN_2_0", "-I", "3", "--stat")).contains("127.0.0.1: on");
    }

    @Test
    void powerOverIpmi15WithEveryAuthType() throws Exception {
        backend.power(PowerAction.POWER_UP);
        assertThat(run("ipmi-power", "-D", "LAN", "--stat")).contains("127.0.0.1: on");
        // -a STRAIGHT_PASSWORD_KEY fails FreeIPMI's Activate Session AuthCode check here as it times out
        // against ipmi_sim (LAB.md); ipmitool -A PASSWORD works (VirtualBmcOwnClientIT, manual checks).
        for (String type : List.of("MD2", "MD5")) {
            assertThat(run("ipmi-power", "-D", "LAN", "-a", type, "--stat")).as(type).contains("127.0.0.1: on");
        }
    }

    @Test
    void sensorsShowTheBackendSensors() throws Exception {
        for (String suite : List.of("3", "17")) {
            String out = run("ipmi-sensors", "-D", "LAN_2_0", "-I", suite, "--sdr-cache-recreate",
                    "--sdr-cache-directory=" + dir);
            for (InMemoryBackend.Sensor s : backend.sensors()) {
                assertThat(out).contains(s.name());
            }
            assertThat(out).contains("Temperature").contains("Fan").contains("Voltage");
        }
    }

    @Test
    void selShowsEveryEntry() throws Exception {
        backend.power(PowerAction.POWER_UP);
        backend.power(PowerAction.POWER_DOWN);
        String out = run("ipmi-sel", "-D", "LAN_2_0", "-I", "17", "--sdr-cache-recreate",
                "--sdr-cache-directory=" + dir);
        assertThat(out).contains("Power Unit").contains("Power Off/Power Down");
        assertThat(out.lines().filter(l -> l.matches("^\\d+\\s+\\|.*")).count())
                .isEqualTo(backend.selEntries().size());
    }

    @Test
    void ipmiconsoleEchoesWithoutWorkaroundFlags() throws Exception {
        String cmd = String.join(" ", "ipmiconsole", "-h", "127.0.0.1:" + port, "-u", "admin", "-p", "password",
                "-I", "17");
        try (TerminalProcess p = new TerminalProcess(cmd)) {
            assertThat(p.await("login:")).as(p.output()).isTrue();
            p.type("abc\r");
            assertThat(p.await("you typed: abc")).as(p.output()).isTrue();
            p.type("&.");
            assertThat(p.await("closing the connection")).as(p.output()).isTrue();
        }
    }

    /** The ipmi_sim quirk reproduces what FreeIPMI does against ipmi_sim (LAB.md): refused unless -W opensesspriv. */
    @Test
    void privilegeZeroQuirkNeedsOpensesspriv() throws Exception {
        VirtualBmc quirky = VirtualBmc.builder().user("admin", "password", PrivilegeLevel.ADMINISTRATOR)
                .cipherSuites(CipherSuite.SUITE_17).quirk(BmcQuirk.OPEN_SESSION_PRIVILEGE_ZERO).build();
        int p = server.add(quirky).getPort();
        try {
            List<String> a = List.of("ipmi-power", "-h", "127.0.0.1:" + p, "-u", "admin", "-p", "password",
                    "-D", "LAN_2_0", "-I", "17", "--stat");
            assertThatThrownBy(() -> IpmiSim.run(a, dir)).hasMessageContaining("privilege level cannot be obtained");
            List<String> w = new ArrayList<>(a);
            w.add("-W");
            w.add("opensesspriv");
            assertThat(IpmiSim.run(w, dir)).contains("127.0.0.1: off");
        } finally {
            server.remove(quirky);
        }
    }

    @Test
    void bmcInfo() throws Exception {
        for (String suite : List.of("3", "17")) {
            String out = run("bmc-info", "-D", "LAN_2_0", "-I", suite, "--get-device-id");
            assertThat(out).contains("Device ID             : 32").contains("Firmware Revision     : 1.23")
                    .contains("IPMI Version          : 2.0");
        }
    }
}
