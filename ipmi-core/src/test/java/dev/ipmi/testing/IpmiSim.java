package dev.ipmi.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Assumptions;

/**
 * Test fixture: one OpenIPMI {@code ipmi_sim} BMC on a free 127.0.0.1 UDP port, with the lab's
 * configuration (users, sensors, SDRs, SEL, FRU, fake chassis and LAN scripts) kept in this
 * project under {@code src/test/resources/ipmi_sim/}, and a {@link SolBackend} behind its SOL.
 *
 * <p>When {@code ipmi_sim} is not installed the calling test is skipped with a visible message,
 * unless the system property {@code ipmi.it.required=true} (set by {@code .ci/run}) makes it a
 * failure.
 *
 * <p>Users: admin/password (ADMINISTRATOR, uid 2), operator/operpass (OPERATOR, 3), user/userpass
 * (USER, 4).
 */
public final class IpmiSim implements AutoCloseable {
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "password";
    public static final String OPERATOR = "operator";
    public static final String OPERATOR_PASSWORD = "operpass";
    public static final String USER = "user";
    public static final String USER_PASSWORD = "userpass";

    private static final String[] RESOURCES = {
        "lan.conf.in", "lab.emu", "lab.sdrs", "chassis-control.sh", "lan-control.sh"
    };

    private final Path stateDir;
    private final int port;
    private final int consolePort;
    private final String kg;
    private final SolBackend sol;
    private final Process process;

