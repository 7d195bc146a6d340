package dev.ipmi.lanplus.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.testing.IpmiSim;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With every logger at TRACE, logins against ipmi_sim (right and wrong password and K_G, RMCP+
 * suites 3 and 2 (ipmi_sim has no SHA-256), IPMI 1.5 MD5) and a Test Password request never put the password, K_G or the
 * session keys K1/K2 into the log, a toString() or an exception, and the session machines wipe
 * their copies when they end. SLF4J simple reads its level once per JVM, so the logins run in a
 * child JVM ({@link SecretsTraceProbe}) whose whole output is searched here.
 */
class SecretsInLogsIT {
    private static final String PASSWORD = "Pw-Sentinel-94xk";
    private static final String KG = "Kg-Sentinel-7q3";
    private static IpmiSim sim;

    @BeforeAll
    static void start() throws Exception {
        sim = IpmiSim.builder().kg(KG).start();
        List<String> cmd = new ArrayList<>(sim.ipmitoolArgs("lan", IpmiSim.ADMIN, IpmiSim.ADMIN_PASSWORD));
        cmd.addAll(List.of("user", "set", "password", "2", PASSWORD));
        IpmiSim.run(cmd, sim.stateDir());
    }

    @AfterAll
    static void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void noSecretReachesTheTraceLogToStringOrExceptions() throws Exception {
        Path keys = Files.createTempFile("ipmi-keys", ".txt");
        Path wire = Files.createTempFile("ipmi-wire", ".txt");
        Path out = Files.createTempFile("ipmi-trace", ".log");
        try {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"),
                    "-Dorg.slf4j.simpleLogger.defaultLogLevel=trace",
                    "-Dorg.slf4j.simpleLogger.logFile=System.out",
                    SecretsTraceProbe.class.getName(), Integer.toString(sim.port()), PASSWORD, KG, keys.toString(),
                    wire.toString()));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            boolean done = p.waitFor(120, TimeUnit.SECONDS);
            if (!done) {
                p.destroyForcibly();
            }
            String log = Files.readString(out);
            assertThat(done).as("probe finished").isTrue();
            assertThat(p.exitValue()).as(log).isZero();
            assertThat(log).contains("PROBE DONE").contains("TRACE").contains("wrong secret:")
                    .contains("wrong 1.5 password:");

            List<byte[]> secrets = new ArrayList<>();
            secrets.add(PASSWORD.getBytes(StandardCharsets.US_ASCII));
            secrets.add(KG.getBytes(StandardCharsets.US_ASCII));
            List<String> keyHex = Files.readAllLines(keys);
            // per suite (3 and 2): K1, K1's HMAC chaining values (what the codec holds instead of K1), K2's AES key
            assertThat(keyHex).hasSize(6);
            for (String k : keyHex) {
                secrets.add(HexFormat.of().parseHex(k));
            }
            Secrets.assertFree("probe output at TRACE", log, secrets);

            // what verifies a guess offline: RAKP random numbers, auth codes, ICV, AuthCodes, ciphertext
            List<byte[]> verifiers = new ArrayList<>();
            for (String v : Files.readAllLines(wire)) {
                verifiers.add(HexFormat.of().parseHex(v));
            }
            assertThat(verifiers).as("wire taps: 2 logins (RAKP1-4) and encrypted session packets")
                    .hasSizeGreaterThan(2 * 5 + 8);
            for (byte[] v : verifiers) {
                String firstBytes = HexFormat.ofDelimiter(" ").formatHex(v, 0, 6);
                assertThat(log.toLowerCase(java.util.Locale.ROOT)).as("trace must not show offline guess material")
                        .doesNotContain(firstBytes);
            }
            Secrets.assertFree("probe output at TRACE (wire material)", log, verifiers);
        } finally {
            Files.deleteIfExists(keys);
            Files.deleteIfExists(wire);
            Files.deleteIfExists(out);
        }
    }
}
