package dev.ipmi.gateway;

import dev.ipmi.gateway.auth.PasswordHash;
import dev.ipmi.gateway.auth.Secrets;
import dev.ipmi.gateway.bmc.FleetBmcAccess;
import dev.ipmi.gateway.config.ConfigException;
import dev.ipmi.gateway.config.ConfigLoader;
import dev.ipmi.gateway.config.GatewayConfig;
import dev.ipmi.gateway.http.GatewayServer;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar ipmi-gateway.jar --config gateway.yaml}, {@code hash-key} and
 * {@code hash-password}. Exit codes: 0 ok, 1 runtime failure, 2 bad arguments or configuration.
 */
public final class Main {
    private static final String USAGE = String.join("\n",
            "usage: java -jar ipmi-gateway.jar --config gateway.yaml [--exporter-config ipmi_remote.yml]",
            "       java -jar ipmi-gateway.jar exporter --config ipmi_remote.yml [--listen HOST:PORT]   Prometheus exporter only",
            "       java -jar ipmi-gateway.jar hash-key [--stdin]        new API key (or one read from stdin) and its sha256",
            "       java -jar ipmi-gateway.jar hash-password [--iterations N]   password (asked, or one line of stdin) to password_hash",
            "       java -jar ipmi-gateway.jar client [--url URL] login|power -h HOSTS status|...   the console's command line (client --help)");

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> a = Arrays.asList(args);
        if (!a.isEmpty() && a.get(0).equals("client")) {
            // before the -h check below: the client's -h names hosts, as in FreeIPMI
            return dev.ipmi.gateway.client.GatewayCli.run(a.subList(1, a.size()), out, err);
        }
        try {
            if (a.isEmpty() || a.contains("--help") || a.contains("-h")) {
                (a.isEmpty() ? err : out).println(USAGE);
                return a.isEmpty() ? 2 : 0;
            }
            switch (a.get(0)) {
                case "hash-key" -> {
                    return hashKey(a.subList(1, a.size()), out, err);
                }
                case "hash-password" -> {
                    return hashPassword(a.subList(1, a.size()), out, err);
                }
                case "exporter" -> {
                    return dev.ipmi.gateway.exporter.ExporterMain.run(a.subList(1, a.size()), err);
                }
                case "--config" -> {
                    if (a.size() == 4 && a.get(2).equals("--exporter-config")) {
                        return serve(Path.of(a.get(1)), Path.of(a.get(3)), err);
                    }
                    if (a.size() != 2) {
                        err.println(USAGE);
                        return 2;
                    }
                    return serve(Path.of(a.get(1)), null, err);
                }
                default -> {
                    err.println("unknown argument '" + a.get(0) + "'\n" + USAGE);
                    return 2;
                }
            }
        } catch (IOException e) {
            err.println("ipmi-gateway: " + e.getMessage());
            return 1;
        }
    }

    private static int serve(Path file, Path exporterFile, PrintStream err) {
        GatewayConfig config;
        dev.ipmi.gateway.exporter.ExporterConfig exporterConfig;
        try {
            config = ConfigLoader.load(file);
        } catch (ConfigException e) {
            err.println("ipmi-gateway: " + file + ": " + e.getMessage());
            return 2;
        }
        try {
            exporterConfig = exporterFile == null ? dev.ipmi.gateway.exporter.ExporterConfig.empty()
                    : dev.ipmi.gateway.exporter.ExporterConfig.load(exporterFile);
        } catch (ConfigException e) {
            err.println("ipmi-gateway: " + exporterFile + ": " + e.getMessage());
            return 2;
        }
        GatewayServer server;
        dev.ipmi.gateway.exporter.ExporterRoutes exporter;
        try {
            FleetBmcAccess access = new FleetBmcAccess(config);
            exporter = dev.ipmi.gateway.exporter.ExporterMain.routes(exporterConfig, access, config);
            server = GatewayServer.start(config, access, List.of(exporter));
        } catch (RuntimeException e) {
            err.println("ipmi-gateway: cannot start: " + e.getMessage());
            return 1;
        }
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            exporter.close();
            stop.countDown();
        }, "gateway-shutdown"));
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static int hashKey(List<String> args, PrintStream out, PrintStream err) throws IOException {
        String key;
        if (args.equals(List.of("--stdin"))) {
            key = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (key == null || key.isBlank()) {
                err.println("hash-key: no key on standard input");
                return 2;
            }
            key = key.strip();
            if (key.length() < 16) {
                err.println("hash-key: a key needs at least 16 characters");
                return 2;
            }
        } else if (args.isEmpty()) {
            key = Secrets.randomToken(32);
            out.println("key:    " + key + "    (give this to the client; it is not stored anywhere)");
        } else {
            err.println(USAGE);
            return 2;
        }
        out.println("sha256: " + Secrets.sha256Hex(key));
        return 0;
    }

    private static int hashPassword(List<String> args, PrintStream out, PrintStream err) throws IOException {
        int iterations = PasswordHash.DEFAULT_ITERATIONS;
        if (args.size() == 2 && args.get(0).equals("--iterations")) {
            try {
                iterations = Integer.parseInt(args.get(1));
            } catch (NumberFormatException e) {
                err.println("hash-password: --iterations needs a number");
                return 2;
            }
            if (iterations < 10_000 || iterations > 10_000_000) {
                err.println("hash-password: --iterations must be 10000..10000000");
                return 2;
            }
        } else if (!args.isEmpty()) {
            err.println(USAGE);
            return 2;
        }
        char[] password;
        Console console = System.console();
        if (console != null) {
            password = console.readPassword("password: ");
            char[] again = console.readPassword("again: ");
            if (password == null || again == null || !Arrays.equals(password, again)) {
                err.println("hash-password: the passwords differ");
                return 2;
            }
            Arrays.fill(again, '\0');
        } else {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null) {
                err.println("hash-password: no password on standard input");
                return 2;
            }
            password = line.toCharArray();
        }
        if (password.length == 0) {
            err.println("hash-password: empty password");
            return 2;
        }
        out.println(PasswordHash.create(password, iterations));
        Arrays.fill(password, '\0');
        return 0;
    }
}