    private IpmiSim(Builder b) throws IOException, InterruptedException {
        requireTools();
        this.kg = b.kg;
        this.stateDir = Files.createTempDirectory("ipmi-sim-");
        Path lab = stateDir.resolve("lab");
        Files.createDirectories(lab);
        for (String name : RESOURCES) {
            try (InputStream in = IpmiSim.class.getResourceAsStream("/ipmi_sim/" + name)) {
                Objects.requireNonNull(in, "test resource /ipmi_sim/" + name + " missing");
                Path p = lab.resolve(name);
                Files.copy(in, p);
                if (name.endsWith(".sh")) {
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
        }
        if (b.emuEdit != null) {
            Path emu = lab.resolve("lab.emu");
            Files.writeString(emu, b.emuEdit.apply(Files.readString(emu)));
        }
        Path persist = stateDir.resolve("ipmi_sim").resolve("labbmc");
        Files.createDirectories(persist);
        run(List.of("sdrcomp", "-8", "-o", persist.resolve("sdr.20.main").toString(),
                lab.resolve("lab.sdrs").toString()), stateDir);

        this.sol = b.sol ? new SolBackend() : null;
        this.port = b.port > 0 ? b.port : freeUdpPort();
        this.consolePort = freeTcpPort();
        String conf = Files.readString(lab.resolve("lan.conf.in"))
                .replace("@NAME@", "labbmc")
                .replace("@PORT@", Integer.toString(port))
                .replace("@CONSOLE_PORT@", Integer.toString(consolePort))
                .replace("@SOL_PORT@", Integer.toString(sol == null ? 0 : sol.port()))
                .replace("@LABDIR@", stateDir.toString())
                .replace("@STATEDIR@", stateDir.toString())
                .replace("@KG_LINE@", kg == null ? "" : "bmc_key \"" + kg + "\"");
        if (b.maxSessions > 0) {
            // the last number of each user line is that user's session limit
            conf = conf.replaceAll("(?m)^(\\s*user \\d+ \\w+ +\"[^\"]*\" +\"[^\"]*\" +\\w+ +)\\d+", "$1" + b.maxSessions);
        }
        // the scripts are referenced as @LABDIR@/ipmi_sim/<script>
        Path scripts = stateDir.resolve("ipmi_sim");
        for (String s : new String[] {"chassis-control.sh", "lan-control.sh"}) {
            Files.copy(lab.resolve(s), scripts.resolve(s));
            Files.setPosixFilePermissions(scripts.resolve(s), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        if (sol == null) {
            conf = conf.lines().filter(l -> !l.trim().startsWith("sol \"tcp:"))
                    .reduce("", (a, l) -> a + l + "\n");
        }
        if (b.confEdit != null) {
            conf = b.confEdit.apply(conf);
        }
        Path confFile = stateDir.resolve("lan.conf");
        Files.writeString(confFile, conf);

        ProcessBuilder pb = new ProcessBuilder("ipmi_sim", "-n", "-c", confFile.toString(),
                "-f", lab.resolve("lab.emu").toString(), "-s", stateDir.toString());
        pb.redirectErrorStream(true);
        pb.redirectOutput(stateDir.resolve("ipmi_sim.log").toFile());
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        this.process = pb.start();
        try {
            awaitReady(Duration.ofSeconds(15));
        } catch (RuntimeException | IOException e) {
            close();
            throw e;
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts a default instance (SOL backend on, no Kg). */
    public static IpmiSim start() {
        return builder().start();
    }

    /** True when ipmi_sim, sdrcomp and ipmitool are on the PATH. */
    public static boolean available() {
        return onPath("ipmi_sim") && onPath("sdrcomp") && onPath("ipmitool");
    }

    /** Skips (or, when integration tests are required, fails) the caller if the tools are missing. */
    public static void requireTools() {
        if (available()) {
            return;
        }
        String msg = "ipmi_sim/sdrcomp/ipmitool not installed (apt-get install openipmi ipmitool freeipmi-tools)";
        if (Boolean.getBoolean("ipmi.it.required")) {
            throw new IllegalStateException(msg + " but ipmi.it.required=true");
        }
        System.err.println("SKIPPED integration test: " + msg);
        Assumptions.abort(msg);
    }

    public static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return Files.isExecutable(Path.of("/usr/sbin", tool));
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    public int consolePort() {
        return consolePort;
    }

    /** The BMC key configured for this instance, or null. */
    public String kg() {
        return kg;
    }

    public Path stateDir() {
        return stateDir;
    }

    public SolBackend sol() {
        if (sol == null) {
            throw new IllegalStateException("started without SOL backend");
        }
        return sol;
    }

    public String log() {
        try {
            return Files.readString(stateDir.resolve("ipmi_sim.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Sends emulator commands (ipmi_sim_cmd(5)) on the console port; returns what it printed. */
    public String command(String... commands) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), consolePort), 3000);
            s.setSoTimeout(300);
            StringBuilder out = new StringBuilder();
            drain(s, out);
            for (String c : commands) {
                s.getOutputStream().write((c + "\n").getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                drain(s, out);
            }
            return out.toString();
        }
    }

    private static void drain(Socket s, StringBuilder out) throws IOException {
        byte[] buf = new byte[4096];
        try {
            int n;
            while ((n = s.getInputStream().read(buf)) > 0) {
                out.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
            }
        } catch (SocketTimeoutException e) {
            // quiet for 300 ms: the console is done answering
        }
    }

    /** ipmitool's arguments for this instance over lanplus with cipher suite 3 as admin. */
    public List<String> ipmitoolArgs() {
        return ipmitoolArgs("lanplus", ADMIN, ADMIN_PASSWORD);
    }

    public List<String> ipmitoolArgs(String iface, String user, String password) {
        List<String> a = new ArrayList<>(List.of("ipmitool", "-I", iface, "-H", host(), "-p",
                Integer.toString(port), "-U", user, "-P", password));
        if (iface.equals("lanplus")) {
            a.addAll(List.of("-C", "3"));
        }
        if (kg != null && iface.equals("lanplus")) {
            a.addAll(List.of("-k", kg));
        }
        return a;
    }

    /** Runs ipmitool (lanplus, suite 3, admin) with the given command; returns stdout or throws with stderr. */
    public String ipmitool(String... command) throws IOException, InterruptedException {
        List<String> a = ipmitoolArgs();
        a.addAll(Arrays.asList(command));
        return run(a, stateDir);
    }

    /** Runs a command, 60 s at most; returns stdout, throws with the output on a non-zero exit. */
    public static String run(List<String> command, Path dir) throws IOException, InterruptedException {
        Exec r = exec(command, dir, Map.of());
        if (r.rc() != 0) {
            throw new IOException("exit " + r.rc() + " from " + String.join(" ", command) + ": " + r.err() + r.out());
        }
        return r.out();
    }

    /** What a finished process printed and returned. */
    public record Exec(int rc, String out, String err) {}

    /**
     * Runs a command in {@code dir} with {@code env} added to this process's environment and stdin
     * from /dev/null, 60 s at most (then it is killed and this throws); stderr goes through a file,
     * so a chatty child cannot block on a full pipe while stdout is read.
     */
    public static Exec exec(List<String> command, Path dir, Map<String, String> env)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().putAll(env);
        Path err = Files.createTempFile("ipmi-run-", ".err");
        try {
            pb.redirectError(err.toFile());
            pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("timed out: " + command);
            }
            return new Exec(p.exitValue(), new String(out, StandardCharsets.UTF_8), Files.readString(err));
        } finally {
            Files.deleteIfExists(err);
        }
    }

    private void awaitReady(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] ping = {0x06, 0x00, (byte) 0xFF, 0x06, 0x00, 0x00, 0x11, (byte) 0xBE, (byte) 0x80, 0x01, 0x00, 0x00};
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            socket.setSoTimeout(200);
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("ipmi_sim exited with " + process.exitValue() + ": " + log());
                }
                socket.send(new DatagramPacket(ping, ping.length, InetAddress.getLoopbackAddress(), port));
                try {
                    DatagramPacket reply = new DatagramPacket(new byte[64], 64);
                    socket.receive(reply);
                    if (reply.getLength() >= 12 && (reply.getData()[8] & 0xFF) == 0x40) {
                        break;
                    }
                } catch (SocketTimeoutException | java.net.PortUnreachableException e) {
                    // not up yet
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("ipmi_sim did not answer an ASF ping on port " + port
                            + " within " + timeout.toSeconds() + " s: " + log());
                }
                Thread.sleep(50);
            }
        }
        if (sol != null && !sol.awaitConnected(5, TimeUnit.SECONDS)) {
            throw new IllegalStateException("ipmi_sim did not connect to the SOL backend: " + log());
        }
    }

