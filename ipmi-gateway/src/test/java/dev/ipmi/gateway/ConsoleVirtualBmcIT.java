package dev.ipmi.gateway;

import static dev.ipmi.gateway.GatewayFixture.NODE_KEY;
import static dev.ipmi.gateway.GatewayFixture.OPERATOR_KEY;
import static dev.ipmi.gateway.GatewayFixture.VIEWER_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.core.types.CipherSuite;
import dev.ipmi.core.client.IpmiClient;
import dev.ipmi.core.sol.SolOptions;
import dev.ipmi.core.sol.SolSession;
import dev.ipmi.testing.Closeables;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The console WebSocket against the virtual BMC's echo console: writer, viewers, take-over, refusals, close. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ConsoleVirtualBmcIT {
    private static final String PATH = "/api/v1/bmcs/node01/console";
    private static VirtualBmcs bmcs;
    /** An operator whose allow-list has console.open but not console.write. */
    private static final String READER_KEY = "console-reader-key-0123456789";
    /** An operator whose allow-list has no console command. */
    private static final String NO_CONSOLE_KEY = "no-console-key-0123456789";
    private static GatewayFixture gw;
    private static Http http;

    @BeforeAll
    static void start() {
        bmcs = VirtualBmcs.start(2);
        gw = GatewayFixture.start(GatewayVirtualBmcIT.bmc("node01", bmcs.port(0), "{}")
                        + GatewayVirtualBmcIT.bmc("db01", bmcs.port(1), "{}"), "cors: {origins: [\"https://ops.example.com\"]}\n",
                "  - {name: console-reader, sha256: " + dev.ipmi.gateway.auth.Secrets.sha256Hex(READER_KEY)
                        + ", role: operator, commands: [console.open]}\n"
                        + "  - {name: no-console, sha256: " + dev.ipmi.gateway.auth.Secrets.sha256Hex(NO_CONSOLE_KEY)
                        + ", role: operator, commands: [power.status]}\n", "",
                Map.of("BMC_PASSWORD", VirtualBmcs.PASSWORD));
        http = gw.http();
    }

    @AfterAll
    static void stop() throws Exception {
        Closeables.closeAll(gw, bmcs);
    }

    @AfterEach
    void allConsolesClosed() {
        WsClient.await(() -> gw.server().consoles().openConsoles() == 0, "every console closed after its clients left");
    }

    @Test
    void writerTypesAndSeesTheEcho() {
        try (WsClient w = WsClient.open(http, PATH, OPERATOR_KEY)) {
            assertThat(w.awaitText(t -> t.contains("\"hello\""), "hello")).contains("\"role\":\"writer\"");
            w.awaitText(t -> t.contains("\"open\""), "console open");
            w.send("hello gateway\r");
            w.awaitOutput("you typed: hello gateway");
        }
    }

    @Test
    void viewersSeeTheSameOutputButCannotType() {
        try (WsClient w = WsClient.open(http, PATH, OPERATOR_KEY);
             WsClient v = WsClient.open(http, PATH, VIEWER_KEY)) {
            w.awaitText(t -> t.contains("\"open\""), "console open");
            assertThat(v.awaitText(t -> t.contains("\"hello\""), "hello")).contains("\"role\":\"viewer\"");
            v.send("sneaky\r");
            assertThat(v.awaitText(t -> t.contains("\"error\""), "read-only error")).contains("read-only");
            w.send("shared\r");
            w.awaitOutput("you typed: shared");
            v.awaitOutput("you typed: shared");
            assertThat(w.output()).doesNotContain("sneaky");
        }
    }

    @Test
    void secondOperatorIsAViewerUntilItTakesOver() {
        // The server registers a client after the upgrade completes, so two clients opened back to back
        // may be registered in either order: the second connects only once the first is the writer.
        try (WsClient first = WsClient.open(http, PATH, OPERATOR_KEY)) {
            assertThat(first.awaitText(t -> t.contains("\"hello\""), "hello")).contains("\"role\":\"writer\"");
            first.awaitText(t -> t.contains("\"open\""), "console open");
            try (WsClient second = WsClient.open(http, PATH, NODE_KEY)) {
                assertThat(second.awaitText(t -> t.contains("\"hello\""), "hello")).contains("\"role\":\"viewer\"");
                try (WsClient third = WsClient.open(http, PATH + "?takeover=true", NODE_KEY)) {
                    assertThat(third.awaitText(t -> t.contains("\"hello\""), "hello")).contains("\"role\":\"writer\"");
                    assertThat(first.awaitText(t -> t.contains("\"role\":\"viewer\""), "demotion"))
                            .contains("taken over by key:nodes-only");
                    third.send("mine now\r");
                    third.awaitOutput("you typed: mine now");
                    first.awaitOutput("you typed: mine now");
                    first.send("not mine\r");
                    first.awaitText(t -> t.contains("\"error\""), "read-only error after take-over");
                }
            }
        }
    }

    @Test
    void allowListDecidesWhoMayWrite() throws Exception {
        // the writer seat is free, yet an operator without console.write joins read-only
        try (WsClient r = WsClient.open(http, PATH, READER_KEY)) {
            assertThat(r.awaitText(t -> t.contains("\"hello\""), "hello")).contains("\"role\":\"viewer\"");
        }
        assertThat(WsClient.refused(http, PATH + "?takeover=true", READER_KEY)).isEqualTo(403);
        assertThat(WsClient.refused(http, PATH, NO_CONSOLE_KEY)).isEqualTo(403);
    }

    @Test
    void upgradeIsRefusedWithoutRightsAsPlainHttp() {
        assertThat(WsClient.refused(http, PATH, null)).isEqualTo(401);
        assertThat(WsClient.refused(http, PATH, "not-a-key-not-a-key-not")).isEqualTo(401);
        assertThat(WsClient.refused(http, PATH + "?takeover=true", VIEWER_KEY)).isEqualTo(403);
        assertThat(WsClient.refused(http, "/api/v1/bmcs/db01/console", NODE_KEY)).isEqualTo(404);
        assertThat(WsClient.refused(http, "/api/v1/bmcs/nope/console", OPERATOR_KEY)).isEqualTo(404);
        assertThat(WsClient.refused(http, PATH + "?takeover=maybe", OPERATOR_KEY)).isEqualTo(400);
    }

    @Test
    void loginTokenWorksAsQueryParameter() {
        String token = http.post("/api/v1/login", null,
                "{\"username\":\"alice\",\"password\":\"" + GatewayFixture.ALICE_PASSWORD + "\"}").json().get("token").asText();
        try (WsClient w = WsClient.open(http, PATH + "?token=" + token, null)) {
            assertThat(w.awaitText(t -> t.contains("\"hello\""), "hello")).contains("\"role\":\"writer\"");
        }
        assertThat(WsClient.refused(http, PATH + "?token=forged-token-forged-token", null)).isEqualTo(401);
    }

    @Test
    void reconnectAfterACleanCloseGetsANewConsole() {
        for (int i = 0; i < 3; i++) {
            try (WsClient w = WsClient.open(http, PATH, OPERATOR_KEY)) {
                w.awaitText(t -> t.contains("\"open\""), "console open, round " + i);
                w.send("round " + i + "\r");
                w.awaitOutput("you typed: round " + i);
            }
            WsClient.await(() -> gw.server().consoles().openConsoles() == 0, "console closed after round");
        }
    }

    @Test
    void solTakenAwayAtTheBmcClosesTheConsole() {
        try (WsClient w = WsClient.open(http, PATH, OPERATOR_KEY)) {
            w.awaitText(t -> t.contains("\"open\""), "console open");
            try (IpmiClient other = IpmiClient.lanplus("127.0.0.1").port(bmcs.port(0))
                    .credentials(VirtualBmcs.USER, VirtualBmcs.PASSWORD.toCharArray()).cipherSuite(CipherSuite.SUITE_17).connect();
                 SolSession taken = other.sol().activate(SolOptions.builder().takeOver().build())) {
                assertThat(w.awaitClosed()).isEqualTo(1011);
                assertThat(w.closeReason()).contains("SOL");
                assertThat(taken.isOpen()).isTrue();
            }
        }
    }

    @Test
    void theConsolesOwnSessionIsClosedAtTheBmcWhenTheConsoleEnds() {
        Http.Resp power = http.get("/api/v1/bmcs/db01/power", OPERATOR_KEY);
        assertThat(power.status()).as(power.toString()).isEqualTo(200);
        assertThat(bmcs.sessions(1)).as("the fleet's pooled session").isEqualTo(1);
        for (int round = 0; round < 2; round++) {
            try (WsClient w = WsClient.open(http, "/api/v1/bmcs/db01/console", OPERATOR_KEY)) {
                w.awaitText(t -> t.contains("\"open\""), "console open");
                assertThat(bmcs.sessions(1)).as("the console's SOL session besides the fleet's").isEqualTo(2);
            }
            WsClient.await(() -> gw.server().consoles().openConsoles() == 0, "console closed");
            WsClient.await(() -> bmcs.sessions(1) == 1, "the console's session closed at the BMC, the fleet's kept (now "
                    + bmcs.sessions(1) + ")");
        }
        assertThat(http.get("/api/v1/bmcs/db01/power", OPERATOR_KEY).status()).isEqualTo(200);
        assertThat(bmcs.sessions(1)).isEqualTo(1);
    }

    @Test
    void corsOpensOnlyForConfiguredOrigins() {
        Http.Resp ok = http.send("GET", "/api/v1/bmcs", VIEWER_KEY, null, Map.of("Origin", "https://ops.example.com"));
        assertThat(ok.headers().firstValue("Access-Control-Allow-Origin")).contains("https://ops.example.com");
        Http.Resp preflight = http.send("OPTIONS", "/api/v1/bmcs/node01/power", null, null,
                Map.of("Origin", "https://ops.example.com", "Access-Control-Request-Method", "POST"));
        assertThat(preflight.status()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers")).hasValueSatisfying(
                h -> assertThat(h).contains("Authorization"));
        Http.Resp other = http.send("GET", "/api/v1/bmcs", VIEWER_KEY, null, Map.of("Origin", "https://evil.example"));
        assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void unknownControlMessageIsAnErrorNotAClose() {
        try (WsClient w = WsClient.open(http, PATH, OPERATOR_KEY)) {
            w.awaitText(t -> t.contains("\"open\""), "console open");
            w.control("{\"type\":\"reboot-the-world\"}");
            assertThat(w.awaitText(t -> t.contains("\"error\""), "error")).contains("unknown control type");
            w.control("not json");
            w.send("still here\r");
            w.awaitOutput("you typed: still here");
        }
    }
}
