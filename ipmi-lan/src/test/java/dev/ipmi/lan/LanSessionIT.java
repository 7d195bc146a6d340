package dev.ipmi.lan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipmi.core.CompletionCodeException;
import dev.ipmi.core.IpmiAuthenticationException;
import dev.ipmi.core.IpmiTimeoutException;
import dev.ipmi.core.RawRequest;
import dev.ipmi.core.client.RetryPolicy;
import dev.ipmi.core.commands.app.GetDeviceId;
import dev.ipmi.core.commands.session.SetSessionPrivilegeLevel;
import dev.ipmi.core.options.LanOptions;
import dev.ipmi.core.types.AuthType;
import dev.ipmi.core.types.CompletionCode;
import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.lan.engine.AsfPing;
import dev.ipmi.testing.IpmiSim;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** IPMI 1.5 sessions against ipmi_sim, compared with ipmitool on the same instance. */
class LanSessionIT {
    private static final RetryPolicy FAST = new RetryPolicy(Duration.ofMillis(300), 1.5, Duration.ofSeconds(1), 1, 0.1);
    private static IpmiSim sim;

    @BeforeAll
    static void start() {
        IpmiSim.requireTools();
        sim = IpmiSim.builder().sol(false).start();
    }

    @AfterAll
    static void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private static LanOptions.Builder options(String user, String password) {
        return LanOptions.builder(sim.host()).port(sim.port()).credentials(user, password.toCharArray());
    }

    @ParameterizedTest
    @ValueSource(strings = {"MD5", "MD2", "PASSWORD", "NONE"})
    void sessionWithEachAuthType(String auth) {
        AuthType type = AuthType.parse(auth);
        LanOptions o = options("admin", "password").authType(type).allowInsecureAuth(true).build();
        try (LanSession s = LanSession.open(o)) {
            assertThat(s.authType()).isEqualTo(type);
            assertThat(s.privilege()).isEqualTo(PrivilegeLevel.ADMINISTRATOR);
            GetDeviceId.Response id = s.send(new GetDeviceId.Request()).join();
            assertThat(id.manufacturerId()).isEqualTo(4753);
        }
    }

    @Test
    void requestsAfterCloseFailFast() {
        LanSession s = LanSession.open(options("admin", "password").build());
        s.close();
        assertThatThrownBy(() -> LanSession.await(s.send(new GetDeviceId.Request())))
                .isInstanceOf(dev.ipmi.core.IpmiSessionException.class);
    }

    @Test
    void automaticChoiceIsMd5() {
        try (LanSession s = LanSession.open(options("admin", "password").build())) {
            assertThat(s.authType()).isEqualTo(AuthType.MD5);
        }
    }

    @Test
    void getDeviceIdEqualsIpmitoolMcInfo() throws Exception {
        List<String> cmd = new ArrayList<>(sim.ipmitoolArgs("lan", "admin", "password"));
        cmd.addAll(List.of("-A", "MD5", "mc", "info"));
        Map<String, String> tool = fields(IpmiSim.run(cmd, sim.stateDir()));
        GetDeviceId.Response id;
        try (LanSession s = LanSession.open(options("admin", "password").authType(AuthType.MD5).build())) {
            id = s.send(new GetDeviceId.Request()).join();
        }
        assertThat(tool.get("Device ID")).isEqualTo(Integer.toString(id.deviceId()));
        assertThat(tool.get("Device Revision")).isEqualTo(Integer.toString(id.deviceRevision()));
        assertThat(tool.get("Firmware Revision")).isEqualTo(id.firmwareRevisionText());
        assertThat(tool.get("IPMI Version")).isEqualTo(id.ipmiVersionText());
        assertThat(tool.get("Manufacturer ID")).isEqualTo(Integer.toString(id.manufacturerId()));
        assertThat(tool.get("Product ID")).isEqualTo(String.format("%d (0x%04x)", id.productId(), id.productId()));
        assertThat(tool.get("Device Available")).isEqualTo(id.deviceAvailable() ? "yes" : "no");
        assertThat(tool.get("Provides Device SDRs")).isEqualTo(id.providesDeviceSdrs() ? "yes" : "no");
    }

