package dev.ipmi.gateway;

import static dev.ipmi.gateway.GatewayFixture.VIEWER_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two gateway replicas on the same configuration behind a real nginx that hashes on the BMC name
 * ({@code hash $bmc consistent}, the map and upstream of the README): every request for a BMC lands
 * on one replica, so each BMC holds exactly one session, opened by that replica; when a replica
 * stops, nginx moves its BMCs to the other, which opens their sessions and serves them. The console
 * WebSocket passes through the same configuration to the BMC's replica.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class GatewayReplicasIT {
    /**
     * Enough BMCs that the hash gives each replica some: the ring positions depend on the replicas'
     * (random) ports, and all 16 names falling on one replica has a probability of about 2^-15.
     */
    private static final int BMCS = 16;

    @TempDir
    Path dir;

    private static Path nginx() {
        for (String p : List.of("/usr/sbin/nginx", "/usr/bin/nginx")) {
            if (Files.isExecutable(Path.of(p))) {
                return Path.of(p);
            }
        }
        String msg = "nginx not installed (apt-get install nginx-light)";
        if (Boolean.getBoolean("ipmi.it.required")) {
            throw new IllegalStateException(msg + " but ipmi.it.required=true");
        }
        System.err.println("SKIPPED integration test GatewayReplicasIT: " + msg);
        Assumptions.abort(msg);
        return null;
    }

    private static String name(int i) {
        return String.format("node%02d", i + 1);
    }

    @Test
    void eachBmcStaysOnOneReplicaAndTheOtherTakesOverWhenOneStops() throws Exception {
        Path nginx = nginx();
        try (VirtualBmcs bmcs = VirtualBmcs.start(BMCS)) {
            StringBuilder list = new StringBuilder();
            for (int i = 0; i < BMCS; i++) {
                list.append(GatewayVirtualBmcIT.bmc(name(i), bmcs.port(i), "{}"));
            }
            Map<String, String> env = Map.of("BMC_PASSWORD", VirtualBmcs.PASSWORD);
            GatewayFixture a = GatewayFixture.start(list.toString(), "", env);
            GatewayFixture b = GatewayFixture.start(list.toString(), "", env);
            Process lb = null;
            try {
                int port = freePort();
                lb = startNginx(nginx, port, a.port(), b.port());
                Http http = new Http(URI.create("http://127.0.0.1:" + port + "/"));
                String addrA = "127.0.0.1:" + a.port();
                String addrB = "127.0.0.1:" + b.port();

                Map<String, String> replicaOf = new HashMap<>();
                for (int round = 0; round < 3; round++) {
                    for (int i = 0; i < BMCS; i++) {
                        Http.Resp r = http.get("/api/v1/bmcs/" + name(i) + "/power", VIEWER_KEY);
                        assertThat(r.status()).as(r.toString()).isEqualTo(200);
                        String upstream = r.headers().firstValue("X-Upstream").orElseThrow();
                        String first = replicaOf.putIfAbsent(name(i), upstream);
                        assertThat(upstream).as(name(i) + " round " + round).isEqualTo(first == null ? upstream : first);
                    }
                }
                assertThat(new HashSet<>(replicaOf.values())).as("both replicas serve some BMCs").containsExactlyInAnyOrder(addrA, addrB);
                long onA = replicaOf.values().stream().filter(addrA::equals).count();
                assertThat(sessionsOpen(a.http())).as("replica A's sessions: one per BMC it serves").isEqualTo(onA);
                assertThat(sessionsOpen(b.http())).as("replica B's sessions").isEqualTo(BMCS - onA);
                for (int i = 0; i < BMCS; i++) {
                    assertThat(bmcs.sessions(i)).as("sessions at " + name(i) + " after 3 requests").isEqualTo(1);
                }

                // the console WebSocket through the balancer, on the replica that owns the BMC
                GatewayFixture owner = replicaOf.get("node01").equals(addrA) ? a : b;
                try (WsClient console = WsClient.open(http, "/api/v1/bmcs/node01/console", GatewayFixture.OPERATOR_KEY)) {
                    console.awaitText(t -> t.contains("\"open\""), "console open through nginx");
                    console.send("via nginx\r");
                    console.awaitOutput("you typed: via nginx");
                    assertThat(owner.server().consoles().openConsoles()).as("the console is on node01's replica").isEqualTo(1);
                }
                WsClient.await(() -> owner.server().consoles().openConsoles() == 0 && bmcs.sessions(0) == 1,
                        "the console closed through nginx, its session at node01 too");

                a.close();
                Set<String> movedToB = new HashSet<>();
                for (int round = 0; round < 2; round++) {
                    for (int i = 0; i < BMCS; i++) {
                        Http.Resp r = http.get("/api/v1/bmcs/" + name(i) + "/power", VIEWER_KEY);
                        assertThat(r.status()).as(name(i) + " with replica A stopped: " + r).isEqualTo(200);
                        String upstream = r.headers().firstValue("X-Upstream").orElseThrow();
                        // a request nginx first sent to the stopped replica lists both addresses
                        assertThat(upstream).as(name(i)).endsWith(addrB);
                        if (addrA.equals(replicaOf.get(name(i)))) {
                            movedToB.add(name(i));
                        }
                    }
                }
                assertThat(movedToB).hasSize((int) onA);
                assertThat(sessionsOpen(b.http())).as("replica B now holds a session for every BMC").isEqualTo(BMCS);
                for (int i = 0; i < BMCS; i++) {
                    assertThat(bmcs.sessions(i)).as("sessions at " + name(i) + ": A closed its own when it stopped").isEqualTo(1);
                }
            } finally {
                if (lb != null) {
                    lb.destroy();
                    if (!lb.waitFor(10, TimeUnit.SECONDS)) {
                        lb.destroyForcibly();
                    }
                }
                a.close();
                b.close();
            }
        }
    }

    private static int sessionsOpen(Http http) {
        return http.get("/health", null).json().get("pool").get("sessions_open").asInt();
    }

    /** nginx in the foreground (stopped by its pid), with the README's map, upstream and proxy settings. */
    private Process startNginx(Path nginx, int port, int a, int b) throws Exception {
        for (String d : List.of("body", "proxy", "fastcgi", "uwsgi", "scgi")) {
            Files.createDirectories(dir.resolve(d));
        }
        String conf = """
                daemon off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log info;
                events { worker_connections 128; }
                http {
                    access_log off;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    map $uri $bmc {
                        ~^/api/v1/bmcs/(?<name>[^/]+)   $name;
                        default                          $request_id;
                    }
                    upstream ipmi_gateway {
                        hash $bmc consistent;
                        server 127.0.0.1:%3$d;
                        server 127.0.0.1:%4$d;
                    }
                    server {
                        listen 127.0.0.1:%2$d;
                        location / {
                            proxy_pass http://ipmi_gateway;
                            proxy_http_version 1.1;
                            proxy_set_header Upgrade $http_upgrade;
                            proxy_set_header Connection "upgrade";
                            proxy_read_timeout 1h;
                            add_header X-Upstream $upstream_addr always;
                        }
                    }
                }
                """.formatted(dir.toAbsolutePath(), port, a, b);
        Path file = dir.resolve("nginx.conf");
        Files.writeString(file, conf);
        Process p = new ProcessBuilder(nginx.toString(), "-p", dir.toAbsolutePath().toString(), "-c", file.toString(),
                "-e", dir.resolve("error.log").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new AssertionError("nginx exited " + p.exitValue() + ": " + Files.readString(dir.resolve("nginx.out"))
                        + (Files.exists(dir.resolve("error.log")) ? Files.readString(dir.resolve("error.log")) : ""));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return p;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        p.destroyForcibly();
        throw new AssertionError("nginx did not listen on 127.0.0.1:" + port + " within 20 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
