package dev.ipmi.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.gateway.auth.PasswordHash;
import dev.ipmi.gateway.auth.Secrets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The shaded {@code target/ipmi-gateway.jar} as users run it: the two hash commands, a bad config, a real start. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class GatewayJarIT {
    private static final Path JAR = Path.of("target", "ipmi-gateway.jar").toAbsolutePath();

    @TempDir
    Path dir;

    private record Result(int rc, String out, String err) {}

    private static List<String> java(String... args) {
        List<String> c = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        c.addAll(List.of(args));
        return c;
    }

    private Result run(String stdin, Map<String, String> env, String... args) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(java(args)).directory(dir.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        if (stdin != null) {
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread t = drain(p.getErrorStream(), err);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        t.join();
        return new Result(p.exitValue(), out, err.toString(StandardCharsets.UTF_8));
    }

    private static Thread drain(InputStream in, ByteArrayOutputStream to) {
        Thread t = new Thread(() -> {
            try {
                in.transferTo(to);
            } catch (IOException ignored) {
                // the process ended
            }
        });
        t.start();
        return t;
    }

    @Test
    void hashKeyMakesAKeyAndItsDigest() throws Exception {
        assertThat(JAR).as("the shaded jar (built in the package phase)").exists();
        Result r = run(null, Map.of(), "hash-key");
        assertThat(r.rc()).as(r.err()).isZero();
        String key = r.out().lines().filter(l -> l.startsWith("key:")).findFirst().orElseThrow().split("\\s+")[1];
        String sha = r.out().lines().filter(l -> l.startsWith("sha256:")).findFirst().orElseThrow().split("\\s+")[1];
        assertThat(key).hasSizeGreaterThanOrEqualTo(40);
        assertThat(sha).isEqualTo(Secrets.sha256Hex(key));
        Result fromStdin = run("my-own-key-0123456789\n", Map.of(), "hash-key", "--stdin");
        // SHA-256("my-own-key-0123456789") from coreutils: printf %s my-own-key-0123456789 | sha256sum
        assertThat(fromStdin.out().trim()).isEqualTo("sha256: 9b7d1fdb82bd2270b64e3a033b8d31b9a983a25cf8c45e978a17296c48949b73");
        assertThat(run("short\n", Map.of(), "hash-key", "--stdin").rc()).isEqualTo(2);
    }

    @Test
    void hashPasswordFromStdin() throws Exception {
        Result r = run("hunter22\n", Map.of(), "hash-password", "--iterations", "10000");
        assertThat(r.rc()).as(r.err()).isZero();
        String line = r.out().trim();
        assertThat(line).startsWith("pbkdf2-sha256$10000$");
        assertThat(PasswordHash.parse(line).matches("hunter22".toCharArray())).isTrue();
        assertThat(run("x\n", Map.of(), "hash-password", "--iterations", "5").rc()).isEqualTo(2);
    }

    @Test
    void badConfigStopsStartUpNamingKeyAndLine() throws Exception {
        Files.writeString(dir.resolve("gateway.yaml"), "listen: 127.0.0.1:0\nbmcs:\n  - name: a\n    host: h\n"
                + "    password_env: GW_TEST_UNSET_VARIABLE\n");
        Result r = run(null, Map.of(), "--config", "gateway.yaml");
        assertThat(r.rc()).isEqualTo(2);
        assertThat(r.err()).contains("line 5").contains("bmcs[0].password_env").contains("GW_TEST_UNSET_VARIABLE is not set");
        Files.writeString(dir.resolve("typo.yaml"), "listen: 127.0.0.1:0\nlisten_addr: x\n");
        Result typo = run(null, Map.of(), "--config", "typo.yaml");
        assertThat(typo.rc()).isEqualTo(2);
        assertThat(typo.err()).contains("line 2").contains("listen_addr").contains("unknown key");
        assertThat(run(null, Map.of()).rc()).isEqualTo(2);
    }

    @Test
    void startsServesAndStops() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String key = "jar-test-key-0123456789abcdef";
        try (VirtualBmcs bmcs = VirtualBmcs.start(1)) {
            Files.writeString(dir.resolve("gateway.yaml"), "listen: 127.0.0.1:" + port + "\n"
                    + "bmcs:\n  - {name: node01, host: 127.0.0.1, port: " + bmcs.port(0) + ", username: admin,"
                    + " password_env: NODE01_PASSWORD}\n"
                    + "api_keys:\n  - {name: ci, sha256: " + Secrets.sha256Hex(key) + ", role: operator}\n");
            ProcessBuilder pb = new ProcessBuilder(java("--config", "gateway.yaml")).directory(dir.toFile());
            pb.environment().put("NODE01_PASSWORD", VirtualBmcs.PASSWORD);
            Process p = pb.start();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Thread te = drain(p.getErrorStream(), err);
            Thread to = drain(p.getInputStream(), out);
            try {
                Http http = new Http(URI.create("http://127.0.0.1:" + port + "/"));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                Http.Resp health = null;
                while (System.nanoTime() < deadline) {
                    try {
                        health = http.get("/health", null);
                        break;
                    } catch (AssertionError notYet) {
                        Thread.sleep(100);
                    }
                }
                assertThat(health).as("gateway answered /health; stderr: " + err).isNotNull();
                assertThat(health.status()).isEqualTo(200);
                Http.Resp on = http.post("/api/v1/bmcs/node01/power", key, "{\"action\":\"on\",\"wait\":true}");
                assertThat(on.status()).as(on.toString()).isEqualTo(200);
                assertThat(bmcs.powerOn(0)).isTrue();
                assertThat(http.get("/", null).body()).contains("xterm.js");
                assertThat(http.get("/webjars/xterm/4.9.0/lib/xterm.js", null).status()).isEqualTo(200);
            } finally {
                p.destroy();
                assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
                te.join();
                to.join();
            }
            String log = err.toString(StandardCharsets.UTF_8) + out.toString(StandardCharsets.UTF_8);
            assertThat(log).contains("audit who=key:ci action=power.on bmc=node01 result=ok");
            assertThat(log).doesNotContain(VirtualBmcs.PASSWORD).doesNotContain(key);
        }
    }
}