    private static int freeUdpPort() throws IOException {
        // a UDP port whose TCP twin is free too, so nothing else on the machine is confused
        for (int i = 0; i < 50; i++) {
            try (DatagramSocket d = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                int p = d.getLocalPort();
                try (ServerSocket s = new ServerSocket(p, 1, InetAddress.getLoopbackAddress())) {
                    return p;
                } catch (IOException busy) {
                    // try another
                }
            }
        }
        throw new IOException("no free UDP port on 127.0.0.1");
    }

    private static int freeTcpPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                if (!process.waitFor(3, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(3, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (sol != null) {
            try {
                sol.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        if (!Boolean.getBoolean("ipmi.sim.keep")) {
            try (var walk = Files.walk(stateDir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public static final class Builder {
        private int port;
        private int maxSessions;
        private String kg;
        private boolean sol = true;
        private UnaryOperator<String> emuEdit;
        private UnaryOperator<String> confEdit;

        /** Configures a BMC key (Kg) for RMCP+ two-key logins. */
        public Builder kg(String kg) {
            this.kg = kg;
            return this;
        }

        /**
         * Binds to this UDP port instead of a free one: a test restarts the BMC on the port its
         * clients know by closing one instance and starting another with {@code port(old.port())}.
         */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Limits the sessions each user may hold at once (the lab default is 10). */
        public Builder maxSessions(int n) {
            this.maxSessions = n;
            return this;
        }

        public Builder sol(boolean on) {
            this.sol = on;
            return this;
        }

        /** Rewrites the lab's emulator script (lab.emu) before ipmi_sim reads it, e.g. to serve device SDRs. */
        public Builder emu(UnaryOperator<String> edit) {
            this.emuEdit = edit;
            return this;
        }

        /**
         * Rewrites the generated lan.conf (ports and paths already filled in) before ipmi_sim reads
         * it, e.g. to answer power control from a long-running process instead of the chassis script.
         */
        public Builder lanConf(UnaryOperator<String> edit) {
            this.confEdit = edit;
            return this;
        }

        public IpmiSim start() {
            try {
                // the free port is chosen, released, then bound by ipmi_sim: another process (a parallel
                // build, a fleet benchmark) can take it in between; a port the caller chose is not retried
                for (int attempt = 1; ; attempt++) {
                    try {
                        return new IpmiSim(this);
                    } catch (IllegalStateException e) {
                        if (port > 0 || attempt == 3 || !String.valueOf(e.getMessage()).contains("Address already in use")) {
                            throw e;
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
