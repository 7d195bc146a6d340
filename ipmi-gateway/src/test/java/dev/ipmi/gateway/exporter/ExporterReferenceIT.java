package dev.ipmi.gateway.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.testing.Closeables;
import dev.ipmi.testing.IpmiSim;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our exporter against the reference, Debian's prometheus-ipmi-exporter 1.6.1 (prometheus-community's
 * ipmi_exporter running FreeIPMI), on the same ipmi_sim with the same ipmi_remote.yml: the same
 * metric families, the same label names, the same series and values. The only families we add
 * are the two chassis fault states that ipmi_exporter gained after 1.6.1.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ExporterReferenceIT {
    /** Families ours has and ipmi_exporter 1.6.1 has not (ipmi_exporter 1.7+ has them, same convention). */
    static final Set<String> OURS_ONLY = Set.of("ipmi_chassis_drive_fault_state", "ipmi_chassis_cooling_fault_state");

    @TempDir
    static Path dir;
    private static IpmiSim sim;
    private static Peers.Program reference;
    private static ExporterServer ours;
    private static int referencePort;

    static String remoteYml() {
        // FreeIPMI needs opensesspriv against ipmi_sim (LAB.md); our client needs no workaround there
        return """
                modules:
                  default:
                    user: admin
                    pass: password
                    driver: LAN_2_0
                    privilege: admin
                    timeout: 10000
                    workaround_flags: [opensesspriv]
                    collectors: [bmc, ipmi, chassis, dcmi, sel, sm-lan-mode]
                  sensors:
                    user: admin
                    pass: password
                    driver: "LAN_2_0"
                    privilege: "admin"
                    workaround_flags:
                      - opensesspriv
                    collectors:
                      - ipmi
                    exclude_sensor_ids:
                      - 4
                      - 7
                """;
    }

    @BeforeAll
    static void start() throws Exception {
        IpmiSim.requireTools();
        Peers.require("prometheus-ipmi-exporter", "prometheus-ipmi-exporter");
        sim = IpmiSim.builder().sol(false).start();
        Path yml = dir.resolve("ipmi_remote.yml");
        Files.writeString(yml, remoteYml());
        referencePort = Peers.freePort();
        reference = Peers.Program.start(List.of("prometheus-ipmi-exporter", "--config.file=" + yml,
                "--web.listen-address=127.0.0.1:" + referencePort), dir, "reference");
        Peers.awaitHttp("http://127.0.0.1:" + referencePort + "/metrics", Duration.ofSeconds(20), reference);
        ours = ExporterServer.start(ExporterConfig.load(yml), "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() throws Exception {
        Closeables.closeAll(ours, reference, sim);
    }

    private static Exposed scrape(int port, String module) throws Exception {
        HttpResponse<String> r = Peers.get("http://127.0.0.1:" + port + "/ipmi?target=127.0.0.1:" + sim.port()
                + "&module=" + module);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Exposed.parse(r.body());
    }

    private static void assertSame(String module) throws Exception {
        Exposed ref = scrape(referencePort, module);
        Exposed mine = scrape(ours.port(), module);
        Set<String> extra = new TreeSet<>(mine.families().keySet());
        extra.removeAll(ref.families().keySet());
        Set<String> missing = new TreeSet<>(ref.families().keySet());
        missing.removeAll(mine.families().keySet());
        assertThat(missing).as("families ipmi_exporter has and we lack").isEmpty();
        assertThat(extra).as("families only we have").isSubsetOf(OURS_ONLY);
        for (String family : ref.families().keySet()) {
            assertThat(mine.families().get(family)).as("label names of " + family)
                    .isEqualTo(ref.families().get(family));
        }
        assertThat(mine.values().keySet().stream().filter(k -> OURS_ONLY.stream().noneMatch(k::startsWith)).toList())
                .as("series").containsExactlyInAnyOrderElementsOf(ref.values().keySet());
        for (Map.Entry<String, Double> e : ref.values().entrySet()) {
            if (e.getKey().startsWith("ipmi_scrape_duration_seconds")) {
                continue;
            }
            double want = e.getValue();
            double got = mine.values().get(e.getKey());
            if (Double.isNaN(want)) {
                assertThat(got).as(e.getKey()).isNaN();
            } else {
                // ipmimonitoring prints two decimals, which ipmi_exporter passes on
                assertThat(got).as(e.getKey()).isCloseTo(want, org.assertj.core.data.Offset.offset(0.005));
            }
        }
    }

    @Test
    void sameFamiliesLabelsAndValuesAsIpmiExporter() throws Exception {
        assertSame("default");
        Exposed mine = scrape(ours.port(), "default");
        assertThat(mine.value("ipmi_up", "collector=ipmi")).isEqualTo(1.0);
        assertThat(mine.value("ipmi_temperature_celsius", "id=3", "name=CPU Temp")).isEqualTo(45.0);
        assertThat(mine.value("ipmi_chassis_drive_fault_state")).isEqualTo(1.0);
    }

    @Test
    void sdrsReadOnceWhileTheRepositoryTimestampsStayAndOneSessionThroughout() throws Exception {
        scrape(ours.port(), "default");
        Exposed before = Exposed.parse(Peers.get("http://127.0.0.1:" + ours.port() + "/metrics").body());
        for (int i = 0; i < 3; i++) {
            scrape(ours.port(), "default");
        }
        Exposed after = Exposed.parse(Peers.get("http://127.0.0.1:" + ours.port() + "/metrics").body());
        assertThat(after.value("ipmi_exporter_bmc_requests_total", "command=Get SDR"))
                .as("no Get SDR while the repository is unchanged")
                .isEqualTo(before.value("ipmi_exporter_bmc_requests_total", "command=Get SDR"));
        assertThat(after.value("ipmi_exporter_bmc_requests_total", "command=Get SDR Repository Info")
                - before.value("ipmi_exporter_bmc_requests_total", "command=Get SDR Repository Info"))
                .as("one timestamp check per scrape").isEqualTo(3.0);
        assertThat(after.value("ipmi_exporter_sessions_opened_total"))
                .isEqualTo(before.value("ipmi_exporter_sessions_opened_total"));
    }

    @Test
    void excludedSensorsAndOneCollector() throws Exception {
        assertSame("sensors");
        Exposed mine = scrape(ours.port(), "sensors");
        assertThat(mine.values().keySet()).noneMatch(k -> k.contains("id=4") || k.contains("id=7"));
        assertThat(mine.families()).doesNotContainKey("ipmi_bmc_info");
    }

    @Test
    void sameStatesAfterTheSimulatorChanges() throws Exception {
        try {
            // CPU Temp over its upper critical threshold, PSU1 failure asserted, DIMM1 absent
            sim.command("sensor_set_value 0x20 0 1 100 0", "sensor_set_bit_clr_rest 0x20 0 5 1 1 0",
                    "sensor_set_bit_clr_rest 0x20 0 6 1 1 0");
            assertSame("default");
            Exposed mine = scrape(ours.port(), "default");
            assertThat(mine.value("ipmi_temperature_state", "id=3", "name=CPU Temp")).isEqualTo(2.0);
            assertThat(mine.value("ipmi_sensor_state", "id=7", "name=PSU1 Status", "type=Power Supply"))
                    .isEqualTo(2.0);
            // above the upper non-critical threshold only: FreeIPMI calls that nominal, and so do we
            sim.command("sensor_set_value 0x20 0 1 90 0");
            assertSame("default");
        } finally {
            sim.command("sensor_set_value 0x20 0 1 45 0", "sensor_set_bit_clr_rest 0x20 0 5 0 1 0",
                    "sensor_set_bit_clr_rest 0x20 0 6 0 1 0");
        }
    }

    @Test
    void unknownModuleAndMissingTargetAre400LikeIpmiExporter() throws Exception {
        for (int port : new int[] {referencePort, ours.port()}) {
            assertThat(Peers.get("http://127.0.0.1:" + port + "/ipmi?target=127.0.0.1:" + sim.port() + "&module=nope")
                    .statusCode()).isEqualTo(400);
            assertThat(Peers.get("http://127.0.0.1:" + port + "/ipmi?module=default").statusCode()).isEqualTo(400);
        }
    }
}
