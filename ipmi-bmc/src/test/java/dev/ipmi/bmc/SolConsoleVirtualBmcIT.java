package dev.ipmi.bmc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.core.sol.SolOptions;
import dev.ipmi.core.sol.SolSession;
import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.core.options.LanPlusOptions;
import dev.ipmi.lanplus.LanPlusSession;
import dev.ipmi.core.types.CipherSuite;
import dev.ipmi.bmc.InMemoryBackend;
import dev.ipmi.bmc.BmcQuirk;
import dev.ipmi.bmc.VirtualBmc;
import dev.ipmi.bmc.VirtualBmcServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our SOL console (on the real RMCP+ session, suite 17) against the virtual BMC's echo console, with and
 * without the "drop the first SOL packet" quirk: the console's retransmission must recover the
 * dropped keystrokes.
 */
class SolConsoleVirtualBmcIT {
    static final SolOptions OPTIONS = SolOptions.builder().retryInterval(Duration.ofMillis(200)).keepalive(Duration.ZERO).build();
    static VirtualBmcServer server;

    @BeforeAll
    static void start() {
        server = VirtualBmcServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
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

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void bannerAndEcho(boolean dropFirst) throws Exception {
        VirtualBmc bmc = VirtualBmc.builder()
                .user("admin", "password", PrivilegeLevel.ADMINISTRATOR)
                .cipherSuites(CipherSuite.SUITE_1, CipherSuite.SUITE_17)
                .quirks(dropFirst ? Set.of(BmcQuirk.DROP_FIRST_SOL_PACKET) : Set.of())
                .backend(InMemoryBackend.create())
                .build();
        int port = server.add(bmc).getPort();
        try (LanPlusSession s = LanPlusSession.open(LanPlusOptions.builder("127.0.0.1").port(port).credentials("admin", "password".toCharArray()).cipherSuite(CipherSuite.SUITE_17).build());
             SolSession sol = s.activateSol(OPTIONS, null)) {
            assertThat(readUntil(sol.input(), "login: ")).contains("Virtual BMC serial console");
            sol.output().write("hello\r".getBytes(StandardCharsets.US_ASCII));
            sol.output().flush();
            assertThat(readUntil(sol.input(), "you typed: hello")).startsWith("hello");
            assertThat(bmc.dropped() > 0).as("quirk discarded a packet").isEqualTo(dropFirst);
        } finally {
            server.remove(bmc);
        }
    }
}
