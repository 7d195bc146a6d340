package dev.ipmi.examples.cli;

import dev.ipmi.core.commands.chassis.PowerAction;
import dev.ipmi.core.types.AuthType;
import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.core.types.CipherSuite;
import dev.ipmi.bmc.BmcBackend;
import dev.ipmi.bmc.CommandBackend;
import dev.ipmi.bmc.InMemoryBackend;
import dev.ipmi.bmc.BmcQuirk;
import dev.ipmi.bmc.VirtualBmc;
import dev.ipmi.bmc.VirtualBmcConfig;
import dev.ipmi.bmc.VirtualBmcAdmin;
import dev.ipmi.bmc.VirtualBmcFleet;
import dev.ipmi.bmc.VirtualBmcServer;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ipmi virtual-bmc}: runs virtual BMCs until interrupted. */
@Command(name = "virtual-bmc", mixinStandardHelpOptions = true, subcommands = VirtualBmcAdminCommand.class,
        description = {"Runs a virtual BMC (IPMI 1.5 and RMCP+) until interrupted.",
                "Without --on/--off/--status it simulates a small server; with them it is a bridge that runs "
                        + "shell commands (e.g. --on 'virsh start vm1' --off 'virsh destroy vm1' "
                        + "--status 'virsh domstate vm1').",
                "With --config FILE it runs every BMC of a YAML file (name, address, port, users, cipher suites, "
                        + "quirks, simulated or command-template backend, SOL console socket), re-reads the file "
                        + "when it changes (BMCs added, removed or changed while running) and keeps power and boot "
                        + "device in a state file (--state, default FILE.state). With admin-socket: PATH in FILE, "
                        + "'ipmi virtual-bmc admin list|show|add|remove' changes it while running."})
