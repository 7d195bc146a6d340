package dev.ipmi.bmc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipmi.testing.IpmiSim;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * VirtualBMC's job, done by one process: two "VMs" from a YAML configuration whose command templates
 * call a small script standing in for {@code virsh}, driven by ipmitool: power on/off/status, boot device
 * (stored by the script; a device not offered answers CCh; a failing command answers C0h), and
 * {@code sol activate} reaching each VM's serial port, one on TCP and one on a Unix socket (as QEMU's
 * {@code -serial ...,server,nowait} offers them). Then a reload (a BMC removed, one added) and a restart
 * that keeps power state and boot device from the state file.
 */
class VirtualBmcFleetIT {
    @TempDir
    static Path dir;
    static VirtualBmcServer server;
    static VirtualBmcFleet fleet;
    static int port1;
    static int port2;
    static ServerSocket serial1;
    static ServerSocketChannel serial2;
    static final List<Thread> consoles = new ArrayList<>();

    /** Stands in for virsh: power and boot device in files named after the VM; fails when NAME.fail exists. */
    static final String FAKE_VIRSH = """
            #!/bin/sh
            set -e
            cmd="$1"; vm="$2"; d="$(dirname "$0")"
            if [ -e "$d/$vm.fail" ]; then echo "error: failed to get domain '$vm'" >&2; exit 1; fi
            case "$cmd" in
              start) echo running > "$d/$vm.power" ;;
              destroy|shutdown) echo "shut off" > "$d/$vm.power" ;;
              reset) echo running > "$d/$vm.power" ;;
              domstate) cat "$d/$vm.power" 2>/dev/null || echo "shut off" ;;
              bootdev) echo "$3 $4" > "$d/$vm.boot" ;;
              *) echo "unknown command $cmd" >&2; exit 2 ;;
            esac
            """;

    @BeforeAll
    static void start() throws Exception {
        Path virsh = dir.resolve("fake-virsh");
        Files.writeString(virsh, FAKE_VIRSH);
        Files.setPosixFilePermissions(virsh, PosixFilePermissions.fromString("rwxr-xr-x"));
        serial1 = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        consoles.add(serve(() -> {
            Socket c = serial1.accept();
            return new Conn(c.getInputStream(), c.getOutputStream(), c);
        }, "vm1"));
        Path sock = dir.resolve("vm2.sock");
        serial2 = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        serial2.bind(UnixDomainSocketAddress.of(sock));
        consoles.add(serve(() -> {
            SocketChannel c = serial2.accept();
            return new Conn(Channels.newInputStream(c), Channels.newOutputStream(c), c);
        }, "vm2"));
        port1 = freePort();
        port2 = freePort();
        server = VirtualBmcServer.start();
        fleet = new VirtualBmcFleet(server, Optional.of(dir.resolve("bmcs.state")));
        fleet.apply(VirtualBmcConfig.parse(config(List.of(vm("vm1", port1, "tcp:127.0.0.1:" + serial1.getLocalPort()),
                vm("vm2", port2, "unix:" + sock)))));
        assertThat(fleet.list()).extracting(VirtualBmcFleet.Running::name).containsExactly("vm1", "vm2");
    }

    static String vm(String name, int port, String console) {
        String v = dir.resolve("fake-virsh").toString();
        return """
                  - name: %s
                    port: %d
                    users:
                      - {name: admin, password: "s3cret", privilege: administrator}
                      - {name: viewer, password: "look", privilege: user}
                    cipher-suites: [3, 17]
                    backend:
                      type: commands
                      power:
                        on: %s start {name}
                        off: %s destroy {name}
                        soft: %s shutdown {name}
                        reset: %s reset {name}
                        status: %s domstate {name}
                      boot-device: %s bootdev {name} {device} {persistent}
                      boot-devices: [pxe, disk, cdrom]
                      console: %s
                """.formatted(name, port, v, v, v, v, v, v, console);
    }

    static String config(List<String> vms) {
        return "bmcs:\n" + String.join("", vms);
    }

