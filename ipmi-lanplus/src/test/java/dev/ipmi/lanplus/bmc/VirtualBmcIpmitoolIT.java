package dev.ipmi.lanplus.bmc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipmi.core.commands.chassis.BootDevice;
import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.lanplus.CipherSuite;
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

/** ipmitool 1.8.19 (lanplus -C 3 / -C 17, lan -A MD5) against the virtual BMC. */
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

    @Test
    void powerControlSuite3() throws Exception {
        backend.power(dev.ipmi.core.commands.chassis.PowerAction.POWER_DOWN);
        assertThat(lanplus("3", "chassis", "power", "status")).contains("Chassis Power is off");
        assertThat(lanplus("3", "chassis", "power", "on")).contains("Up/On");
        assertThat(backend.powerOn()).isTrue();
        assertThat(lanplus("3", "chassis", "power", "status")).contains("Chassis Power is on");
        assertThat(lanplus("3", "chassis", "power", "off")).contains("Down/Off");
        assertThat(backend.powerOn()).isFalse();
    }

    @Test
    void powerCycleSuite17() throws Exception {
        backend.power(dev.ipmi.core.commands.chassis.PowerAction.POWER_UP);
        assertThat(lanplus("17", "chassis", "power", "status")).contains("Chassis Power is on");
        assertThat(lanplus("17", "chassis", "power", "cycle")).contains("Cycle");
        assertThat(backend.powerOn()).isFalse();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!backend.powerOn() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(lanplus("17", "chassis", "power", "status")).contains("Chassis Power is on");
    }

    @Test
    void bootdevPxe() throws Exception {
        assertThat(lanplus("17", "chassis", "bootdev", "pxe")).contains("Set Boot Device to pxe");
        assertThat(backend.bootFlags().device()).isEqualTo(BootDevice.PXE);
        assertThat(lanplus("3", "chassis", "bootparam", "get", "5")).contains("Force PXE");
    }

    @Test
    void mcInfo() throws Exception {
        String out = lanplus("17", "mc", "info");
        assertThat(out).contains("Device ID                 : 32").contains("IPMI Version              : 2.0")
                .contains("Firmware Revision         : 1.23");
    }

    @Test
    void sdrAndSensorList() throws Exception {
        String sdr = lanplus("17", "sdr", "list");
        for (InMemoryBackend.Sensor s : backend.sensors()) {
            assertThat(sdr).contains(s.name());
        }
        assertThat(sdr).contains("degrees C").contains("Volts").contains("RPM");
        String sensors = lanplus("3", "sensor", "list");
        assertThat(sensors).contains("CPU Temp").contains("85.000").contains("95.000");
    }

    @Test
    void selElistShowsPowerEvents() throws Exception {
        backend.power(dev.ipmi.core.commands.chassis.PowerAction.POWER_UP);
        backend.power(dev.ipmi.core.commands.chassis.PowerAction.POWER_DOWN);
        String out = lanplus("17", "sel", "elist");
        assertThat(out).contains("Power Unit").contains("Power off/down");
        assertThat(out.lines().filter(l -> l.contains("|")).count()).isEqualTo(backend.selEntries().size());
    }

    @Test
    void fruPrint() throws Exception {
        String out = lanplus("17", "fru", "print", "0");
        assertThat(out).contains("VirtualServer 1000").contains("VS1000-0001").contains("Virtual Board")
                .contains("ipmi-java");
    }

    @Test
    void userList() throws Exception {
        String out = lanplus("3", "user", "list", "1");
        assertThat(out).contains("admin").contains("ADMINISTRATOR").contains("user");
    }

    @Test
    void ipmi15Md5() throws Exception {
        backend.power(dev.ipmi.core.commands.chassis.PowerAction.POWER_UP);
        assertThat(ipmitool("lan", "-A MD5", "admin", "password", "chassis", "power", "status"))
                .contains("Chassis Power is on");
        assertThat(ipmitool("lan", "-A MD5", "admin", "password", "mc", "info")).contains("Device ID");
        assertThat(ipmitool("lan", "-A MD5", "admin", "password", "sdr", "list")).contains("CPU Temp");
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
        // ipmitool wants a terminal for SOL; script(1) gives it one.
        Process p = new ProcessBuilder("script", "-qfc", cmd, "/dev/null").redirectErrorStream(true).start();
        StringBuilder out = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (var in = p.getInputStream()) {
                int c;
                while ((c = in.read()) >= 0) {
                    synchronized (out) {
                        out.append((char) c);
                    }
                }
            } catch (IOException ignored) {
                // process ended
            }
        });
        reader.start();
        try (var stdin = p.getOutputStream()) {
            awaitOutput(out, "login:");
            stdin.write("hello\r".getBytes());
            stdin.flush();
            awaitOutput(out, "you typed: hello");
            stdin.write("~.".getBytes());
            stdin.flush();
            p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            p.destroyForcibly();
            reader.join(2000);
        }
        synchronized (out) {
            assertThat(out.toString()).contains("SOL Session operational").contains("Virtual BMC serial console")
                    .contains("you typed: hello");
        }
    }

    private static void awaitOutput(StringBuilder out, String text) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            synchronized (out) {
                if (out.indexOf(text) >= 0) {
                    return;
                }
            }
            Thread.sleep(50);
        }
    }

    @Test
    void wrongPasswordFails() {
        assertThatThrownBy(() -> ipmitool("lanplus", "-C 17", "admin", "wrong", "chassis", "power", "status"))
                .isInstanceOf(IOException.class);
    }
}
