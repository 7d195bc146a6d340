package dev.ipmi.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.testing.IpmiSim;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ipmi virtual-bmc} driven by ipmitool and FreeIPMI, and {@code ipmi demo} end to end. */
class VirtualBmcCliIT {
    @TempDir
    Path dir;

    static int freePort() throws Exception {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void virtualBmcAnswersIpmitoolSuite17AndFreeIpmi() throws Exception {
        int port = freePort();
        Path state = dir.resolve("state");
        Files.writeString(state, "shut off\n");
        StringWriter out = new StringWriter();
        Thread bmc = new Thread(() -> IpmiCli.execute(new PrintWriter(out, true), new PrintWriter(out, true),
                "virtual-bmc", "--port", Integer.toString(port), "--user", "admin", "--password", "s3cret",
                "--cipher-suites", "3,17", "--on", "echo running > " + state, "--off", "echo 'shut off' > " + state,
                "--status", "cat " + state));
        bmc.start();
        try {
            for (int i = 0; i < 100 && !out.toString().contains("Ctrl-C"); i++) {
                Thread.sleep(50);
            }
            assertThat(out.toString()).contains("listening on 127.0.0.1:" + port);
            List<String> ipmitool = List.of("ipmitool", "-I", "lanplus", "-C", "17", "-H", "127.0.0.1", "-p",
                    Integer.toString(port), "-U", "admin", "-P", "s3cret");
            String sdr = IpmiSim.run(concat(ipmitool, "sdr", "list"), dir);
            assertThat(sdr).contains("CPU Temp").contains("Inlet Temp").contains("Fan1").contains("12V");
            assertThat(IpmiSim.run(List.of("ipmi-power", "-h", "127.0.0.1:" + port, "-u", "admin", "-p", "s3cret",
                    "-D", "LAN_2_0", "-I", "17", "--stat"), dir)).contains("127.0.0.1: off");
            assertThat(IpmiSim.run(concat(ipmitool, "power", "on"), dir)).contains("Up/On");
            for (int i = 0; i < 100 && !Files.readString(state).contains("running"); i++) {
                Thread.sleep(20);
            }
            assertThat(Files.readString(state)).contains("running");
            assertThat(IpmiSim.run(List.of("ipmi-power", "-h", "127.0.0.1:" + port, "-u", "admin", "-p", "s3cret",
                    "-D", "LAN_2_0", "-I", "17", "--stat"), dir)).contains("127.0.0.1: on");
        } finally {
            bmc.interrupt();
            bmc.join(5000);
        }
        assertThat(bmc.isAlive()).isFalse();
    }

    /**
     * {@code dcmi power reading} against the virtual BMC (ipmi_sim has no DCMI): the same text as
     * ipmitool's, but for the timestamp, which may tick between the two runs.
     */
    @Test
    void dcmiPowerReadingMatchesIpmitool() throws Exception {
        dev.ipmi.bmc.VirtualBmc bmc = dev.ipmi.bmc.VirtualBmc.builder()
                .user("admin", "s3cret", dev.ipmi.core.types.PrivilegeLevel.ADMINISTRATOR).build();
        try (dev.ipmi.bmc.VirtualBmcServer server = dev.ipmi.bmc.VirtualBmcServer.start()) {
            List<String> args = List.of("-I", "lanplus", "-C", "17", "-H", "127.0.0.1", "-p",
                    Integer.toString(server.add(bmc).getPort()), "-U", "admin", "-P", "s3cret", "dcmi", "power",
                    "reading");
            StringWriter ours = new StringWriter();
            int rc = IpmiCli.execute(new PrintWriter(ours, true), new PrintWriter(ours, true),
                    args.toArray(String[]::new));
            assertThat(rc).as(ours.toString()).isZero();
            String theirs = IpmiSim.run(concat(List.of("ipmitool"), args.toArray(String[]::new)), dir);
            String stamp = "\\d\\d/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d UTC";
            assertThat(theirs).containsPattern(stamp).contains("Power reading state is");
            assertThat(ours.toString().replaceAll(stamp, "<time>")).isEqualTo(theirs.replaceAll(stamp, "<time>"));
        }
    }

    /** Our CLI and ipmitool print the same text for the same virtual BMC. */
    @Test
    void ourCliMatchesIpmitoolAgainstTheVirtualBmc() throws Exception {
        dev.ipmi.bmc.VirtualBmc bmc = dev.ipmi.bmc.VirtualBmc.builder()
                .user("admin", "s3cret", dev.ipmi.core.types.PrivilegeLevel.ADMINISTRATOR).build();
        try (dev.ipmi.bmc.VirtualBmcServer server = dev.ipmi.bmc.VirtualBmcServer.start()) {
            String port = Integer.toString(server.add(bmc).getPort());
            List<String> conn = List.of("-I", "lanplus", "-C", "17", "-H", "127.0.0.1", "-p", port, "-U", "admin",
                    "-P", "s3cret");
            for (String command : List.of("power status", "mc info", "user list 1", "channel info 1",
                    "chassis status")) {
                List<String> args = concat(conn, command.split(" "));
                StringWriter ours = new StringWriter();
                int rc = IpmiCli.execute(new PrintWriter(ours, true), new PrintWriter(ours, true),
                        args.toArray(String[]::new));
                assertThat(rc).as(ours.toString()).isZero();
                String theirs = IpmiSim.run(concat(List.of("ipmitool"), args.toArray(String[]::new)), dir);
                assertThat(ours.toString()).as(command).isEqualTo(theirs);
            }
        }
    }

    @Test
    void demoWalksThroughEveryStep() {
        StringWriter out = new StringWriter();
        int rc = IpmiCli.execute(new PrintWriter(out, true), new PrintWriter(out, true), "demo");
        assertThat(rc).as(out.toString()).isZero();
        assertThat(out.toString()).contains("== power").contains("after the cycle chassis power is on")
                .contains("next boot: Force PXE").contains("CPU Temp").contains("Power off/down")
                .contains("VirtualServer 1000").contains("== SOL echo")
                .contains("console answered: you typed: hello from ipmi-java").doesNotContain("skipped")
                .contains("== demo complete");
    }

    private static List<String> concat(List<String> a, String... b) {
        List<String> l = new java.util.ArrayList<>(a);
        l.addAll(List.of(b));
        return l;
    }
}