    /** A serial port: prints a login banner to each connection and answers every line. */
    static Thread serve(Acceptor acceptor, String name) {
        Thread t = new Thread(() -> {
            for (int n = 0; n < 20; n++) {
                try (Conn conn = acceptor.accept()) {
                    OutputStream out = conn.out();
                    InputStream in = conn.in();
                    out.write((name + " serial console\r\n" + name + " login: ").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    StringBuilder line = new StringBuilder();
                    int c;
                    while ((c = in.read()) >= 0) {
                        if (c == '\r' || c == '\n') {
                            out.write(("\r\n" + name + " you typed: " + line + "\r\n").getBytes(StandardCharsets.US_ASCII));
                            out.flush();
                            line.setLength(0);
                        } else {
                            line.append((char) c);
                        }
                    }
                } catch (IOException e) {
                    return;
                }
            }
        }, "serial-" + name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    interface Acceptor {
        Conn accept() throws IOException;
    }

    record Conn(InputStream in, OutputStream out, java.io.Closeable closer) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            closer.close();
        }
    }

    static int freePort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @AfterAll
    static void stop() throws IOException {
        if (fleet != null) {
            fleet.close();
        }
        if (server != null) {
            server.close();
        }
        serial1.close();
        serial2.close();
    }

    static String ipmitool(int port, String... args) throws Exception {
        List<String> a = new ArrayList<>(List.of("ipmitool", "-I", "lanplus", "-C", "3", "-H", "127.0.0.1", "-p",
                Integer.toString(port), "-U", "admin", "-P", "s3cret"));
        a.addAll(List.of(args));
        return IpmiSim.run(a, dir);
    }

    /** ipmitool's stdout and stderr together, whatever its exit code. */
    static String ipmitoolWithStderr(int port, String... args) throws Exception {
        List<String> a = new ArrayList<>(List.of("ipmitool", "-I", "lanplus", "-C", "3", "-H", "127.0.0.1", "-p",
                Integer.toString(port), "-U", "admin", "-P", "s3cret"));
        a.addAll(List.of(args));
        Process p = new ProcessBuilder(a).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        return out;
    }

    static String file(String name) throws IOException {
        Path f = dir.resolve(name);
        return Files.exists(f) ? Files.readString(f).strip() : "";
    }

    @Test
    void powerGoesThroughTheScriptForEachVm() throws Exception {
        assertThat(ipmitool(port1, "power", "on")).contains("Up/On");
        assertThat(file("vm1.power")).isEqualTo("running");
        assertThat(ipmitool(port1, "power", "status")).contains("Chassis Power is on");
        assertThat(ipmitool(port2, "power", "off")).contains("Down/Off");
        assertThat(file("vm2.power")).isEqualTo("shut off");
        assertThat(ipmitool(port2, "power", "status")).contains("Chassis Power is off");
        assertThat(file("vm1.power")).as("vm1 untouched").isEqualTo("running");
    }

    @Test
    void bootDeviceGoesThroughTheScriptAndUnofferedDevicesAnswerCch() throws Exception {
        assertThat(ipmitool(port1, "chassis", "bootdev", "pxe")).contains("Set Boot Device to pxe");
        assertThat(file("vm1.boot")).isEqualTo("pxe false");
        assertThat(ipmitool(port2, "chassis", "bootdev", "cdrom", "options=persistent"))
                .contains("Set Boot Device to cdrom");
        assertThat(file("vm2.boot")).isEqualTo("cdrom true");
        // ipmitool's chassis bootdev exits 0 on a refused parameter and prints the error on stderr.
        assertThat(ipmitoolWithStderr(port1, "chassis", "bootdev", "floppy"))
                .contains("Set Chassis Boot Parameter 5 failed: Invalid data field in request");
        assertThat(file("vm1.boot")).isEqualTo("pxe false");
    }

    @Test
    void aFailingCommandAnswersNodeBusy() throws Exception {
        Path fail = dir.resolve("vm2.fail");
        Files.writeString(fail, "");
        try {
            assertThatThrownBy(() -> ipmitool(port2, "power", "on")).hasMessageContaining("Node busy");
            assertThat(ipmitoolWithStderr(port2, "chassis", "bootdev", "disk"))
                    .contains("Set Chassis Boot Parameter 5 failed: Node busy");
        } finally {
            Files.delete(fail);
        }
    }

    @Test
    void solActivateReachesEachVmsSerialPort() throws Exception {
        for (int port : new int[] {port1, port2}) {
            String name = port == port1 ? "vm1" : "vm2";
            String cmd = "ipmitool -I lanplus -C 3 -H 127.0.0.1 -p " + port + " -U admin -P s3cret sol activate";
            try (TerminalProcess p = new TerminalProcess(cmd)) {
                assertThat(p.await(name + " login:")).as(p.output()).isTrue();
                p.type("root\r");
                assertThat(p.await(name + " you typed: root")).as(p.output()).isTrue();
                p.type("~.");
                assertThat(p.await("terminated ipmitool")).as(p.output()).isTrue();
            }
        }
    }

    @Test
    void reloadAddsAndRemovesAndARestartKeepsTheState() throws Exception {
        int port3 = freePort();
        String simulated = """
                  - name: sim3
                    port: %d
                    users: [{name: admin, password: s3cret}]
                """.formatted(port3);
        String vm1 = vm("vm1", port1, "tcp:127.0.0.1:" + serial1.getLocalPort());
        VirtualBmcFleet.Changes c = fleet.apply(VirtualBmcConfig.parse(config(List.of(vm1, simulated))));
        assertThat(c.added()).containsExactly("sim3");
        assertThat(c.removed()).containsExactly("vm2");
        assertThat(c.replaced()).isEmpty();
        assertThat(fleet.list()).extracting(VirtualBmcFleet.Running::name).containsExactly("vm1", "sim3");
        assertThat(ipmitool(port3, "power", "on")).contains("Up/On");
        assertThat(ipmitool(port3, "chassis", "bootdev", "disk")).contains("Set Boot Device to disk");

        fleet.close();
        fleet = new VirtualBmcFleet(server, Optional.of(dir.resolve("bmcs.state")));
        fleet.apply(VirtualBmcConfig.parse(config(List.of(vm1, simulated))));
        assertThat(ipmitool(port3, "power", "status")).contains("Chassis Power is on");
        assertThat(ipmitool(port3, "chassis", "bootparam", "get", "5")).contains("Force Boot from default Hard-Drive");

        fleet.apply(VirtualBmcConfig.parse(config(List.of(vm1, vm("vm2", port2, "unix:" + dir.resolve("vm2.sock"))))));
        assertThat(fleet.list()).extracting(VirtualBmcFleet.Running::name).containsExactly("vm1", "vm2");
    }
}
