package dev.ipmi.examples.cli;

import static dev.ipmi.examples.cli.CliRun.ipmi;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.testing.IpmiSim;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The forms operators bring from ipmitool (issue 15), each against ipmi_sim and compared with
 * ipmitool on the same instance: options after the command, getopt's errors, {@code -vvv},
 * {@code -f}, {@code -K}, {@code -Y} (on a pseudo-terminal), {@code sensor thresh upper|lower}, {@code exec} and {@code shell}; and
 * every {@code --json} output through a strict JSON parser.
 */
class CliOperatorFormsIT {
    private static IpmiSim sim;
    private static IpmiSim kgSim;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() {
        IpmiSim.requireTools();
        sim = IpmiSim.builder().sol(false).start();
        kgSim = IpmiSim.builder().sol(false).kg("s3cret-kg").start();
    }

    @AfterAll
    static void stop() {
        if (sim != null) {
            sim.close();
        }
        if (kgSim != null) {
            kgSim.close();
        }
    }

    private static List<String> conn() {
        return List.of("-I", "lanplus", "-C", "3", "-H", sim.host(), "-p", Integer.toString(sim.port()), "-U",
                "admin", "-P", "password");
    }

    private static String[] line(List<String> a, String... b) {
        return Stream.concat(a.stream(), Arrays.stream(b)).toArray(String[]::new);
    }

    private static String[] line(String[] a, List<String> b) {
        return Stream.concat(Arrays.stream(a), b.stream()).toArray(String[]::new);
    }

    /** A process with its exit code, stdout and stderr (ipmitool's failures are compared too). */
    private static CliRun process(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        IpmiSim.Exec r = IpmiSim.exec(command, sim.stateDir(), env);
        return new CliRun(r.rc(), r.out(), r.err());
    }

    private static CliRun ipmitool(String... args) throws IOException, InterruptedException {
        List<String> c = new ArrayList<>(List.of("ipmitool"));
        c.addAll(Arrays.asList(args));
        return process(c, Map.of());
    }

    @Test
    void globalOptionsAfterTheCommandAsGetoptPermutesThem() throws Exception {
        String expected = sim.ipmitool("power", "status");
        CliRun theirs = ipmitool(line(new String[] {"power", "status"}, conn()));
        assertThat(theirs.out()).isEqualTo(expected);
        CliRun ours = ipmi(line(new String[] {"power", "status"}, conn()));
        assertThat(ours.rc()).as(ours.err()).isZero();
        assertThat(ours.out()).isEqualTo(expected);
        CliRun mixed = ipmi("-I", "lanplus", "mc", "info", "-H", sim.host(), "-C", "3", "-p",
                Integer.toString(sim.port()), "-U", "admin", "-P", "password");
        assertThat(mixed.out()).isEqualTo(sim.ipmitool("mc", "info"));
    }

    @Test
    void unknownOptionsAndMissingValuesGetGetoptsText() throws Exception {
        for (String[] bad : new String[][] {{"-Q", "power", "status"}, {"power", "status", "-Q"},
            {"power", "status", "-H"}}) {
            CliRun theirs = ipmitool(bad);
            CliRun ours = ipmi(bad);
            assertThat(theirs.rc()).isNotZero();
            assertThat(ours.rc()).isNotZero();
            assertThat(ours.out()).isEmpty();
            String first = theirs.err().lines().findFirst().orElseThrow().replace("ipmitool:", "ipmi:");
            assertThat(ours.err().lines().findFirst()).as(String.join(" ", bad)).hasValue(first);
        }
    }

