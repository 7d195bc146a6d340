package dev.ipmi.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.core.types.CipherSuite;
import dev.ipmi.bmc.VirtualBmc;
import dev.ipmi.bmc.VirtualBmcServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code ipmi -H 127.0.0.1:PORT[0-3] power status} over three virtual BMCs and one dead port. */
class CliFanOutIT {
    @Test
    void aHostRangeWithOneDeadHost() throws Exception {
        try (VirtualBmcServer server = VirtualBmcServer.start()) {
            int base = -1;
            List<DatagramSocket> held = new ArrayList<>();
            for (int k = 0; k < 200 && base < 0; k++) {
                int b = 41000 + 10 * (int) (Math.random() * 800);
                try {
                    for (int i = 0; i < 4; i++) {
                        held.add(new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), b + i)));
                    }
                    base = b;
                } catch (java.net.BindException busy) {
                    held.forEach(DatagramSocket::close);
                    held.clear();
                }
            }
            assertThat(base).as("four free consecutive UDP ports").isPositive();
            DatagramSocket dead = held.get(2);
            List<VirtualBmc> live = new ArrayList<>();
            for (int i : new int[] {0, 1, 3}) {
                held.get(i).close();
                VirtualBmc bmc = VirtualBmc.builder().port(base + i).user("admin", "password", PrivilegeLevel.ADMINISTRATOR)
                        .cipherSuites(CipherSuite.SUITE_3).build();
                live.add(bmc);
                server.add(bmc);
            }
            try {
                String range = "127.0.0.1:" + (base / 10) + "[0-3]";
                int deadPort = base + 2;
                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                int rc = IpmiCli.execute(new PrintWriter(out), new PrintWriter(err), "-I", "lanplus", "-C", "3",
                        "-H", range, "-U", "admin", "-P", "password", "-R", "1", "-N", "1", "-F", "4",
                        "power", "status");
                assertThat(rc).isEqualTo(1);
                assertThat(out.toString().lines().sorted()).containsExactly(
                        "127.0.0.1:" + base + ": Chassis Power is off",
                        "127.0.0.1:" + (base + 1) + ": Chassis Power is off",
                        "127.0.0.1:" + (base + 3) + ": Chassis Power is off");
                assertThat(err.toString()).contains("127.0.0.1:" + (base + 2) + ": ").contains("1 of 4 hosts failed");
                // the fan-out's fleet closed every session it opened before the CLI returned
                assertThat(live).allSatisfy(b -> assertThat(b.activeSessions()).isZero());

                StringWriter json = new StringWriter();
                int rcJson = IpmiCli.execute(new PrintWriter(json), new PrintWriter(new StringWriter()), "-I", "lanplus",
                        "-C", "3", "-H", range, "-U", "admin", "-P", "password", "-R", "1", "-N", "1", "--json",
                        "power", "status");
                assertThat(rcJson).isEqualTo(1);
                assertThat(json.toString().lines()).hasSize(4)
                        .anyMatch(l -> l.startsWith("{\"host\":\"127.0.0.1:" + deadPort + "\",\"ok\":false,\"error\":"))
                        .filteredOn(l -> l.contains("\"ok\":true")).hasSize(3);
                assertThat(live).allSatisfy(b -> assertThat(b.activeSessions()).isZero());
            } finally {
                dead.close();
            }
        }
    }
}
