package dev.ipmi.bmc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipmi.testing.IpmiSim;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vbmc list/show/add/delete} for our virtual BMC: admin requests over the Unix-domain socket of a
 * running fleet while ipmitool talks to its BMCs; an added BMC answers ipmitool at once, a removed one
 * stops answering, {@code show} prints no password, and both changes survive a restart from the same
 * files.
 */
class VirtualBmcAdminIT {
    @TempDir
    Path dir;

    static final String CONFIG = """
            bmcs:
              - name: vm1
                port: 0
                users: [{name: admin, password: first-secret}]
            """;

    static final String VM2 = """
            bmcs:
              - name: vm2
                port: 0
                users: [{name: admin, password: second-secret, privilege: operator}]
                cipher-suites: [3]
            """;

    private static List<String> ipmitool(int port, String password, String... command) {
        List<String> a = new java.util.ArrayList<>(List.of("ipmitool", "-I", "lanplus", "-C", "3", "-H", "127.0.0.1",
                "-p", Integer.toString(port), "-U", "admin", "-P", password, "-L", "OPERATOR", "-N", "1", "-R", "1"));
        a.addAll(List.of(command));
        return a;
    }

    private static int port(String listLine) {
        String endpoint = listLine.split(" ")[1];
        return Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));
    }

    private static String line(String list, String name) {
        return list.lines().filter(l -> l.startsWith(name + " ")).findFirst().orElseThrow(
                () -> new AssertionError(name + " not listed in: " + list));
    }

    @Test
    void listShowAddRemoveWhileIpmitoolTalksToTheBmcs() throws Exception {
        Path socket = dir.resolve("admin.sock");
        Path adminDir = dir.resolve("bmcs.yaml.admin");
        VirtualBmcConfig config = VirtualBmcConfig.parse(CONFIG + "admin-socket: " + socket + "\n");
        assertThat(config.adminSocket()).contains(socket);
        try (VirtualBmcServer server = VirtualBmcServer.start();
             VirtualBmcFleet fleet = new VirtualBmcFleet(server, Optional.empty());
             VirtualBmcAdmin admin = new VirtualBmcAdmin(fleet, adminDir)) {
            admin.apply(config);
            admin.listen(socket);
            assertThat(Files.getPosixFilePermissions(socket)).containsOnly(PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE);

            int vm1 = port(line(VirtualBmcAdmin.send(socket, "list"), "vm1"));
            assertThat(IpmiSim.run(ipmitool(vm1, "first-secret", "chassis", "power", "status"), dir))
                    .contains("Chassis Power is");

            assertThat(VirtualBmcAdmin.send(socket, "add\n" + VM2)).startsWith("added vm2 on 127.0.0.1:");
            String list = VirtualBmcAdmin.send(socket, "list");
            int vm2 = port(line(list, "vm2"));
            assertThat(IpmiSim.run(ipmitool(vm2, "second-secret", "chassis", "power", "status"), dir))
                    .contains("Chassis Power is");
            assertThat(Files.getPosixFilePermissions(adminDir.resolve("vm2.yaml"))).containsOnly(
                    PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

            String show = VirtualBmcAdmin.send(socket, "show vm2");
            assertThat(show).contains("name: vm2", "users: admin (operator)", "cipher-suites: 3", "source: admin")
                    .doesNotContain("second-secret");
            assertThat(VirtualBmcAdmin.send(socket, "show vm1")).doesNotContain("first-secret");
            assertThat(VirtualBmcAdmin.send(socket, "add\n" + VM2)).startsWith("error: a BMC named 'vm2' exists");
            assertThat(VirtualBmcAdmin.send(socket, "add\n" + VM2.replace("vm2", "vm3").replace("port: 0",
                    "port: 0\n    frobnicate: 1"))).startsWith("error: bmcs[0].frobnicate: unknown key");
            assertThat(VirtualBmcAdmin.send(socket, "show nosuch")).startsWith("error: no BMC named 'nosuch'");
            Files.writeString(dir.resolve("keep.yaml"), "not for the admin socket");
            assertThat(VirtualBmcAdmin.send(socket, "remove ../keep")).startsWith("error: no BMC named '../keep'");
            assertThat(dir.resolve("keep.yaml")).exists();

            assertThat(VirtualBmcAdmin.send(socket, "remove vm1")).isEqualTo("removed vm1\n");
            assertThat(VirtualBmcAdmin.send(socket, "list")).doesNotContain("vm1 ").contains("vm2 ");
            assertThatThrownBy(() -> IpmiSim.run(ipmitool(vm1, "first-secret", "chassis", "power", "status"), dir))
                    .isInstanceOf(IOException.class);
            assertThat(IpmiSim.run(ipmitool(vm2, "second-secret", "chassis", "power", "status"), dir))
                    .contains("Chassis Power is");
        }
        assertThat(socket).doesNotExist();

        try (VirtualBmcServer server = VirtualBmcServer.start();
             VirtualBmcFleet fleet = new VirtualBmcFleet(server, Optional.empty());
             VirtualBmcAdmin admin = new VirtualBmcAdmin(fleet, adminDir)) {
            admin.apply(config);
            assertThat(fleet.list()).extracting(VirtualBmcFleet.Running::name).containsExactly("vm2");
            admin.listen(socket);
            assertThat(VirtualBmcAdmin.send(socket, "add\n" + CONFIG)).startsWith("added vm1");
            assertThat(fleet.list()).extracting(VirtualBmcFleet.Running::name).containsExactlyInAnyOrder("vm1", "vm2");
        }
    }
}