    @Test
    void repeatedVerboseIsAcceptedAndKeepsStdoutAsIpmitool() throws Exception {
        // its own JVM: -v switches on the logger, which is set once per process
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path jar = Path.of("target", "ipmi.jar").toAbsolutePath();
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(jar), "ipmi.jar is built by package");
        List<String> command = new ArrayList<>(List.of(java, "-jar", jar.toString(), "-vvv"));
        command.addAll(conn());
        command.addAll(List.of("power", "status"));
        CliRun ours = process(command, Map.of());
        CliRun theirs = ipmitool(line(line(new String[] {"-vvv"}, conn()), List.of("power", "status")));
        assertThat(ours.rc()).as(ours.err()).isZero();
        // ipmitool prints its -v trace on stdout before the answer; ours goes to stderr
        String answer = sim.ipmitool("power", "status");
        assertThat(answer).startsWith("Chassis Power is ");
        assertThat(theirs.out()).endsWith("\n" + answer);
        assertThat(ours.out()).isEqualTo(answer);
        assertThat(ours.err()).isNotEmpty().doesNotContain("password");
    }

    @Test
    void passwordFromAFileAsIpmitoolReadsIt() throws Exception {
        Path pw = tmp.resolve("pw.txt");
        Files.writeString(pw, "password\n");
        List<String> args = List.of("-I", "lanplus", "-C", "3", "-H", sim.host(), "-p", Integer.toString(sim.port()),
                "-U", "admin", "-f", pw.toString(), "chassis", "status");
        CliRun theirs = ipmitool(line(args));
        CliRun ours = ipmi(line(args));
        assertThat(theirs.rc()).isZero();
        assertThat(ours.rc()).as(ours.err()).isZero();
        assertThat(ours.out()).isEqualTo(theirs.out());
    }

    /** The commands {@link OneShot} runs without picocli print, with and without --json, what the picocli path prints. */
    @ParameterizedTest
    @ValueSource(strings = {"power status", "chassis power status", "chassis status", "mc info", "mc guid",
        "mc selftest", "sensor list", "sdr list", "sdr list all", "sdr elist", "sdr elist full", "sdr info",
        "sel info", "sel list", "sel elist"})
    void theOneShotPathPrintsWhatThePicocliPathPrints(String command) {
        String[] words = command.split(" ");
        for (boolean json : new boolean[] {false, true}) {
            List<String> base = new ArrayList<>(conn());
            if (json) {
                base.add("--json");
            }
            assertThat(OneShot.form(List.of(words))).as(command).isNotNull();
            CliRun fast = ipmi(line(base, words));
            List<String> picocli = new ArrayList<>(base);
            // "--" keeps a line off the one-shot path
            picocli.add("--");
            CliRun slow = ipmi(line(picocli, words));
            // ipmi_sim does not implement Get Self Test Results: mc selftest fails alike on both paths
            assertThat(fast.rc()).as(fast.err()).isEqualTo(command.equals("mc selftest") ? 1 : 0);
            assertThat(fast.out() + fast.err()).isNotEmpty();
            assertThat(fast).as("%s, json %s", command, json).isEqualTo(slow);
        }
    }

    @Test
    void bmcKeyFromTheEnvironmentAsIpmitoolReadsIt() throws Exception {
        List<String> args = List.of("-I", "lanplus", "-C", "3", "-H", kgSim.host(), "-p",
                Integer.toString(kgSim.port()), "-U", "admin", "-P", "password", "-K", "power", "status");
        List<String> tool = new ArrayList<>(List.of("ipmitool"));
        tool.addAll(args);
        CliRun theirs = process(tool, Map.of("IPMI_KGKEY", "s3cret-kg"));
        ConnectionOptions.environment = name -> name.equals("IPMI_KGKEY") ? "s3cret-kg" : null;
        try {
            CliRun ours = ipmi(line(args));
            assertThat(theirs.rc()).as(theirs.err()).isZero();
            assertThat(ours.rc()).as(ours.err()).isZero();
            assertThat(ours.out()).isEqualTo(theirs.out());
        } finally {
            ConnectionOptions.environment = System::getenv;
        }
    }

    /**
     * Runs {@code command} on a pseudo-terminal (python3's pty module), types {@code PTY_INPUT} and
     * a newline once the prompt {@code Key: } shows, and returns everything the terminal showed
     * (stdout and stderr, as a person sees them) with the exit code; 99 when no prompt came. Every
     * read is bounded: the child is killed after 60 s.
     */
    private static final String PTY_DRIVER = """
            import os, pty, select, signal, sys, time
            pid, fd = pty.fork()
            if pid == 0:
                os.execvp(sys.argv[1], sys.argv[1:])
            out = b""
            sent = False
            deadline = time.time() + 60
            while time.time() < deadline:
                r, _, _ = select.select([fd], [], [], 0.5)
                if fd not in r:
                    continue
                try:
                    data = os.read(fd, 4096)
                except OSError:
                    break
                if not data:
                    break
                out += data
                if not sent and b"Key: " in out:
                    os.write(fd, os.environ["PTY_INPUT"].encode() + b"\\n")
                    sent = True
            if time.time() >= deadline:
                os.kill(pid, signal.SIGKILL)
            _, status = os.waitpid(pid, 0)
            sys.stdout.write(out.decode("utf-8", "replace").replace("\\r\\n", "\\n"))
            sys.exit(os.waitstatus_to_exitcode(status) if sent else 99)
            """;

    private static CliRun onTerminal(List<String> command, String typed) throws IOException, InterruptedException {
        List<String> c = new ArrayList<>(List.of("python3", "-c", PTY_DRIVER));
        c.addAll(command);
        return process(c, Map.of("PTY_INPUT", typed));
    }

    @Test
    void bmcKeyPromptedOnATerminalAsIpmitoolPromptsForIt() throws Exception {
        Path pw = tmp.resolve("kg-prompt-password");
        Files.writeString(pw, "password\n");
        List<String> args = List.of("-I", "lanplus", "-C", "3", "-H", kgSim.host(), "-p",
                Integer.toString(kgSim.port()), "-U", "admin", "-f", pw.toString(), "-Y", "power", "status");
        List<String> tool = new ArrayList<>(List.of("ipmitool"));
        tool.addAll(args);
        Path jar = Path.of("target", "ipmi.jar").toAbsolutePath();
        assertThat(jar).as("the shaded CLI (built in the package phase)").exists();
        List<String> cli = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        cli.addAll(args);

        CliRun theirs = onTerminal(tool, "s3cret-kg");
        CliRun ours = onTerminal(cli, "s3cret-kg");
        assertThat(theirs.rc()).as(theirs.out()).isZero();
        assertThat(ours.rc()).as(ours.out()).isZero();
        assertThat(ours.out()).isEqualTo(theirs.out()).startsWith("Key: ").contains("Chassis Power is ")
                .doesNotContain("s3cret-kg");

        // the key typed is the one used: a wrong one fails the login, as it does for ipmitool
        CliRun wrongTheirs = onTerminal(tool, "not-the-kg");
        CliRun wrongOurs = onTerminal(cli, "not-the-kg");
        assertThat(wrongTheirs.rc()).isNotZero();
        assertThat(wrongOurs.rc()).as(wrongOurs.out()).isEqualTo(1);
        assertThat(wrongOurs.out()).startsWith("Key: ").doesNotContain("Chassis Power is").doesNotContain("not-the-kg");
    }

    @Test
    void sensorThreshUpperAndLowerPrintWhatIpmitoolPrints() throws Exception {
        try {
            CliRun ours = ipmi(line(conn(), "sensor", "thresh", "CPU Temp", "upper", "86", "96", "106"));
            assertThat(ours.rc()).as(ours.err()).isZero();
            CliRun theirs = ipmitool(line(conn(), "sensor", "thresh", "CPU Temp", "upper", "86", "96", "106"));
            assertThat(ours.out()).isEqualTo(theirs.out());
            assertThat(sim.ipmitool("sensor", "get", "CPU Temp")).contains(" Upper Non-Critical    : 86.000\n",
                    " Upper Critical        : 96.000\n", " Upper Non-Recoverable : 106.000\n");
            // ipmi_sim's CPU Temp has no settable lower thresholds: three refusals, each reported
            for (String[] form : new String[][] {{"lower", "1", "2", "3"}, {"upper", "86", "x", "106"},
                {"lower", "1", "x", "3"}, {"lower", "x", "2", "3"}, {"upper", "86"}}) {
                String[] cmd = line(line(conn(), "sensor", "thresh", "CPU Temp"), List.of(form));
                CliRun o = ipmi(cmd);
                CliRun t = ipmitool(cmd);
                assertThat(o.rc()).as(String.join(" ", form)).isEqualTo(t.rc()).isEqualTo(1);
                assertThat(o.out()).as(String.join(" ", form)).isEqualTo(t.out());
                assertThat(o.err().strip()).as(String.join(" ", form)).isEqualTo(t.err().strip());
            }
        } finally {
            sim.ipmitool("sensor", "thresh", "CPU Temp", "upper", "85", "95", "105");
        }
    }

    @Test
    void execRunsAFileOfCommandsLikeIpmitoolExec() throws Exception {
        Path file = tmp.resolve("cmds.txt");
        Files.writeString(file, "# a comment\npower status\n\nmc info\nsensor get \"CPU Temp\"\nsdr list\nsel info\n");
        CliRun theirs = ipmitool(line(conn(), "exec", file.toString()));
        CliRun ours = ipmi(line(conn(), "exec", file.toString()));
        assertThat(theirs.rc()).isZero();
        assertThat(ours.rc()).as(ours.err()).isZero();
        assertThat(ours.out()).isEqualTo(theirs.out());
    }

    @Test
    void shellReadsCommandsFromStdin() throws Exception {
        InputStream saved = ExecCommand.stdin;
        ExecCommand.stdin = new ByteArrayInputStream("power status\nmc info\nexit\nchassis status\n"
                .getBytes(StandardCharsets.UTF_8));
        try {
            CliRun ours = ipmi(line(conn(), "shell"));
            assertThat(ours.rc()).as(ours.err()).isZero();
            assertThat(ours.out()).isEqualTo(sim.ipmitool("power", "status") + sim.ipmitool("mc", "info"));
        } finally {
            ExecCommand.stdin = saved;
        }
    }

    @Test
    void execUnderJsonPrintsOneDocumentPerLine() throws Exception {
        Path file = tmp.resolve("json-cmds.txt");
        Files.writeString(file, "power status\nmc info\nsensor list\n");
        CliRun ours = ipmi(line(conn(), "--json", "exec", file.toString()));
        assertThat(ours.rc()).as(ours.err()).isZero();
        List<String> docs = ours.out().lines().toList();
        assertThat(docs).hasSize(3);
        docs.forEach(StrictJson::parse);
    }

    @ParameterizedTest(name = "--json {0}")
    @ValueSource(strings = {"power status", "chassis status", "chassis bootparam get 5", "mc info", "mc guid",
        "raw 0x06 0x01", "sdr list", "sdr elist", "sdr elist all", "sdr info", "sdr type Temperature", "sensor list",
        "sensor", "sensor get CPU_Temp", "sel info", "sel list", "sel elist", "sel get 1", "sel time get", "sel",
        "fru print", "fru print 0", "fru", "lan print 1", "user list 1", "user summary 1", "channel info 1",
        "channel getaccess 1 2", "channel getciphers ipmi 1", "sdr"})
    void everyDataCommandPrintsStrictJson(String command) {
        String[] words = Arrays.stream(command.split(" ")).map(w -> w.replace('_', ' ')).toArray(String[]::new);
        CliRun ours = ipmi(line(line(conn(), "--json"), List.of(words)));
        assertThat(ours.rc()).as(ours.err()).isZero();
        Object doc = StrictJson.parse(ours.out().strip());
        assertThat(doc).as(command).isNotNull();
        // the same with --json after the command
        CliRun after = ipmi(line(line(conn(), words), List.of("--json")));
        assertThat(after.rc()).isZero();
        StrictJson.parse(after.out().strip());
    }

    @Test
    void jsonShapesCarryTheValuesIpmitoolPrints() throws Exception {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> sensors = (List<Map<String, Object>>) StrictJson.parse(
                ipmi(line(conn(), "--json", "sensor", "list")).out());
        Map<String, Object> cpu = sensors.stream().filter(m -> "CPU Temp".equals(m.get("name"))).findFirst()
                .orElseThrow();
        assertThat(cpu).containsEntry("unit", "degrees C").containsEntry("status", "ok").containsEntry("ucr", 95.0);
        assertThat(sim.ipmitool("sensor", "list")).contains("CPU Temp         | 45.000");
        assertThat(cpu).containsEntry("value", 45.0);
        @SuppressWarnings("unchecked")
        Map<String, Object> mc = (Map<String, Object>) StrictJson.parse(ipmi(line(conn(), "--json", "mc", "info")).out());
        assertThat(mc).containsEntry("manufacturerId", 4753.0).containsEntry("ipmiVersion", "2.0");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> sel = (List<Map<String, Object>>) StrictJson.parse(
                ipmi(line(conn(), "--json", "sel", "list")).out());
        assertThat(sel).isNotEmpty();
        assertThat(sel.get(0)).containsKeys("id", "date", "time", "sensor", "event", "direction");
        @SuppressWarnings("unchecked")
        Map<String, Object> raw = (Map<String, Object>) StrictJson.parse(
                ipmi(line(conn(), "--json", "raw", "0x06", "0x01")).out());
        assertThat(raw.get("data")).isEqualTo(sim.ipmitool("raw", "0x06", "0x01").replaceAll("\\s", ""));
    }
}
