package dev.ipmi.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostFanOutTest {
    /** A command that prints two lines for a host, and fails on "dead". */
    private static int fake(PrintWriter out, PrintWriter err, String... args) {
        List<String> a = Arrays.asList(args);
        String host = a.get(a.indexOf("-H") + 1);
        String port = a.contains("-p") ? a.get(a.indexOf("-p") + 1) : "623";
        if (host.equals("dead")) {
            err.println("Error: no reply to Get Channel Authentication Capabilities after 5 attempts");
            return 1;
        }
        if (a.contains("--json")) {
            out.println("{\n  \"power\": \"on\",\n  \"port\": " + port + "\n}");
        } else {
            out.println("Chassis Power is on");
            out.println("port " + port);
        }
        return 0;
    }

    @Test
    void aSingleHostIsNoFanOut() {
        assertThat(HostFanOut.plan("-I", "lanplus", "-H", "10.0.0.5", "power", "status")).isEmpty();
    }

    @Test
    void rangesListsAndFanoutAreTakenOutOfTheArguments() {
        HostFanOut.Plan p = HostFanOut.plan("-I", "lanplus", "-H", "node[1-3],x", "-F", "2", "power", "status")
                .orElseThrow();
        assertThat(p.hosts()).containsExactly("node1", "node2", "node3", "x");
        assertThat(p.fanout()).isEqualTo(2);
        assertThat(p.rest()).containsExactly("-I", "lanplus", "power", "status");
        assertThat(HostFanOut.argsFor("127.0.0.1:40001", List.of("-p", "623", "power", "status")))
                .containsExactly("-H", "127.0.0.1", "-p", "40001", "power", "status");
        assertThat(HostFanOut.argsFor("[::1]:700", List.of("mc", "info")))
                .containsExactly("-H", "::1", "-p", "700", "mc", "info");
        assertThat(HostFanOut.plan("-Hh1", "--fanout=8", "mc", "info").orElseThrow().fanout()).isEqualTo(8);
        assertThatThrownBy(() -> HostFanOut.plan("-H", "a,b", "-F", "0", "mc", "info"))
                .hasMessageContaining("-F/--fanout must be 1..1024");
    }

    @Test
    void everyLineIsPrefixedWithItsHostAndAFailureNamesHostAndCause() {
        HostFanOut.Plan p = HostFanOut.plan("-H", "a,dead,127.0.0.1:40[001-002]", "-F", "3", "power", "status")
                .orElseThrow();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = HostFanOut.run(p, new PrintWriter(out), new PrintWriter(err), HostFanOutTest::fake, false);
        assertThat(rc).isEqualTo(1);
        assertThat(out.toString().lines().sorted()).containsExactly("127.0.0.1:40001: Chassis Power is on",
                "127.0.0.1:40001: port 40001", "127.0.0.1:40002: Chassis Power is on", "127.0.0.1:40002: port 40002",
                "a: Chassis Power is on", "a: port 623");
        assertThat(err.toString()).contains("dead: Error: no reply to Get Channel Authentication Capabilities")
                .contains("1 of 4 hosts failed");
    }

    @Test
    void withJsonEachHostIsOneObjectOnOneLine() {
        HostFanOut.Plan p = HostFanOut.plan("-H", "a,dead", "--json", "power", "status").orElseThrow();
        StringWriter out = new StringWriter();
        int rc = HostFanOut.run(p, new PrintWriter(out), new PrintWriter(new StringWriter()), HostFanOutTest::fake,
                false);
        assertThat(rc).isEqualTo(1);
        assertThat(out.toString().lines().sorted()).containsExactly(
                "{\"host\":\"a\",\"ok\":true,\"result\":{\"power\": \"on\",\"port\": 623}}",
                "{\"host\":\"dead\",\"ok\":false,\"error\":\"Error: no reply to Get Channel Authentication Capabilities after 5 attempts\"}");
    }

    @Test
    void hostsFileWithCommentsAndRanges(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("hosts");
        Files.writeString(f, "# rack 1\nnode[1-2]\n\nnode9 # spare\n");
        HostFanOut.Plan p = HostFanOut.plan("--hosts-file", f.toString(), "mc", "info").orElseThrow();
        assertThat(p.hosts()).containsExactly("node1", "node2", "node9");
        assertThat(p.fanout()).isEqualTo(HostFanOut.DEFAULT_FANOUT);
    }
}
