package dev.ipmi.benchmarks.tools;

import dev.ipmi.core.types.CipherSuite;
import dev.ipmi.core.client.IpmiClient;
import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.gateway.auth.Secrets;
import dev.ipmi.gateway.bmc.FleetBmcAccess;
import dev.ipmi.gateway.config.ConfigLoader;
import dev.ipmi.gateway.config.GatewayConfig;
import dev.ipmi.gateway.http.GatewayServer;
import dev.ipmi.bmc.InMemoryBackend;
import dev.ipmi.bmc.VirtualBmc;
import dev.ipmi.bmc.VirtualBmcServer;
import dev.ipmi.testing.IpmiSim;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 13's targets for ipmi-gateway, measured (never asserted):
 * <ol>
 *   <li>latency: {@code GET /api/v1/bmcs/{name}/power} through an in-process gateway against the
 *       same library call ({@code chassis().isPowerOn()}) on its own session, sequential, medians;
 *   <li>throughput: {@code --threads} HTTP clients in this JVM asking for the power state for
 *       {@code --seconds} (bounded by a request count too), requests per second;
 *   <li>memory: the shaded gateway jar as a child process with {@code --bmcs} virtual BMCs configured
 *       (all served by one VirtualBmcServer in this JVM), after a {@code ?refresh=true} that opens a
 *       session to every one of them: VmRSS and VmHWM from /proc.
 * </ol>
 * Targets: ipmi_sim (the project's fixture, power answered by its chassis script) and the virtual BMC.
 * Output: {@code key=value} lines. Traffic goes to 127.0.0.1 only; the child process is stopped by its pid.
 */
public final class GatewayBench {
    private static final String KEY = "bench-key-0123456789abcdef";

    private GatewayBench() {}

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv, Map.of("requests", "2000", "threads", "8", "seconds", "10", "bmcs", "1000",
                "jar", "ipmi-gateway/target/ipmi-gateway.jar",
                "jvm", "-Xms8m -Xmx48m -XX:+UseSerialGC -XX:MaxMetaspaceSize=40m -XX:ReservedCodeCacheSize=16m -XX:MaxDirectMemorySize=16m -Xss256k -XX:TieredStopAtLevel=1",
                "parts", "sim,vbmc,memory", "power-model", "script"));
        int requests = args.integer("requests", 10, 1_000_000);
        int threads = args.integer("threads", 1, 256);
        int seconds = args.integer("seconds", 1, 300);
        int bmcs = args.integer("bmcs", 1, 5000);
        List<String> parts = Arrays.asList(args.get("parts").split(","));
        String powerModel = args.get("power-model");
        if (!powerModel.equals("script") && !powerModel.equals("process")) {
            throw new IllegalArgumentException("--power-model must be script or process, not " + powerModel);
        }
        if (parts.contains("sim")) {
            IpmiSim.Builder b = IpmiSim.builder().sol(false);
            if (powerModel.equals("process")) {
                b.lanConf(GatewayBench::powerFromProcess);
            }
            System.out.println("sim.power_model=" + powerModel);
            try (IpmiSim sim = b.start()) {
                speed("sim", sim.host(), sim.port(), IpmiSim.ADMIN, IpmiSim.ADMIN_PASSWORD, 3, requests, threads, seconds);
            }
        }
        if (parts.contains("vbmc")) {
            try (VirtualBmcServer server = VirtualBmcServer.start()) {
                int port = server.add(VirtualBmc.builder().port(0).user("admin", "bench-pw", PrivilegeLevel.ADMINISTRATOR)
                        .backend(InMemoryBackend.create()).build()).getPort();
                speed("vbmc", "127.0.0.1", port, "admin", "bench-pw", 17, requests, threads, seconds);
            }
        }
        if (parts.contains("memory")) {
            memory(bmcs, Path.of(args.get("jar")), args.get("jvm"));
        }
    }

    /**
     * The power state becomes whether ipmi_sim's "VM" child runs, answered inside ipmi_sim, instead of
     * a fork of the fixture's chassis script per query (which caps any client at ~160 queries/s).
     * ipmi_sim routes power control to startcmd only through a VM serial channel, so one is declared
     * on a free port; nothing connects to it. The same edit as compare-peers.sh's POWER_MODEL=process.
     */
    private static String powerFromProcess(String conf) {
        int vmPort;
        try (ServerSocket s = new ServerSocket(0)) {
            vmPort = s.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return conf.lines().filter(l -> !l.trim().startsWith("chassis_control ")).collect(java.util.stream.Collectors.joining("\n"))
                + "\nset_working_mc 0x20\n  serial 15 127.0.0.1 " + vmPort + " codec VM\n  startcmd \"sleep 86400\"\n"
                + "  startnow false\n  poweroff_wait 0\n  kill_wait 0\n";
    }

    private static void speed(String label, String host, int port, String user, String password, int suite,
                              int requests, int threads, int seconds) throws Exception {
        double[] lib = new double[requests];
        try (IpmiClient c = IpmiClient.lanplus(host).port(port).credentials(user, password.toCharArray())
                .cipherSuite(CipherSuite.of(suite)).connect()) {
            for (int i = 0; i < 200; i++) {
                c.chassis().isPowerOn();
            }
            for (int i = 0; i < requests; i++) {
                long t0 = System.nanoTime();
                c.chassis().isPowerOn();
                lib[i] = System.nanoTime() - t0;
            }
        }
        String yaml = "listen: 127.0.0.1:0\nbmcs:\n  - {name: b1, host: " + host + ", port: " + port + ", username: " + user
                + ", password_env: BENCH_PW, cipher_suite: " + suite + "}\n"
                + "api_keys:\n  - {name: bench, sha256: " + Secrets.sha256Hex(KEY) + ", role: viewer}\n";
        GatewayConfig config = new ConfigLoader(Map.of("BENCH_PW", password)::get, Path.of(".")).parse(yaml);
        double[] gw = new double[requests];
        long okCount;
        double rps;
        double cpuPerRequestUs;
        try (GatewayServer server = GatewayServer.start(config, new FleetBmcAccess(config), List.of())) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/v1/bmcs/b1/power"))
                    .header("Authorization", "Bearer " + KEY).timeout(Duration.ofSeconds(30)).build();
            for (int i = 0; i < 500; i++) {
                check(http.send(get, HttpResponse.BodyHandlers.ofString()));
            }
            for (int i = 0; i < requests; i++) {
                long t0 = System.nanoTime();
                check(http.send(get, HttpResponse.BodyHandlers.ofString()));
                gw[i] = System.nanoTime() - t0;
            }
            AtomicLong ok = new AtomicLong();
            AtomicLong failed = new AtomicLong();
            long cap = 2_000_000;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            long c0 = Measure.processCpuNanos();
            long t0 = System.nanoTime();
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                fs.add(pool.submit(() -> {
                    HttpClient own = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                    while (System.nanoTime() < deadline && ok.get() + failed.get() < cap) {
                        try {
                            HttpResponse<String> r = own.send(get, HttpResponse.BodyHandlers.ofString());
                            (r.statusCode() == 200 ? ok : failed).incrementAndGet();
                        } catch (IOException e) {
                            failed.incrementAndGet();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
            double elapsed = (System.nanoTime() - t0) / 1e9;
            long cpu = Measure.processCpuNanos() - c0;
            pool.shutdown();
            okCount = ok.get();
            rps = okCount / elapsed;
            cpuPerRequestUs = okCount == 0 ? 0 : cpu / 1e3 / okCount;
            System.out.println(label + ".throughput_failed=" + failed.get());
        }
        double libMedian = Measure.median(lib) / 1e3;
        double gwMedian = Measure.median(gw) / 1e3;
        System.out.printf(java.util.Locale.ROOT, "%s.library_power_status_median_us=%.1f%n", label, libMedian);
        System.out.printf(java.util.Locale.ROOT, "%s.gateway_power_status_median_us=%.1f%n", label, gwMedian);
        System.out.printf(java.util.Locale.ROOT, "%s.gateway_added_median_us=%.1f%n", label, gwMedian - libMedian);
        System.out.printf(java.util.Locale.ROOT, "%s.library_p99_us=%.1f%n", label, percentile(lib, 0.99) / 1e3);
        System.out.printf(java.util.Locale.ROOT, "%s.gateway_p99_us=%.1f%n", label, percentile(gw, 0.99) / 1e3);
        System.out.printf(java.util.Locale.ROOT, "%s.throughput_threads=%d%n", label, threads);
        System.out.printf(java.util.Locale.ROOT, "%s.throughput_requests=%d%n", label, okCount);
        System.out.printf(java.util.Locale.ROOT, "%s.throughput_rps=%.0f%n", label, rps);
        System.out.printf(java.util.Locale.ROOT, "%s.throughput_cpu_us_per_request=%.1f%n", label, cpuPerRequestUs);
    }

    private static void check(HttpResponse<String> r) {
        if (r.statusCode() != 200) {
            throw new IllegalStateException("gateway answered " + r.statusCode() + ": " + r.body());
        }
    }

    private static double percentile(double[] v, double p) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(p * s.length) - 1)];
    }

    private static void memory(int count, Path jar, String jvmFlags) throws Exception {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " missing: mvn -B package -DskipTests first");
        }
        Path dir = Files.createTempDirectory("gw-bench-");
        int httpPort;
        try (ServerSocket s = new ServerSocket(0)) {
            httpPort = s.getLocalPort();
        }
        try (VirtualBmcServer server = VirtualBmcServer.start()) {
            StringBuilder yaml = new StringBuilder("listen: 127.0.0.1:" + httpPort + "\nbmcs:\n");
            for (int i = 0; i < count; i++) {
                int port = server.add(VirtualBmc.builder().port(0).user("admin", "bench-pw", PrivilegeLevel.ADMINISTRATOR)
                        .backend(InMemoryBackend.builder().instance(i).build()).build()).getPort();
                yaml.append(String.format("  - {name: vbmc%04d, host: 127.0.0.1, port: %d, username: admin,"
                        + " password_env: BENCH_PW, cipher_suite: 17, labels: {rack: r%d}}%n", i, port, i % 40));
            }
            yaml.append("api_keys:\n  - {name: bench, sha256: ").append(Secrets.sha256Hex(KEY)).append(", role: viewer}\n");
            Files.writeString(dir.resolve("gateway.yaml"), yaml);
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            cmd.addAll(Arrays.asList(jvmFlags.trim().split("\\s+")));
            cmd.addAll(List.of("-jar", jar.toAbsolutePath().toString(), "--config", dir.resolve("gateway.yaml").toString()));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("gateway.log").toFile());
            pb.environment().put("BENCH_PW", "bench-pw");
            Process p = pb.start();
            try {
                HttpClient http = HttpClient.newHttpClient();
                URI base = URI.create("http://127.0.0.1:" + httpPort);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (true) {
                    try {
                        http.send(HttpRequest.newBuilder(base.resolve("/health")).build(), HttpResponse.BodyHandlers.ofString());
                        break;
                    } catch (IOException notYet) {
                        if (System.nanoTime() > deadline || !p.isAlive()) {
                            throw new IllegalStateException("gateway did not start; see " + dir.resolve("gateway.log"));
                        }
                        Thread.sleep(100);
                    }
                }
                System.out.println("memory.bmcs=" + count);
                System.out.println("memory.jvm_flags=" + jvmFlags);
                System.out.println("memory.idle_rss_kib=" + proc(p.pid(), "VmRSS"));
                HttpRequest refresh = HttpRequest.newBuilder(base.resolve("/api/v1/bmcs?refresh=true"))
                        .header("Authorization", "Bearer " + KEY).timeout(Duration.ofSeconds(120)).build();
                for (int round = 0; round < 3; round++) {
                    long t0 = System.nanoTime();
                    HttpResponse<String> r = http.send(refresh, HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException("refresh answered " + r.statusCode());
                    }
                    System.out.printf(java.util.Locale.ROOT, "memory.refresh_%d_ms=%.0f%n", round, (System.nanoTime() - t0) / 1e6);
                }
                String health = http.send(HttpRequest.newBuilder(base.resolve("/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                System.out.println("memory.health=" + health);
                System.out.println("memory.rss_kib=" + proc(p.pid(), "VmRSS"));
                System.out.println("memory.peak_rss_kib=" + proc(p.pid(), "VmHWM"));
                System.out.println("memory.threads=" + proc(p.pid(), "Threads"));
            } finally {
                p.destroy();
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        }
    }

    private static String proc(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith(field + ":")) {
                return line.substring(field.length() + 1).trim().replace(" kB", "");
            }
        }
        return "n/a";
    }
}