    private static Map<String, String> fields(String text) {
        Map<String, String> m = new HashMap<>();
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && !line.startsWith(" ")) {
                m.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            }
        }
        return m;
    }

    @ParameterizedTest
    @CsvSource({"admin,password,ADMINISTRATOR", "operator,operpass,OPERATOR", "user,userpass,USER"})
    void loginAtEachPrivilegeLevel(String user, String password, String level) {
        PrivilegeLevel p = PrivilegeLevel.parse(level);
        try (LanSession s = LanSession.open(options(user, password).privilege(p).build())) {
            assertThat(s.privilege()).isEqualTo(p);
            assertThat(s.send(new SetSessionPrivilegeLevel.Request(p)).join().level()).isEqualTo(p);
        }
    }

    @Test
    void adminOnlyCommandAtUserLevelIsInsufficientPrivilege() {
        try (LanSession s = LanSession.open(options("user", "userpass").privilege(PrivilegeLevel.USER).build())) {
            CompletableFuture<RawRequest.Response> f = s.send(RawRequest.of(0x00, 0x02, (byte) 0x01)); // Chassis Control: power up
            assertThatThrownBy(() -> LanSession.await(f)).isInstanceOf(CompletionCodeException.class)
                    .satisfies(e -> assertThat(((CompletionCodeException) e).code())
                            .isEqualTo(CompletionCode.INSUFFICIENT_PRIVILEGE));
        }
    }

    @Test
    void operatorCannotAskForAdministrator() {
        assertThatThrownBy(() -> LanSession.open(options("operator", "operpass").retry(FAST).build()))
                .isInstanceOf(dev.ipmi.core.PrivilegeUnavailableException.class)
                .hasMessageContaining("exceeds"); // ipmi_sim answers Activate Session with 86h
    }

    @Test
    void wrongPasswordIsAnAuthenticationError() {
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> LanSession.open(options("admin", "wrong").retry(FAST).build()))
                .isInstanceOf(IpmiAuthenticationException.class)
                .hasMessageContaining("no reply to Activate Session — wrong user name or password?")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("wrong\""));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void twoHundredRequestsFromEightThreadsOnOneSession() throws Exception {
        try (LanSession s = LanSession.open(options("admin", "password").build())) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Boolean>> results = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    boolean deviceId = i % 2 == 0;
                    results.add(pool.submit(() -> deviceId
                            ? s.send(new GetDeviceId.Request()).get(30, TimeUnit.SECONDS).deviceId() == 0x20
                            : s.send(new SetSessionPrivilegeLevel.Request(PrivilegeLevel.ADMINISTRATOR))
                                    .get(30, TimeUnit.SECONDS).level().equals(PrivilegeLevel.ADMINISTRATOR)));
                }
                int ok = 0;
                for (Future<Boolean> r : results) {
                    ok += r.get(60, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertThat(ok).isEqualTo(200);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void asfPingAnsweredBySimAndNotByAClosedPort() throws Exception {
        assertThat(AsfPing.ping(sim.host(), sim.port(), Duration.ofSeconds(2))).isTrue();
        int closed;
        try (DatagramSocket d = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            closed = d.getLocalPort();
        }
        long t0 = System.nanoTime();
        assertThat(AsfPing.ping("127.0.0.1", closed, Duration.ofMillis(400))).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void unreachableBmcTimesOut() throws Exception {
        int closed;
        try (DatagramSocket d = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            closed = d.getLocalPort();
        }
        LanOptions o = LanOptions.builder("127.0.0.1").port(closed).credentials("admin", "password".toCharArray()).retry(FAST).build();
        assertThatThrownBy(() -> LanSession.open(o)).isInstanceOf(IpmiTimeoutException.class)
                .satisfies(e -> assertThat(((IpmiTimeoutException) e).attempts()).isEqualTo(2));
    }
}
