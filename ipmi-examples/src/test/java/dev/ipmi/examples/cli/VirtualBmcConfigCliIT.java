package dev.ipmi.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.testing.IpmiSim;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ipmi virtual-bmc --config}: BMCs from a YAML file, reloaded when the file changes (a BMC added,
 * a broken edit reported by key while the running BMCs stay), with the state file written beside it.
 */
class VirtualBmcConfigCliIT {
    @TempDir
    Path dir;

    static String bmc(String name, int port) {
        return """
                  - name: %s
                    port: %d
                    users: [{name: admin, password: s3cret}]
                    quirks: [opensesspriv]
                """.formatted(name, port);
    }

    static boolean await(StringWriter w, String text) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (w.toString().contains(text)) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    @Test
    void configFileIsServedAndReloaded() throws Exception {
        int port1 = VirtualBmcCliIT.freePort();
        int port2 = VirtualBmcCliIT.freePort();
        Path config = dir.resolve("bmcs.yaml");
        Files.writeString(config, "bmcs:\n" + bmc("node1", port1));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Thread cli = serve(config, out, err);
        try {
            assertThat(await(out, "watching")).as(out + "" + err).isTrue();
            assertThat(out.toString()).contains("node1 listening on 127.0.0.1:" + port1 + " (simulated, power off)");
            List<String> power = List.of("ipmi-power", "-u", "admin", "-p", "s3cret", "-D", "LAN_2_0",
                    "-W", "opensesspriv", "--stat", "-h");
            assertThat(IpmiSim.run(concat(power, "127.0.0.1:" + port1), dir)).contains("127.0.0.1: off");

            Thread.sleep(1100);
            Files.writeString(config, "bmcs:\n" + bmc("node1", port1) + bmc("node2", port2));
            assertThat(await(out, "added [node2]")).as(out + "" + err).isTrue();
            assertThat(IpmiSim.run(concat(power, "127.0.0.1:" + port2), dir)).contains("127.0.0.1: off");

            Thread.sleep(1100);
            Files.writeString(config, "bmcs:\n" + bmc("node1", port1).replace("port:", "prot:"));
            assertThat(await(err, "bmcs[0].prot: unknown key")).as(err.toString()).isTrue();
            assertThat(err.toString()).contains("the running BMCs are kept").doesNotContain("s3cret");
            assertThat(IpmiSim.run(concat(power, "127.0.0.1:" + port2), dir)).contains("127.0.0.1: off");
            assertThat(dir.resolve("bmcs.yaml.state")).exists();
        } finally {
            cli.interrupt();
            cli.join(5000);
        }
        assertThat(cli.isAlive()).isFalse();
    }

    /** {@code ipmi virtual-bmc admin}: list, add, show and remove through the socket named in the file. */
    @Test
    void adminCommandsReachTheRunningProcess() throws Exception {
        int port1 = VirtualBmcCliIT.freePort();
        int port2 = VirtualBmcCliIT.freePort();
        Path config = dir.resolve("bmcs.yaml");
        Files.writeString(config, "admin-socket: " + dir.resolve("admin.sock") + "\nbmcs:\n" + bmc("node1", port1));
        Path vm2 = dir.resolve("node2.yaml");
        Files.writeString(vm2, "bmcs:\n" + bmc("node2", port2));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Thread cli = serve(config, out, err);
        try {
            assertThat(await(out, "watching")).as(out + "" + err).isTrue();
            assertThat(out.toString()).contains("admin commands on " + dir.resolve("admin.sock"));
            assertThat(admin("list")).isEqualTo("node1 127.0.0.1:" + port1 + " simulated power off\n");
            assertThat(admin("add", vm2.toString())).isEqualTo("added node2 on 127.0.0.1:" + port2 + "\n");
            List<String> power = List.of("ipmi-power", "-u", "admin", "-p", "s3cret", "-D", "LAN_2_0",
                    "-W", "opensesspriv", "--stat", "-h");
            assertThat(IpmiSim.run(concat(power, "127.0.0.1:" + port2), dir)).contains("127.0.0.1: off");
            assertThat(admin("show", "node2")).contains("users: admin (administrator)", "quirks: opensesspriv")
                    .doesNotContain("s3cret");
            assertThat(admin("remove", "node1")).isEqualTo("removed node1\n");
            assertThat(admin("list")).isEqualTo("node2 127.0.0.1:" + port2 + " simulated power off\n");

            StringWriter aout = new StringWriter();
            StringWriter aerr = new StringWriter();
            assertThat(IpmiCli.execute(new PrintWriter(aout, true), new PrintWriter(aerr, true), "virtual-bmc",
                    "admin", "--config", config.toString(), "show", "node1")).isEqualTo(1);
            assertThat(aerr.toString()).contains("Error: no BMC named 'node1'");
        } finally {
            cli.interrupt();
            cli.join(5000);
        }
        assertThat(cli.isAlive()).isFalse();
        assertThat(dir.resolve("bmcs.yaml.admin").resolve("node2.yaml")).exists();
        assertThat(Files.readString(dir.resolve("bmcs.yaml.admin").resolve("removed"))).contains("node1");
    }

    private String admin(String... words) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> args = new java.util.ArrayList<>(List.of("virtual-bmc", "admin", "--config",
                dir.resolve("bmcs.yaml").toString()));
        args.addAll(List.of(words));
        int rc = IpmiCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
        assertThat(rc).as(err.toString()).isZero();
        return out.toString();
    }

    /** {@code ipmi virtual-bmc --config FILE} on a thread of its own, until interrupted. */
    private static Thread serve(Path config, StringWriter out, StringWriter err) {
        Thread cli = new Thread(() -> IpmiCli.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                "virtual-bmc", "--config", config.toString()));
        cli.start();
        return cli;
    }

    private static List<String> concat(List<String> a, String last) {
        List<String> all = new java.util.ArrayList<>(a);
        all.add(last);
        return all;
    }
}
