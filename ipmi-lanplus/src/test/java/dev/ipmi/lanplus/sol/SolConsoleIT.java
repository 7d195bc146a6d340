package dev.ipmi.lanplus.sol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipmi.core.sol.SolAlreadyActiveException;
import dev.ipmi.core.sol.SolOptions;
import dev.ipmi.core.sol.SolEvent;
import dev.ipmi.core.sol.SolSession;
import dev.ipmi.core.types.CipherSuite;
import dev.ipmi.core.options.LanPlusOptions;
import dev.ipmi.lanplus.LanPlusSession;
import dev.ipmi.core.sol.SolSettings;
import dev.ipmi.testing.IpmiSim;
import dev.ipmi.testing.SolBackend;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SOL console on the real RMCP+ session ({@link LanPlusSession}) against OpenIPMI ipmi_sim,
 * whose serial side is the test's {@link SolBackend}: cipher suite 1 (no integrity, no encryption)
 * and 3 (HMAC-SHA1-96 integrity, AES-CBC-128: SOL payloads encrypted both ways).
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class SolConsoleIT {
    private static IpmiSim sim;
    private static SolBackend backend;
    private static final SolOptions OPTIONS = SolOptions.builder().keepalive(java.time.Duration.ZERO).build();

    @BeforeAll
    static void startSim() throws InterruptedException {
        sim = IpmiSim.start();
        backend = sim.sol();
        assertThat(backend.awaitConnected(20, TimeUnit.SECONDS)).as("ipmi_sim connected to the SOL backend").isTrue();
    }

    @AfterAll
    static void stopSim() {
        if (sim != null) {
            sim.close();
        }
    }

    @AfterEach
    void echoBackOn() {
        backend.setEcho(true);
    }

    /** Lets bytes of an earlier test still inside ipmi_sim reach the backend before a test clears it. */
    @BeforeEach
    void quiesce() throws InterruptedException {
        int last = -1;
        for (int i = 0; i < 100 && backend.received().length != last; i++) {
            last = backend.received().length;
            Thread.sleep(30);
        }
        backend.clearReceived();
    }

    private static LanPlusSession session() {
        return session(3);
    }

    private static LanPlusSession session(int suite) {
        return LanPlusSession.open(LanPlusOptions.builder(sim.host()).port(sim.port()).credentials(IpmiSim.ADMIN, IpmiSim.ADMIN_PASSWORD.toCharArray()).cipherSuite(CipherSuite.of(suite)).build());
    }

    private static byte[] awaitBackend(int n) throws InterruptedException {
        for (int i = 0; i < 60_000 && backend.received().length < n; i++) {
            Thread.sleep(1);
        }
        return backend.received();
    }

    private static byte[] readFully(InputStream in, int n) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        while (out.size() < n) {
            int k = in.read(buf, 0, Math.min(buf.length, n - out.size()));
            if (k < 0) {
                break;
            }
            out.write(buf, 0, k);
        }
        return out.toByteArray();
    }

    private static String readUntil(InputStream in, String marker) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (!out.toString(StandardCharsets.ISO_8859_1).contains(marker)) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            out.write(b);
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    @ParameterizedTest(name = "cipher suite {0}")
    @ValueSource(ints = {1, 3})
    void sixtyFourKibEachWayArriveIntactAndInOrder(int suite) throws Exception {
        Random r = new Random(0x501);
        byte[] toHost = new byte[64 * 1024];
        byte[] fromHost = new byte[64 * 1024];
        r.nextBytes(toHost);
        r.nextBytes(fromHost);
        backend.setEcho(false);
        backend.clearReceived();
        try (LanPlusSession s = session(suite); SolSession sol = s.activateSol(OPTIONS, null)) {
            assertThat(s.encryptPayloads()).isEqualTo(suite == 3);
            assertThat(s.channel()).isEqualTo(1);
            assertThat(sol.activation().inboundPayloadSize()).isEqualTo(0x20);
            assertThat(sol.activation().outboundPayloadSize()).isEqualTo(0x4000);
            assertThat(sol.settings().maxCharsPerPacket()).isEqualTo(28);
            sol.output().write(toHost);
            sol.output().flush();
            assertThat(Arrays.equals(awaitBackend(toHost.length), toHost)).as("console -> serial port").isTrue();
            backend.write(fromHost);
            assertThat(Arrays.equals(readFully(sol.input(), fromHost.length), fromHost)).as("serial port -> console")
                    .isTrue();
        }
    }

    /**
     * Receive flow control against ipmi_sim: with a 4 KiB inbound buffer and an application that does not
     * read for longer than ipmi_sim retransmits an unacknowledged packet (5 tries, 1 s apart, then it drops
     * the characters), the console NACKs instead of buffering; once the application reads, slowly, the
     * resume packet lets ipmi_sim go on and all 64 KiB arrive intact.
     */
    @Test
    void lateSlowReaderWithASmallBufferGetsSixtyFourKibIntact() throws Exception {
        Random r = new Random(0x502);
        byte[] fromHost = new byte[64 * 1024];
        r.nextBytes(fromHost);
        backend.setEcho(false);
        try (LanPlusSession s = session(3); SolSession sol = s.activateSol(OPTIONS.toBuilder().inboundBuffer(4096).build(), null)) {
            assertThat(sol.settings().inboundBufferSize()).isEqualTo(4096);
            // ipmi_sim stops reading its serial side while NACKed: the backend's write may block for a while
            Thread writer = new Thread(() -> {
                try {
                    backend.write(fromHost);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, "sol-backend-writer");
            writer.setDaemon(true);
            writer.start();
            Thread.sleep(7_000);
            int buffered = sol.input().available();
            assertThat(buffered).as("held for the application").isPositive().isLessThanOrEqualTo(4096);
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buf = new byte[512];
            for (int i = 0; i < 100_000 && got.size() < fromHost.length; i++) {
                int k = sol.input().read(buf, 0, Math.min(buf.length, fromHost.length - got.size()));
                if (k < 0) {
                    break;
                }
                got.write(buf, 0, k);
                if (i % 8 == 0) {
                    Thread.sleep(1);
                }
            }
            assertThat(got.size()).isEqualTo(fromHost.length);
            assertThat(Arrays.mismatch(got.toByteArray(), fromHost)).as("first differing byte").isEqualTo(-1);
            assertThat(sol.input().available()).isZero();
            writer.join(5_000);
        }
    }

    @ParameterizedTest(name = "cipher suite {0}")
    @ValueSource(ints = {1, 3})
    void typedLinesGetTheConsolesAnswers(int suite) throws Exception {
        backend.clearReceived();
        try (LanPlusSession s = session(suite); SolSession sol = s.activateSol(OPTIONS, null)) {
            sol.output().write("hello\r".getBytes(StandardCharsets.US_ASCII));
            sol.output().flush();
            assertThat(readUntil(sol.input(), SolBackend.PROMPT)).contains("you typed: hello");
        }
    }

    @Test
    void secondActivationWhileActiveGetsTheClearErrorAndTakeOverWorks() throws Exception {
        try (LanPlusSession a = session(); LanPlusSession b = session()) {
            SolSession first = a.activateSol(OPTIONS, null);
            assertThatThrownBy(() -> b.activateSol(OPTIONS, null))
                    .isInstanceOf(SolAlreadyActiveException.class)
                    .hasMessageContaining("already active on another session");
            assertThat(first.isOpen()).isTrue();
            try (SolSession second = b.activateSol(OPTIONS.toBuilder().takeOver().build(), null)) {
                backend.clearReceived();
                second.output().write("taken\r".getBytes(StandardCharsets.US_ASCII));
                second.output().flush();
                assertThat(new String(awaitBackend(6), StandardCharsets.US_ASCII)).isEqualTo("taken\r");
            }
            first.close();
        }
    }

    @Test
    void deactivateThenActivateAgainKeepsTheFirstBytesDespiteIpmiSimsStaleSequenceNumber() throws Exception {
        backend.setEcho(false);
        backend.clearReceived();
        try (LanPlusSession s = session()) {
            // Reproduce the quirk first: two consoles without the probe, each sending one packet (seq 1).
            SolOptions noProbe = OPTIONS.toBuilder().startupProbe(false).build();
            try (SolSession a = s.activateSol(noProbe, null)) {
                a.output().write("one\r".getBytes(StandardCharsets.US_ASCII));
                a.output().flush();
            }
            assertThat(new String(awaitBackend(4), StandardCharsets.US_ASCII)).isEqualTo("one\r");
            backend.clearReceived();
            try (SolSession b = s.activateSol(noProbe, null)) {
                b.output().write("two\r".getBytes(StandardCharsets.US_ASCII));
                b.output().flush();
            }
            Thread.sleep(300);
            assertThat(backend.received()).as("ipmi_sim acknowledged and dropped seq 1 again").isEmpty();

            // The same situation with the startup probe (the default): nothing is lost.
            try (SolSession c = s.activateSol(OPTIONS, null)) {
                c.output().write("three\r".getBytes(StandardCharsets.US_ASCII));
                c.output().flush();
            }
            assertThat(new String(awaitBackend(6), StandardCharsets.US_ASCII)).isEqualTo("three\r");
            backend.clearReceived();
            try (SolSession d = s.activateSol(OPTIONS, null)) {
                d.output().write("four\r".getBytes(StandardCharsets.US_ASCII));
                d.output().flush();
            }
            assertThat(new String(awaitBackend(5), StandardCharsets.US_ASCII)).isEqualTo("four\r");
        }
    }

    @Test
    void breakReachesTheSerialSideBeforeTheFollowingCharacters() throws Exception {
        backend.setEcho(false);
        backend.clearReceived();
        try (LanPlusSession s = session(); SolSession sol = s.activateSol(OPTIONS, null)) {
            sol.sendBreak();
            sol.output().write("x\r".getBytes(StandardCharsets.US_ASCII));
            sol.output().flush();
            // ipmi_sim's TCP serial backend renders a BREAK as telnet IAC BREAK (FFh F3h)
            assertThat(awaitBackend(4)).containsExactly(0xFF, 0xF3, 'x', '\r');
            assertThat(sol.settings().retries()).as("ipmi_sim has no SOL parameter 4: defaults")
                    .isEqualTo(SolSettings.DEFAULT_RETRIES);
        }
    }

    @Test
    void closingTheSessionDeactivatesItsConsoleFirst() throws Exception {
        List<SolEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        SolSession sol;
        try (LanPlusSession s = session()) {
            sol = s.activateSol(OPTIONS, events::add);
            assertThat(sol.isOpen()).isTrue();
        }
        assertThat(sol.isOpen()).isFalse();
        assertThat(sol.input().read()).isEqualTo(-1);
        assertThat(events).doesNotContain(SolEvent.DEACTIVATE_FAILED);
        // no take-over needed: the payload was deactivated before Close Session
        try (LanPlusSession s = session(); SolSession again = s.activateSol(OPTIONS, null)) {
            assertThat(again.isOpen()).isTrue();
        }
    }

    @Test
    void closeAsyncFromTheIoThreadDeactivatesTheConsoleAndClosesTheSession() throws Exception {
        List<SolEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        LanPlusSession s = session();
        SolSession sol = s.activateSol(OPTIONS, events::add);
        // on the engine's I/O thread a closeAsync that waited for any answer would never complete
        java.util.concurrent.CompletableFuture<java.util.concurrent.CompletableFuture<Void>> started =
                new java.util.concurrent.CompletableFuture<>();
        s.runOnIoThread(() -> started.complete(s.closeAsync()));
        started.get(10, TimeUnit.SECONDS).get(30, TimeUnit.SECONDS);
        assertThat(sol.isOpen()).isFalse();
        assertThatThrownBy(() -> s.execute(new dev.ipmi.core.commands.app.GetDeviceId.Request()))
                .isInstanceOf(dev.ipmi.core.IpmiException.class);
        assertThat(events).doesNotContain(SolEvent.DEACTIVATE_FAILED);
        try (LanPlusSession again = session(); SolSession console = again.activateSol(OPTIONS, null)) {
            assertThat(console.isOpen()).isTrue();
        }
    }

    @Test
    void oneConsolePerSession() {
        try (LanPlusSession s = session(); SolSession sol = s.activateSol(OPTIONS, null)) {
            assertThatThrownBy(() -> s.activateSol(OPTIONS, null)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already has an active SOL console");
            assertThat(sol.isOpen()).isTrue();
        }
    }

    /** ipmi_sim sends nothing on the SOL channel when another session deactivates the payload. */
    @Test
    void deactivationByAnotherSessionIsNoticedByTheKeepalive() throws Exception {
        List<SolEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (LanPlusSession a = session(); LanPlusSession b = session();
             SolSession sol = a.activateSol(OPTIONS.toBuilder().keepalive(java.time.Duration.ofMillis(100)).build(), events::add)) {
            assertThat(b.execute(new dev.ipmi.core.commands.app.GetPayloadInstanceInfo.Request(1, 1)).sessionId())
                    .as("the owner Get Payload Instance Info names is the session's BMC-side ID")
                    .isEqualTo(a.bmcSessionId());
            b.execute(dev.ipmi.core.commands.app.DeactivatePayload.Request.sol());
            for (int i = 0; i < 500 && sol.isOpen(); i++) {
                Thread.sleep(10);
            }
            assertThat(sol.isOpen()).isFalse();
            assertThat(events).contains(SolEvent.DEACTIVATED_BY_BMC);
            assertThat(sol.input().read()).isEqualTo(-1);
        }
    }
}
