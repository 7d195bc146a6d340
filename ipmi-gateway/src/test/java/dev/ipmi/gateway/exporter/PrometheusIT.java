package dev.ipmi.gateway.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.bmc.InMemoryBackend;
import dev.ipmi.bmc.VirtualBmc;
import dev.ipmi.bmc.VirtualBmcServer;
import dev.ipmi.testing.Closeables;
import dev.ipmi.testing.IpmiSim;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Prometheus (Debian's 2.42) scraping the exporter with the multi-target pattern of
 * ipmi_exporter's README, for ipmi_sim and virtual BMCs: the values Prometheus stores are the
 * simulators'. Then two exporters sharded by Prometheus's {@code hashmod} relabelling, the way a
 * fleet outgrows one exporter: every target scraped, each by the exporter its hash names.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class PrometheusIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VBMC_PASSWORD = "vbmc-secret";

    @TempDir
    static Path dir;
    private static IpmiSim sim;
    private static VirtualBmcServer vbmcs;
    private static final List<Integer> vbmcPorts = new ArrayList<>();
    private static final List<InMemoryBackend> backends = new ArrayList<>();

    static final String MODULES = """
            modules:
              sim:
                user: admin
                pass: password
                driver: LAN_2_0
                privilege: admin
                workaround_flags: [opensesspriv]
                collectors: [bmc, ipmi, chassis, sel]
              vbmc:
                user: admin
                pass: vbmc-secret
                privilege: admin
                collectors: [bmc, ipmi, chassis, dcmi, sel]
            """;

    @BeforeAll
    static void start() {
        IpmiSim.requireTools();
        Peers.require("prometheus", "prometheus");
        sim = IpmiSim.builder().sol(false).start();
        vbmcs = VirtualBmcServer.start();
        for (int i = 0; i < 6; i++) {
            // a stopped clock: the simulated sensors hold still, so Prometheus's value can be checked exactly
            InMemoryBackend backend = InMemoryBackend.builder().instance(i).poweredOn(i % 2 == 0).clock(() -> 0L).build();
            backends.add(backend);
            vbmcPorts.add(vbmcs.add(VirtualBmc.builder().port(0)
                    .user("admin", VBMC_PASSWORD, PrivilegeLevel.ADMINISTRATOR).backend(backend).build()).getPort());
        }
    }

    @AfterAll
    static void stop() throws Exception {
        Closeables.closeAll(vbmcs, sim);
    }

    /** One scrape job in ipmi_exporter's documented multi-target form; {@code shards} exporters by hashmod. */
    static String job(String name, String module, List<String> targets, List<Integer> exporterPorts) {
        StringBuilder y = new StringBuilder();
        y.append("  - job_name: ").append(name).append('\n')
                .append("    metrics_path: /ipmi\n")
                .append("    params:\n      module: [").append(module).append("]\n")
                .append("    static_configs:\n      - targets: [");
        for (int i = 0; i < targets.size(); i++) {
            y.append(i == 0 ? "" : ", ").append('\'').append(targets.get(i)).append('\'');
        }
        y.append("]\n    relabel_configs:\n")
                .append("      - source_labels: [__address__]\n        target_label: __param_target\n")
                .append("      - source_labels: [__param_target]\n        target_label: instance\n");
        if (exporterPorts.size() == 1) {
            y.append("      - target_label: __address__\n        replacement: 127.0.0.1:")
                    .append(exporterPorts.get(0)).append('\n');
        } else {
            y.append("      - source_labels: [__param_target]\n        modulus: ").append(exporterPorts.size())
                    .append("\n        target_label: __tmp_shard\n        action: hashmod\n");
            for (int s = 0; s < exporterPorts.size(); s++) {
                y.append("      - source_labels: [__tmp_shard]\n        regex: \"").append(s)
                        .append("\"\n        target_label: __address__\n        replacement: 127.0.0.1:")
                        .append(exporterPorts.get(s)).append('\n');
            }
        }
        return y.toString();
    }

    /** Asks Prometheus's query API until {@code expected} series answer (bounded), returns instance → value. */
    static Map<String, Double> query(int port, String promql, int expected) throws Exception {
        Map<String, Double> out = new HashMap<>();
        for (int attempt = 0; attempt < 120; attempt++) {
            String url = "http://127.0.0.1:" + port + "/api/v1/query?query="
                    + URLEncoder.encode(promql, StandardCharsets.UTF_8);
            JsonNode r = JSON.readTree(Peers.get(url).body());
            out.clear();
            for (JsonNode series : r.path("data").path("result")) {
                out.put(series.path("metric").path("instance").asText(),
                        Double.parseDouble(series.path("value").get(1).asText()));
            }
            if (out.size() >= expected) {
                return out;
            }
            Thread.sleep(250);
        }
        return out;
    }

    @Test
    void prometheusStoresTheSimulatorsValues() throws Exception {
        Path yml = dir.resolve("ipmi_remote.yml");
        Files.writeString(yml, MODULES);
        String simTarget = "127.0.0.1:" + sim.port();
        String vbmcTarget = "127.0.0.1:" + vbmcPorts.get(0);
        try (ExporterServer exporter = ExporterServer.start(ExporterConfig.load(yml), "127.0.0.1", 0)) {
            String jobs = job("ipmi_sim", "sim", List.of(simTarget), List.of(exporter.port()))
                    + job("vbmc", "vbmc", List.of(vbmcTarget), List.of(exporter.port()));
            try (PromProcess prom = PromProcess.start(jobs, "single")) {
                // the first scrape of a fresh exporter opens the session and reads the SDRs: it may run
                // past the 0.9 s budget of a 1 s scrape timeout and report ipmi_up 0, so wait for a 1
                Map<String, Double> up = query(prom.port, "ipmi_up{collector=\"ipmi\"} == 1", 2);
                assertThat(up).containsEntry(simTarget, 1.0).containsEntry(vbmcTarget, 1.0);
                // the lab's ipmi_sim: CPU Temp 45 C; the virtual BMC: its backend's reading (factor m=1)
                double vbmcCpu = backends.get(0).raw(InMemoryBackend.DEFAULT_SENSORS.get(0));
                Map<String, Double> cpu = query(prom.port, "ipmi_temperature_celsius{name=\"CPU Temp\"}", 2);
                assertThat(cpu).containsEntry(simTarget, 45.0).containsEntry(vbmcTarget, vbmcCpu);
                boolean simOn = sim.ipmitool("chassis", "power", "status").contains("is on");
                Map<String, Double> power = query(prom.port, "ipmi_chassis_power_state", 2);
                assertThat(power).containsEntry(simTarget, simOn ? 1.0 : 0.0).containsEntry(vbmcTarget, 1.0);
            }
        }
    }

    /** Prometheus's hashmod: the last 8 bytes of the MD5 of the value, big-endian, modulo n. */
    static int hashmod(String value, int n) throws Exception {
        byte[] md5 = MessageDigest.getInstance("MD5").digest(value.getBytes(StandardCharsets.UTF_8));
        long v = 0;
        for (int i = 8; i < 16; i++) {
            v = (v << 8) | (md5[i] & 0xFF);
        }
        return (int) Long.remainderUnsigned(v, n);
    }

    @Test
    void twoExportersShardedByHashmod() throws Exception {
        Path yml = dir.resolve("ipmi_remote.yml");
        Files.writeString(yml, MODULES);
        List<String> targets = new ArrayList<>();
        for (int p : vbmcPorts) {
            targets.add("127.0.0.1:" + p);
        }
        try (ExporterServer a = ExporterServer.start(ExporterConfig.load(yml), "127.0.0.1", 0);
             ExporterServer b = ExporterServer.start(ExporterConfig.load(yml), "127.0.0.1", 0)) {
            int[] perShard = new int[2];
            for (String t : targets) {
                perShard[hashmod(t, 2)]++;
            }
            try (PromProcess prom = PromProcess.start(job("vbmc", "vbmc", targets, List.of(a.port(), b.port())),
                    "sharded")) {
                Map<String, Double> up = query(prom.port, "ipmi_up{collector=\"ipmi\"} == 1", targets.size());
                assertThat(up.keySet()).containsExactlyInAnyOrderElementsOf(targets);
                Map<String, Double> power = query(prom.port, "ipmi_chassis_power_state", targets.size());
                for (int i = 0; i < targets.size(); i++) {
                    assertThat(power).containsEntry(targets.get(i), i % 2 == 0 ? 1.0 : 0.0);
                }
                // each exporter opened one session per target of its shard, and no other
                Exposed ma = Exposed.parse(Peers.get("http://127.0.0.1:" + a.port() + "/metrics").body());
                Exposed mb = Exposed.parse(Peers.get("http://127.0.0.1:" + b.port() + "/metrics").body());
                assertThat(orZero(ma.value("ipmi_exporter_sessions_opened_total"))).isEqualTo(perShard[0]);
                assertThat(orZero(mb.value("ipmi_exporter_sessions_opened_total"))).isEqualTo(perShard[1]);
            }
        }
    }

    private static double orZero(Double d) {
        return d == null ? 0 : d;
    }

    /** A Prometheus server on a free port with its own storage directory; stopped by pid. */
    static final class PromProcess implements AutoCloseable {
        final Peers.Program program;
        final int port;

        private PromProcess(Peers.Program program, int port) {
            this.program = program;
            this.port = port;
        }

        static PromProcess start(String scrapeConfigs, String name) throws Exception {
            Path work = Files.createDirectories(dir.resolve(name));
            Path config = work.resolve("prometheus.yml");
            Files.writeString(config, "global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\nscrape_configs:\n"
                    + scrapeConfigs);
            int port = Peers.freePort();
            Peers.Program p = Peers.Program.start(List.of("prometheus", "--config.file=" + config,
                    "--storage.tsdb.path=" + work.resolve("data"), "--web.listen-address=127.0.0.1:" + port,
                    "--log.level=warn"), work, "prometheus");
            try {
                Peers.awaitHttp("http://127.0.0.1:" + port + "/-/ready", Duration.ofSeconds(60), p);
            } catch (Exception e) {
                p.close();
                throw e;
            }
            return new PromProcess(p, port);
        }

        @Override
        public void close() {
            program.close();
        }
    }
}
