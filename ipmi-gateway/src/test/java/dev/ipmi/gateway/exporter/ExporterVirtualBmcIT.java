package dev.ipmi.gateway.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.gateway.auth.Secrets;
import dev.ipmi.gateway.bmc.FleetBmcAccess;
import dev.ipmi.gateway.config.ConfigLoader;
import dev.ipmi.gateway.config.GatewayConfig;
import dev.ipmi.gateway.http.GatewayServer;
import dev.ipmi.bmc.InMemoryBackend;
import dev.ipmi.bmc.VirtualBmc;
import dev.ipmi.bmc.VirtualBmcServer;
import dev.ipmi.testing.Closeables;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What the exporter does better than ipmi_exporter, each seen in its output or its own metrics,
 * against in-process virtual BMCs: one session for many scrapes, a scrape that answers by
 * Prometheus's deadline with the late collector down, one scrape per target at a time; and the
 * exporter inside the gateway, where targets are BMC names and API keys apply. (The SDR cache is
 * shown against ipmi_sim in {@link ExporterReferenceIT}: the virtual BMC reports no repository
 * timestamps, so nothing can be cached from it.)
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ExporterVirtualBmcIT {
    static final String USER = "admin";
    static final String PASSWORD = "vbmc-secret";
    static final String KEY = "exporter-key-0123456789abcdef";
    static final String RACK_KEY = "rack-key-0123456789abcdefgh";

    private static VirtualBmcServer fastServer;
    private static VirtualBmcServer slowServer;
    private static int fastPort;
    private static int slowPort;
    private static ExporterServer exporter;
    private static String base;

    @BeforeAll
    static void start() {
        fastServer = VirtualBmcServer.start();
        fastPort = fastServer.add(VirtualBmc.builder().port(0).user(USER, PASSWORD, PrivilegeLevel.ADMINISTRATOR)
                .backend(InMemoryBackend.builder().poweredOn(true).build()).build()).getPort();
        slowServer = VirtualBmcServer.start();
        slowPort = slowServer.add(VirtualBmc.builder().port(0).user(USER, PASSWORD, PrivilegeLevel.ADMINISTRATOR)
                .backend(new SlowBackend(250)).build()).getPort();
        ExporterConfig config = ExporterConfig.parse("""
                modules:
                  default:
                    user: admin
                    pass: vbmc-secret
                    privilege: admin
                    collectors: [bmc, ipmi, chassis, dcmi, sel]
                """);
        exporter = ExporterServer.start(config, "127.0.0.1", 0);
        base = "http://127.0.0.1:" + exporter.port();
    }

    @AfterAll
    static void stop() throws Exception {
        Closeables.closeAll(exporter, fastServer, slowServer);
    }

    private static Exposed metrics() throws Exception {
        return Exposed.parse(Peers.get(base + "/metrics").body());
    }

    private static double counter(Exposed m, String name, String... labels) {
        Double v = m.value(name, labels);
        return v == null ? 0 : v;
    }

    private static Exposed scrape(int port, String... headers) throws Exception {
        HttpResponse<String> r = Peers.get(base + "/ipmi?target=127.0.0.1:" + port, headers);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Exposed.parse(r.body());
    }

    @Test
    void oneSessionForManyScrapes() throws Exception {
        Exposed first = scrape(fastPort);
        assertThat(first.value("ipmi_up", "collector=ipmi")).isEqualTo(1.0);
        assertThat(first.value("ipmi_temperature_celsius", "id=1", "name=CPU Temp")).isNotNull();
        assertThat(first.value("ipmi_dcmi_power_consumption_watts")).isNotNull();
        Exposed before = metrics();
        for (int i = 0; i < 5; i++) {
            Exposed s = scrape(fastPort);
            assertThat(s.values().keySet()).isEqualTo(first.values().keySet());
        }
        Exposed after = metrics();
        assertThat(counter(after, "ipmi_exporter_sessions_opened_total"))
                .as("five more scrapes, no new session").isEqualTo(counter(before, "ipmi_exporter_sessions_opened_total"));
        assertThat(counter(after, "ipmi_exporter_sessions_open")).isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void answersByThePrometheusDeadlineWithTheLateCollectorDown() throws Exception {
        scrape(slowPort, "X-Prometheus-Scrape-Timeout-Seconds", "10");
        Exposed before = metrics();
        // four sensors at 250 ms each take a second; Prometheus allows 0.6 s
        Exposed s = scrape(slowPort, "X-Prometheus-Scrape-Timeout-Seconds", "0.6");
        assertThat(s.value("ipmi_up", "collector=ipmi")).as("late collector").isEqualTo(0.0);
        assertThat(s.value("ipmi_up", "collector=bmc")).isEqualTo(1.0);
        assertThat(s.value("ipmi_up", "collector=chassis")).isEqualTo(1.0);
        assertThat(s.value("ipmi_scrape_duration_seconds")).as("answered inside the timeout").isLessThan(0.6);
        Exposed after = metrics();
        assertThat(counter(after, "ipmi_exporter_collector_late_total", "collector=ipmi")
                - counter(before, "ipmi_exporter_collector_late_total", "collector=ipmi")).isEqualTo(1.0);
    }

    @Test
    void concurrentScrapesOfOneTargetShareOneScrape() throws Exception {
        scrape(slowPort, "X-Prometheus-Scrape-Timeout-Seconds", "10");
        Exposed before = metrics();
        CompletableFuture<Exposed> a = CompletableFuture.supplyAsync(() -> quietScrape(slowPort));
        // the second arrives while the first waits for its sensors (a second of readings)
        Thread.sleep(200);
        Exposed b = scrape(slowPort, "X-Prometheus-Scrape-Timeout-Seconds", "10");
        Exposed first = a.get(30, TimeUnit.SECONDS);
        assertThat(b.value("ipmi_scrape_duration_seconds")).as("the same scrape")
                .isEqualTo(first.value("ipmi_scrape_duration_seconds"));
        Exposed after = metrics();
        assertThat(counter(after, "ipmi_exporter_scrapes_shared_total")
                - counter(before, "ipmi_exporter_scrapes_shared_total")).isEqualTo(1.0);
        assertThat(counter(after, "ipmi_exporter_bmc_requests_total", "command=Get Device ID")
                - counter(before, "ipmi_exporter_bmc_requests_total", "command=Get Device ID"))
                .as("the BMC was asked once").isEqualTo(1.0);
    }

    private static Exposed quietScrape(int port) {
        try {
            return scrape(port, "X-Prometheus-Scrape-Timeout-Seconds", "10");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void openMetricsWhenAskedTextOtherwise() throws Exception {
        HttpResponse<String> om = Peers.get(base + "/ipmi?target=127.0.0.1:" + fastPort, "Accept",
                "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5");
        assertThat(om.headers().firstValue("Content-Type").orElse("")).startsWith("application/openmetrics-text");
        assertThat(om.body()).endsWith("# EOF\n");
        HttpResponse<String> text = Peers.get(base + "/ipmi?target=127.0.0.1:" + fastPort);
        assertThat(text.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(Exposed.parse(om.body()).families().keySet()).isEqualTo(Exposed.parse(text.body()).families().keySet());
    }

    @Test
    void unreachableTargetIsEveryCollectorDown() throws Exception {
        int nobody = Peers.freePort();
        Exposed s = scrape(nobody, "X-Prometheus-Scrape-Timeout-Seconds", "1.5");
        assertThat(s.value("ipmi_up", "collector=bmc")).isEqualTo(0.0);
        assertThat(s.value("ipmi_up", "collector=ipmi")).isEqualTo(0.0);
        assertThat(s.families().keySet()).containsOnly("ipmi_up", "ipmi_scrape_duration_seconds");
    }

    @Test
    void insideTheGatewayTargetsAreBmcNamesBehindApiKeys() throws Exception {
        String yaml = "listen: 127.0.0.1:0\n"
                + "bmcs:\n"
                + "  - {name: node01, host: 127.0.0.1, port: " + fastPort + ", username: admin, password_env: PW}\n"
                + "api_keys:\n"
                + "  - {name: prometheus, sha256: " + Secrets.sha256Hex(KEY) + ", role: viewer}\n"
                + "  - {name: rack, sha256: " + Secrets.sha256Hex(RACK_KEY) + ", role: viewer, bmcs: [\"db*\"]}\n";
        GatewayConfig config = new ConfigLoader(Map.of("PW", PASSWORD)::get, Path.of(".")).parse(yaml);
        FleetBmcAccess access = new FleetBmcAccess(config);
        ExporterRoutes routes = ExporterMain.routes(ExporterConfig.empty(), access, config);
        try (routes; GatewayServer gw = GatewayServer.start(config, access, List.of(routes))) {
            String url = "http://127.0.0.1:" + gw.port();
            HttpResponse<String> ok = Peers.get(url + "/ipmi?target=node01", "Authorization", "Bearer " + KEY);
            assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
            Exposed s = Exposed.parse(ok.body());
            assertThat(s.value("ipmi_up", "collector=ipmi")).isEqualTo(1.0);
            assertThat(s.value("ipmi_chassis_power_state")).isEqualTo(1.0);
            assertThat(Peers.get(url + "/ipmi?target=node01").statusCode()).as("no key").isEqualTo(401);
            assertThat(Peers.get(url + "/ipmi?target=node01", "Authorization", "Bearer " + RACK_KEY).statusCode())
                    .as("key scoped to db*").isEqualTo(404);
            assertThat(Peers.get(url + "/metrics").body()).contains("ipmi_exporter_scrapes_total");
        }
    }
}
