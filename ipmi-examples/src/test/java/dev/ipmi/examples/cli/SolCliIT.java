package dev.ipmi.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.testing.IpmiSim;
import dev.ipmi.testing.SolBackend;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code ipmi -I lanplus … sol …} as a separate process (the shaded {@code target/ipmi.jar}) with
 * piped stdin, against ipmi_sim whose serial port is the test's {@link SolBackend}; compared with
 * ipmitool {@code sol} on the same instance.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class SolCliIT {
    private static final String BANNER = "[SOL Session operational.  Use ~? for help]\n";
    private static final Path JAR = Path.of("target", "ipmi.jar").toAbsolutePath();
    private static IpmiSim sim;
    private static SolBackend backend;
    private static String ipmitoolSession;

    @BeforeAll
    static void start() throws Exception {
        IpmiSim.requireTools();
        assertThat(JAR).as("the shaded CLI (built in the package phase)").exists();
        sim = IpmiSim.start();
        backend = sim.sol();
        assertThat(backend.awaitConnected(20, TimeUnit.SECONDS)).as("ipmi_sim connected to the SOL backend").isTrue();
        // ipmitool first, on a fresh ipmi_sim: it has no startup probe, so on a later SOL session
        // ipmi_sim would drop its first packet as a duplicate (LAB.md)
        List<String> cmd = new ArrayList<>(sim.ipmitoolArgs());
        cmd.addAll(List.of("sol", "activate"));
        // ipmitool's stdout is block-buffered on a pipe: its banner shows up only with the console's output
        ipmitoolSession = typeHelloThenLeave(start(cmd), false).out();
    }

    @AfterAll
    static void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    @BeforeEach
    void nothingActive() {
        inProcess(ipmi("sol", "deactivate"));
    }

    private record Result(int rc, String out, String err) {}

    private static List<String> ipmi(String... args) {
        List<String> c = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString(), "-I", "lanplus", "-C", "3", "-H", sim.host(), "-p",
                Integer.toString(sim.port()), "-U", IpmiSim.ADMIN, "-P", IpmiSim.ADMIN_PASSWORD));
        c.addAll(Arrays.asList(args));
        return c;
    }

    /** A running process whose stdout and stderr are collected in the background. */
    private static final class Proc {
        final Process process;
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();

        Proc(Process p) {
            this.process = p;
            drain(p.getInputStream(), out);
            drain(p.getErrorStream(), err);
        }

        private static void drain(InputStream in, ByteArrayOutputStream to) {
            Thread t = new Thread(() -> {
                byte[] b = new byte[1024];
                try {
                    int n;
                    while ((n = in.read(b)) >= 0) {
                        synchronized (to) {
                            to.write(b, 0, n);
                        }
                    }
                } catch (IOException e) {
                    // process gone
                }
            });
            t.setDaemon(true);
            t.start();
        }

        String out() {
            synchronized (out) {
                return out.toString(StandardCharsets.ISO_8859_1);
            }
        }

        String err() {
            synchronized (err) {
                return err.toString(StandardCharsets.ISO_8859_1);
            }
        }

        void type(String s) throws IOException {
            OutputStream in = process.getOutputStream();
            in.write(s.getBytes(StandardCharsets.ISO_8859_1));
            in.flush();
        }

        void awaitOut(String text) throws InterruptedException {
            for (int i = 0; i < 1500 && !out().contains(text) && process.isAlive(); i++) {
                Thread.sleep(10);
            }
            assertThat(out()).as("stdout (stderr: %s)", err()).contains(text);
        }

        Result finish() throws InterruptedException {
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("process exited").isTrue();
            Thread.sleep(50);
            return new Result(process.exitValue(), out(), err());
        }
    }

    /** The CLI in this JVM: for commands that need no stdin or terminal (faster than a process). */
    private static Result inProcess(List<String> cmd) {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        List<String> args = cmd.subList(cmd.indexOf("-jar") + 2, cmd.size());
        int rc = IpmiCli.execute(new java.io.PrintWriter(out), new java.io.PrintWriter(err), args.toArray(String[]::new));
        return new Result(rc, out.toString(), err.toString());
    }

    private static Proc start(List<String> cmd) throws IOException {
        return new Proc(new ProcessBuilder(cmd).directory(sim.stateDir().toFile()).start());
    }

    private static Result run(List<String> stdin, List<String> cmd) throws Exception {
        Proc p = start(cmd);
        for (String s : stdin) {
            p.type(s);
        }
        p.process.getOutputStream().close();
        return p.finish();
    }

    /** Types "hello" and Enter, waits for the console's answer and the next prompt, then types "~.". */
    private static Result typeHelloThenLeave(Proc p, boolean awaitBanner) throws Exception {
        if (awaitBanner) {
            p.awaitOut("[SOL Session operational");
        }
        p.type("hello\r");
        p.awaitOut("you typed: hello\r\n" + SolBackend.PROMPT);
        p.type("~.");
        p.process.getOutputStream().close();
        return p.finish();
    }

    @Test
    void activateWithPipedKeystrokesShowsTheConsoleAndLeavesCleanlyLikeIpmitool() throws Exception {
        backend.clearReceived();
        Proc p = start(ipmi("sol", "activate"));
        p.awaitOut(BANNER);
        backend.write(SolBackend.BANNER.getBytes(StandardCharsets.ISO_8859_1));
        p.awaitOut(SolBackend.BANNER);
        Result r = typeHelloThenLeave(p, true);
        assertThat(r.rc()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo(BANNER + SolBackend.BANNER + "hello\r\nyou typed: hello\r\n" + SolBackend.PROMPT
                + "~. [terminated ipmitool]\n");
        assertThat(r.out().replace(SolBackend.BANNER, "")).as("the same bytes as ipmitool's session")
                .isEqualTo(ipmitoolSession);
        assertThat(backend.receivedText()).isEqualTo("hello\r");
        assertThat(inProcess(ipmi("sol", "deactivate")).err()).as("the console was deactivated on exit")
                .contains("Info: SOL payload already de-activated");
    }

    @Test
    void endOfPipedInputLeavesOnceTheConsoleIsQuiet() throws Exception {
        Result r = run(List.of("hello\r"), ipmi("sol", "activate"));
        assertThat(r.rc()).as(r.err()).isZero();
        assertThat(r.out()).startsWith(BANNER).endsWith("hello\r\nyou typed: hello\r\n" + SolBackend.PROMPT);
    }

    @Test
    void escapesForBreakAndHelp() throws Exception {
        backend.setEcho(false);
        try {
            backend.clearReceived();
            Result r = run(List.of("~B", "x\r", "~?", "\r~."), ipmi("sol", "activate"));
            assertThat(r.rc()).as(r.err()).isZero();
            assertThat(r.out()).contains("~B [send break]\n").contains("~?\nSupported escape sequences:\n")
                    .endsWith("~. [terminated ipmitool]\n");
            // ipmi_sim's TCP serial side renders the BREAK as telnet IAC BREAK
            assertThat(backend.received()).startsWith(0xFF, 0xF3, 'x', '\r');
        } finally {
            backend.setEcho(true);
        }
    }

    @Test
    void secondConsoleIsRefusedUnlessItTakesOverAndDeactivateEndsTheOther() throws Exception {
        Proc first = start(ipmi("sol", "activate"));
        first.awaitOut(BANNER);

        Result refused = inProcess(ipmi("sol", "activate"));
        assertThat(refused.rc()).isEqualTo(1);
        assertThat(refused.err()).isEqualTo("Info: SOL payload already active on another session\n");
        assertThat(ipmitoolStderr("sol", "activate")).contains("Info: SOL payload already active on another session");

        Proc second = start(ipmi("sol", "activate", "--force-takeover"));
        second.type("taken\r");
        second.awaitOut("you typed: taken");
        second.type("~.");
        second.process.getOutputStream().close();
        Result takeOver = second.finish();
        assertThat(takeOver.rc()).as(takeOver.err()).isZero();

        Proc third = start(ipmi("sol", "activate", "instance", "1"));
        third.awaitOut(BANNER);
        Result deactivated = inProcess(ipmi("sol", "deactivate", "instance=1"));
        assertThat(deactivated.rc()).as(deactivated.err()).isZero();
        Result again = inProcess(ipmi("sol", "deactivate"));
        assertThat(again.rc()).isEqualTo(1);
        assertThat(again.err()).isEqualTo("Info: SOL payload already de-activated\n");
        first.process.getOutputStream().close();
        third.process.getOutputStream().close();
        assertThat(first.finish().rc()).isZero();
        assertThat(third.finish().rc()).isZero();
    }

    private static String ipmitoolStderr(String... command) throws Exception {
        List<String> cmd = new ArrayList<>(sim.ipmitoolArgs());
        cmd.addAll(Arrays.asList(command));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(sim.stateDir().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Path err = Files.createTempFile("ipmitool-", ".err");
        try {
            Process p = pb.redirectError(err.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            return Files.readString(err);
        } finally {
            Files.deleteIfExists(err);
        }
    }

    @Test
    void solInfoPrintsWhatIpmitoolPrints() throws Exception {
        Result ours = inProcess(ipmi("sol", "info", "1"));
        assertThat(ours.rc()).as(ours.err()).isZero();
        assertThat(ours.out()).isEqualTo(sim.ipmitool("sol", "info", "1"));
        assertThat(ours.err()).isEqualTo(ipmitoolStderr("sol", "info", "1"));
        Result noChannel = inProcess(ipmi("sol", "info"));
        assertThat(noChannel.out()).isEqualTo(sim.ipmitool("sol", "info"));
    }

    @Test
    void solSetChangesWhatIpmitoolReads() throws Exception {
        Result r = inProcess(ipmi("sol", "set", "volatile-bit-rate", "38.4", "1"));
        assertThat(r.rc()).as(r.err()).isZero();
        assertThat(sim.ipmitool("sol", "info", "1")).contains("Volatile Bit Rate (kbps)        : 38.4");
        Result refused = inProcess(ipmi("sol", "set", "retry-count", "3", "1"));
        assertThat(refused.rc()).isEqualTo(1);
        assertThat(refused.err()).isEqualTo("Error setting SOL parameter 'retry-count': Parameter not supported\n");
        Result bad = inProcess(ipmi("sol", "set", "enabled", "maybe", "1"));
        assertThat(bad.rc()).isEqualTo(1);
        assertThat(bad.err()).isEqualTo("Invalid value maybe for parameter enabled\nValid values are true and false\n");
    }

    @Test
    void activateNeedsLanplus() throws Exception {
        List<String> cmd = ipmi("sol", "activate");
        cmd.set(cmd.indexOf("lanplus"), "lan");
        cmd.removeAll(List.of("-C", "3"));
        Result r = inProcess(cmd);
        assertThat(r.rc()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("Error: This command is only available over the lanplus interface\n");
    }

    @Test
    void aKilledConsoleStillDeactivatesThePayload() throws Exception {
        Proc p = start(ipmi("sol", "activate"));
        p.awaitOut(BANNER);
        p.process.destroy();
        assertThat(p.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Result r = inProcess(ipmi("sol", "deactivate"));
        assertThat(r.rc()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("Info: SOL payload already de-activated\n");
    }
}
