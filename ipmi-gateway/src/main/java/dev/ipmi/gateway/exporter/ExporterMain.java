package dev.ipmi.gateway.exporter;

import dev.ipmi.gateway.bmc.BmcAccess;
import dev.ipmi.gateway.config.ConfigException;
import dev.ipmi.gateway.config.GatewayConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * {@code ipmi-gateway.jar exporter --config ipmi_remote.yml [--listen HOST:PORT]}. ipmi_exporter's
 * own flag spellings ({@code --config.file=…}, {@code --web.listen-address=…}) are accepted too,
 * so a unit file can switch binaries without other changes.
 */
public final class ExporterMain {
    static final String USAGE = "usage: java -jar ipmi-gateway.jar exporter --config ipmi_remote.yml [--listen HOST:PORT]"
            + " [--web.config.file=FILE]"
            + "\n       (also --config.file=FILE and --web.listen-address=HOST:PORT, as ipmi_exporter; default :9290;"
            + "\n       --web.config.file: exporter-toolkit's TLS and basic_auth_users; POST /-/reload re-reads --config)";

    private ExporterMain() {}

    /** The exporter's routes for the gateway, with the gateway's BMC names as targets too. */
    public static ExporterRoutes routes(ExporterConfig config, BmcAccess access, GatewayConfig gateway) {
        Exporter exporter = new Exporter(config, Optional.of(access),
                gateway.bmcs().stream().map(GatewayConfig.Bmc::name).collect(Collectors.toSet()), true);
        return new ExporterRoutes(exporter);
    }

    /**
     * SIGHUP reloads the config file, as it does for ipmi_exporter (a unit file's
     * {@code ExecReload=kill -HUP $MAINPID} keeps working). {@code sun.misc.Signal} is the JDK's
     * only way to take a signal; where it is missing, {@code POST /-/reload} still works. Installed
     * before the server listens, so a SIGHUP sent as soon as the port answers cannot take the JVM's
     * default action (shutdown); one that comes before the server exists has nothing to reload yet.
     * A process started with SIGHUP ignored (under {@code nohup}) keeps ignoring it: the JVM does
     * not take over an ignored shutdown signal, so that is said once on stderr.
     */
    private static void onHangUp(AtomicReference<ExporterServer> server, PrintStream err) {
        try {
            sun.misc.SignalHandler previous = sun.misc.Signal.handle(new sun.misc.Signal("HUP"), s -> {
                ExporterServer running = server.get();
                if (running == null) {
                    return;
                }
                try {
                    running.reload();
                } catch (ConfigException e) {
                    // logged by reload; the last good configuration stays
                }
            });
            if (previous == sun.misc.SignalHandler.SIG_IGN) {
                err.println("ipmi-gateway exporter: SIGHUP is ignored in this process (started under nohup?);"
                        + " use POST /-/reload to re-read the configuration");
            }
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            err.println("ipmi-gateway exporter: SIGHUP cannot be handled here (" + e.getMessage()
                    + "); use POST /-/reload");
        }
    }

    public static int run(List<String> args, PrintStream err) {
        String config = null;
        String listen = ":9290";
        String webConfig = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if ((a.equals("--config") || a.equals("--config.file")) && i + 1 < args.size()) {
                config = args.get(++i);
            } else if (a.startsWith("--config.file=")) {
                config = a.substring("--config.file=".length());
            } else if ((a.equals("--listen") || a.equals("--web.listen-address")) && i + 1 < args.size()) {
                listen = args.get(++i);
            } else if (a.startsWith("--web.listen-address=")) {
                listen = a.substring("--web.listen-address=".length());
            } else if (a.equals("--web.config.file") && i + 1 < args.size()) {
                webConfig = args.get(++i);
            } else if (a.startsWith("--web.config.file=")) {
                webConfig = a.substring("--web.config.file=".length());
            } else {
                err.println("exporter: unknown argument '" + a + "'\n" + USAGE);
                return 2;
            }
        }
        ExporterConfig cfg;
        try {
            cfg = config == null ? ExporterConfig.empty() : ExporterConfig.load(Path.of(config));
        } catch (ConfigException e) {
            err.println("ipmi-gateway exporter: " + config + ": " + e.getMessage());
            return 2;
        }
        WebConfig web;
        try {
            web = webConfig == null ? new WebConfig(Optional.empty(), Map.of())
                    : WebConfig.load(Path.of(webConfig));
        } catch (ConfigException e) {
            err.println("ipmi-gateway exporter: " + webConfig + ": " + e.getMessage());
            return 2;
        }
        int colon = listen.lastIndexOf(':');
        int port;
        try {
            port = Integer.parseInt(listen.substring(colon + 1));
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            err.println("exporter: --listen needs HOST:PORT or :PORT, found '" + listen + "'");
            return 2;
        }
        String host = colon <= 0 ? "0.0.0.0" : listen.substring(0, colon).replace("[", "").replace("]", "");
        AtomicReference<ExporterServer> started = new AtomicReference<>();
        onHangUp(started, err);
        ExporterServer server;
        try {
            server = ExporterServer.start(cfg, Optional.ofNullable(config).map(Path::of), web, host, port);
        } catch (RuntimeException e) {
            err.println("ipmi-gateway exporter: cannot start: " + e.getMessage());
            return 1;
        }
        started.set(server);
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stop.countDown();
        }, "exporter-shutdown"));
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
