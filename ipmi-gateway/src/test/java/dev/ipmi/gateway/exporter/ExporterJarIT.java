package dev.ipmi.gateway.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.bmc.InMemoryBackend;
import dev.ipmi.bmc.VirtualBmc;
import dev.ipmi.bmc.VirtualBmcServer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar ipmi-gateway.jar exporter …} as users run it: a bad file, then a real start and scrape. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ExporterJarIT {
    private static final Path JAR = Path.of("target", "ipmi-gateway.jar").toAbsolutePath();
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path dir;

    @Test
    void badFileStopsStartUpNamingKeyAndLine() throws Exception {
        assertThat(JAR).as("the shaded jar (built in the package phase)").exists();
        Path yml = dir.resolve("ipmi_remote.yml");
        Files.writeString(yml, "modules:\n  default:\n    user: admin\n    passwd: x\n");
        Process p = new ProcessBuilder(JAVA, "-jar", JAR.toString(), "exporter", "--config", yml.toString())
                .redirectErrorStream(true).start();
        try {
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String out = new String(p.getInputStream().readAllBytes());
            assertThat(p.exitValue()).as(out).isEqualTo(2);
            assertThat(out).contains("line 4").contains("modules.default.passwd");
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void sigHupReloadsTheConfigFile() throws Exception {
        Path yml = dir.resolve("ipmi_remote.yml");
        Files.writeString(yml, "modules:\n  default: {user: admin, pass: x}\n");
        int port = Peers.freePort();
        String scrape = "http://127.0.0.1:" + port + "/ipmi?target=127.0.0.1:1&module=added";
        // The jar is started with SIGHUP at its default disposition: a build run under nohup passes
        // "ignored" down to every child, and the JVM does not take over an ignored shutdown signal.
        try (Peers.Program p = Peers.Program.start(List.of("python3", "-c",
                "import os, signal, sys; signal.signal(signal.SIGHUP, signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])",
                JAVA, "-jar", JAR.toString(), "exporter",
                "--config", yml.toString(), "--listen", "127.0.0.1:" + port), dir, "exporter-hup")) {
            Peers.awaitHttp("http://127.0.0.1:" + port + "/metrics", Duration.ofSeconds(60), p);
            assertThat(Peers.get(scrape, "X-Prometheus-Scrape-Timeout-Seconds", "1").statusCode()).isEqualTo(400);
            Files.writeString(yml, "modules:\n  default: {user: admin, pass: x}\n  added: {user: admin, pass: y}\n");
            Process kill = new ProcessBuilder("kill", "-HUP", Long.toString(p.pid())).start();
            assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
            int status = 400;
            // up to 30 s: the signal handler re-reads the file on its own thread, which a loaded 2-core
            // machine ran more than 5 s late once
            for (int i = 0; i < 300 && status == 400; i++) {
                Thread.sleep(100);
                status = Peers.get(scrape, "X-Prometheus-Scrape-Timeout-Seconds", "1").statusCode();
            }
            assertThat(status).as("module 'added' known after SIGHUP: " + p.output()).isEqualTo(200);
            assertThat(p.process().isAlive()).isTrue();
        }
    }

    @Test
    void standaloneExporterServesAScrape() throws Exception {
        try (VirtualBmcServer server = VirtualBmcServer.start()) {
            int bmc = server.add(VirtualBmc.builder().port(0).user("admin", "jar-secret", PrivilegeLevel.ADMINISTRATOR)
                    .backend(InMemoryBackend.builder().poweredOn(true).build()).build()).getPort();
            Path yml = dir.resolve("ipmi_remote.yml");
            Files.writeString(yml, "modules:\n  default: {user: admin, pass: jar-secret, privilege: admin}\n");
            int port = Peers.freePort();
            try (Peers.Program p = Peers.Program.start(List.of(JAVA, "-jar", JAR.toString(), "exporter",
                    "--config.file=" + yml, "--web.listen-address=127.0.0.1:" + port), dir, "exporter")) {
                Peers.awaitHttp("http://127.0.0.1:" + port + "/metrics", Duration.ofSeconds(60), p);
                HttpResponse<String> r = Peers.get("http://127.0.0.1:" + port + "/ipmi?target=127.0.0.1:" + bmc);
                assertThat(r.statusCode()).isEqualTo(200);
                Exposed s = Exposed.parse(r.body());
                assertThat(s.value("ipmi_up", "collector=bmc")).isEqualTo(1.0);
                assertThat(s.value("ipmi_chassis_power_state")).isEqualTo(1.0);
                assertThat(p.output()).doesNotContain("jar-secret");
            }
        }
    }
}