public final class VirtualBmcCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", description = "UDP port (default ${DEFAULT-VALUE}; 0 = any free port)",
            defaultValue = "6230")
    int port;

    @Option(names = "--bind", description = "address to listen on (default ${DEFAULT-VALUE})",
            defaultValue = "127.0.0.1")
    String bind;

    @Option(names = "--count", description = "number of BMCs on consecutive ports (default ${DEFAULT-VALUE})",
            defaultValue = "1")
    int count;

    @Option(names = "--user", description = "user name (default ${DEFAULT-VALUE})", defaultValue = "admin")
    String user;

    @Option(names = "--password", description = "password (or set IPMI_PASSWORD)", interactive = false)
    String password;

    @Option(names = "--privilege", description = "the user's maximum privilege (default ${DEFAULT-VALUE})",
            defaultValue = "ADMINISTRATOR")
    String privilege;

    @Option(names = "--cipher-suites", split = ",", description = "RMCP+ suites offered (default 3,17)")
    List<Integer> suites = new ArrayList<>(List.of(3, 17));

    @Option(names = "--auth-types", split = ",",
            description = "IPMI 1.5 auth types: none, md2, md5, password (default md5,password)")
    List<String> authTypes = new ArrayList<>(List.of("md5", "password"));

    @Option(names = {"-k", "--kg"}, description = "BMC key K_G (text)")
    String kg;

    @Option(names = "--quirk", converter = QuirkConverter.class, completionCandidates = QuirkNames.class,
            description = "vendor fault to reproduce (repeatable), by FreeIPMI's workaround flag name: "
                    + "${COMPLETION-CANDIDATES}")
    List<BmcQuirk> quirks = new ArrayList<>();

    /** FreeIPMI's flag names ({@code opensesspriv}) or the constant names, any case. */
    static final class QuirkConverter implements picocli.CommandLine.ITypeConverter<BmcQuirk> {
        @Override
        public BmcQuirk convert(String value) {
            try {
                return BmcQuirk.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    static final class QuirkNames extends ArrayList<String> {
        QuirkNames() {
            super(Arrays.stream(BmcQuirk.values()).map(BmcQuirk::displayName).toList());
        }
    }

    @Option(names = "--on", description = "shell command for power on") String on;
    @Option(names = "--off", description = "shell command for power off") String off;
    @Option(names = "--cycle", description = "shell command for power cycle") String cycle;
    @Option(names = "--reset", description = "shell command for hard reset") String reset;
    @Option(names = "--soft", description = "shell command for soft shutdown") String soft;
    @Option(names = "--status", description = "shell command printing the power state") String status;

    @Option(names = "--config", description = "YAML file of BMCs (see the README); the other options are ignored")
    java.nio.file.Path config;

    @Option(names = "--state", description = "state file for --config (default: the config file's name + .state)")
    java.nio.file.Path stateFile;

    @Option(names = "--session-limit", paramLabel = "N",
            description = "sessions each BMC holds at once; a login beyond it answers \"insufficient resources\" "
                    + "(default ${DEFAULT-VALUE})", defaultValue = "8")
    int sessionLimit;

    @Option(names = "--idle-timeout", description = "session idle timeout in seconds (default ${DEFAULT-VALUE})",
            defaultValue = "60")
    int idleSeconds;

    @Option(names = "--latency", paramLabel = "MS",
            description = "simulated service time per reply in ms, as a BMC's firmware takes (default ${DEFAULT-VALUE})",
            defaultValue = "0")
    int latencyMs;

    @Option(names = "--jitter", paramLabel = "MS",
            description = "random extra time per reply, 0..MS ms (default: a quarter of --latency)")
    Integer jitterMs;

    @Option(names = "--ports-file", paramLabel = "FILE",
            description = "write host:port of every BMC to FILE, one a line (with --port 0: any free ports), "
                    + "for ipmi --hosts-file and fleet tests")
    java.nio.file.Path hostsFile;

    @Override
    public void run() {
        if (config != null) {
            runConfig();
            return;
        }
        PrintWriter out = spec.commandLine().getOut();
        String pw = password != null ? password : System.getenv("IPMI_PASSWORD");
        if (pw == null || pw.isEmpty()) {
            throw new CliException("Error: --password (or IPMI_PASSWORD) is required");
        }
        if (count < 1 || count > 10_000) {
            throw new CliException("Error: --count must be 1..10000");
        }
        if (latencyMs < 0 || latencyMs > 60_000 || (jitterMs != null && (jitterMs < 0 || jitterMs > 60_000))) {
            throw new CliException("Error: --latency and --jitter must be 0..60000 ms");
        }
        if (sessionLimit < 1 || sessionLimit > 64) {
            throw new CliException("Error: --session-limit must be 1..64");
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new CliException("Error: cannot resolve --bind " + bind);
        }
        List<CipherSuite> offered = suites.stream().map(CipherSuite::of).toList();
        Set<AuthType> types = new LinkedHashSet<>();
        for (String t : authTypes) {
            types.add(AuthType.parse(t.toUpperCase(Locale.ROOT)));
        }
        CountDownLatch stop = new CountDownLatch(1);
        VirtualBmcServer server = VirtualBmcServer.start(address);
        List<CommandBackend> bridges = new ArrayList<>();
        List<String> hosts = new ArrayList<>(count);
        try {
            for (int i = 0; i < count; i++) {
                BmcBackend backend = backend(i, bridges);
                VirtualBmc.Builder b = VirtualBmc.builder()
                        .port(port == 0 ? 0 : port + i)
                        .user(user, pw, PrivilegeLevel.parse(privilege))
                        .cipherSuites(offered)
                        .authTypes(types)
                        .quirks(Set.copyOf(quirks))
                        .idleTimeout(Duration.ofSeconds(idleSeconds))
                        .sessionLimit(sessionLimit)
                        .serviceTime(Duration.ofMillis(latencyMs),
                                Duration.ofMillis(jitterMs != null ? jitterMs : latencyMs / 4))
                        .backend(backend);
                if (kg != null) {
                    b.kg(kg.getBytes(StandardCharsets.UTF_8));
                }
                VirtualBmc bmc = b.build();
                var bound = server.add(bmc);
                hosts.add(bound.getAddress().getHostAddress() + ":" + bound.getPort());
                if (i == 0 || i == count - 1) {
                    out.printf("virtual BMC listening on %s:%d (RMCP+ suites %s; IPMI 1.5 %s; %s)%n",
                            bound.getAddress().getHostAddress(), bound.getPort(),
                            suites.stream().map(String::valueOf).reduce((x, y) -> x + "," + y).orElse("none"),
                            types.isEmpty() ? "off" : String.join(",", authTypes),
                            bridges.isEmpty() ? "simulated server" : "command bridge");
                } else if (i == 1) {
                    out.println("...");
                }
            }
            if (hostsFile != null) {
                try {
                    java.nio.file.Files.write(hostsFile, hosts, StandardCharsets.UTF_8);
                } catch (java.io.IOException e) {
                    throw new CliException("Error: cannot write --ports-file " + hostsFile + ": " + e.getMessage());
                }
            }
            out.println("Ctrl-C to stop");
            out.flush();
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            server.close();
            bridges.forEach(CommandBackend::close);
        }
    }

    private static final long RELOAD_MILLIS = 1000;

    /** {@code --config}: the fleet of the file, reloaded when the file changes, until interrupted. */
    private void runConfig() {
        PrintWriter out = spec.commandLine().getOut();
        VirtualBmcConfig parsed = readConfig();
        java.nio.file.Path state = stateFile != null ? stateFile
                : config.resolveSibling(config.getFileName() + ".state");
        try (VirtualBmcServer server = VirtualBmcServer.start();
             VirtualBmcFleet fleet = new VirtualBmcFleet(server, java.util.Optional.of(state));
             VirtualBmcAdmin admin = new VirtualBmcAdmin(fleet, VirtualBmcAdmin.directoryFor(config))) {
            admin.apply(parsed);
            try {
                parsed.adminSocket().ifPresent(admin::listen);
            } catch (java.io.UncheckedIOException e) {
                throw new CliException("Error: " + e.getMessage());
            }
            printFleet(out, fleet);
            parsed.adminSocket().ifPresent(s -> out.println("admin commands on " + s
                    + " (ipmi virtual-bmc admin --config " + config + " list)"));
            out.println("watching " + config + " for changes; state in " + state + "; Ctrl-C to stop");
            out.flush();
            long modified = modified();
            for (;;) {
                Thread.sleep(RELOAD_MILLIS);
                fleet.saveState();
                long now = modified();
                if (now == modified) {
                    continue;
                }
                modified = now;
                try {
                    VirtualBmcFleet.Changes c = admin.apply(readConfig());
                    if (!c.isEmpty()) {
                        out.printf("reloaded %s: added %s, removed %s, changed %s%n", config, c.added(), c.removed(),
                                c.replaced());
                        printFleet(out, fleet);
                        out.flush();
                    }
                } catch (CliException e) {
                    spec.commandLine().getErr().println(e.getMessage() + " (the running BMCs are kept)");
                    spec.commandLine().getErr().flush();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long modified() {
        try {
            return java.nio.file.Files.getLastModifiedTime(config).toMillis()
                    ^ java.nio.file.Files.size(config);
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    private VirtualBmcConfig readConfig() {
        String text;
        try {
            text = java.nio.file.Files.readString(config);
        } catch (java.io.IOException e) {
            throw new CliException("Error: cannot read --config " + config + ": " + e.getMessage());
        }
        try {
            return VirtualBmcConfig.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CliException("Error: " + config + ": " + e.getMessage());
        }
    }

    private static void printFleet(PrintWriter out, VirtualBmcFleet fleet) {
        for (VirtualBmcFleet.Running r : fleet.list()) {
            out.printf("%s listening on %s:%d (%s, power %s)%n", r.name(), r.address().getAddress().getHostAddress(),
                    r.address().getPort(), r.backend(), r.powerOn() ? "on" : "off");
        }
    }

    private BmcBackend backend(int instance, List<CommandBackend> bridges) {
        InMemoryBackend sim = InMemoryBackend.builder().instance(instance).build();
        Map<PowerAction, String> actions = new HashMap<>();
        put(actions, PowerAction.POWER_UP, on);
        put(actions, PowerAction.POWER_DOWN, off);
        put(actions, PowerAction.POWER_CYCLE, cycle);
        put(actions, PowerAction.HARD_RESET, reset);
        put(actions, PowerAction.SOFT_SHUTDOWN, soft);
        if (actions.isEmpty() && status == null) {
            return sim;
        }
        CommandBackend bridge = new CommandBackend(actions, status, sim, System::nanoTime);
        bridges.add(bridge);
        return bridge;
    }

    private static void put(Map<PowerAction, String> m, PowerAction a, String command) {
        if (command != null && !command.isBlank()) {
            m.put(a, command);
        }
    }

    @Override
    public String toString() {
        return "VirtualBmcCommand" + Arrays.asList(port, count);
    }
}
