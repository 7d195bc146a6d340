package dev.ipmi.gateway.exporter;

import dev.ipmi.testing.IpmiSim;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** External programs the exporter ITs start, each on a free loopback port and stopped by its pid. */
final class Peers {
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Peers() {}

    /** Skips (or, when integration tests are required, fails) when {@code tool} is not installed. */
    static void require(String tool, String pkg) {
        if (IpmiSim.onPath(tool)) {
            return;
        }
        String msg = tool + " not installed (apt-get install " + pkg + ")";
        if (Boolean.getBoolean("ipmi.it.required")) {
            throw new IllegalStateException(msg + " but ipmi.it.required=true");
        }
        System.err.println("SKIPPED integration test: " + msg);
        Assumptions.abort(msg);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** A started program; {@link #close()} kills it by pid and waits. */
    record Program(Process process, Path log) implements AutoCloseable {
        static Program start(List<String> command, Path dir, String name) throws IOException {
            Path log = dir.resolve(name + ".log");
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            return new Program(p, log);
        }

        long pid() {
            return process.pid();
        }

        String output() {
            try {
                return java.nio.file.Files.readString(log);
            } catch (IOException e) {
                return "(no log: " + e + ")";
            }
        }

        @Override
        public void close() {
            ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroy);
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroyForcibly);
                    process.waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Polls {@code url} until it answers 200 (bounded by {@code timeout}). */
    static void awaitHttp(String url, Duration timeout, Program p) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (!p.process().isAlive()) {
                throw new IllegalStateException("exited with " + p.process().exitValue() + ": " + p.output());
            }
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(url + " did not answer within " + timeout + ": " + p.output());
    }

    static HttpResponse<String> get(String url, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
