package dev.ipmi.core.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiAuthenticationException;
import dev.ipmi.core.IpmiSessionException;
import dev.ipmi.core.IpmiSessionLostException;
import dev.ipmi.core.IpmiTimeoutException;
import dev.ipmi.core.client.IpmiClient;
import dev.ipmi.core.client.RequestTarget;
import dev.ipmi.core.commands.app.GetDeviceId;
import dev.ipmi.core.options.LanPlusOptions;
import dev.ipmi.core.options.SessionOptions;
import dev.ipmi.core.spi.IpmiTransport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fleet's session rules against scripted sessions: no sockets, no clocks asserted. */
class IpmiFleetTest {
    /** Device ID reply: cc 00, device 20h, rev 1, fw 1.00, IPMI 2.0, support, manufacturer 0, product 0. */
    private static final byte[] DEVICE_ID = {0, 0x20, 0x01, 0x01, 0x00, 0x02, 0x00, 0, 0, 0, 0, 0};
    private static final byte[] POWER_ON = {0, 0x01, 0x00, 0x00};

    /** A session whose answers the test scripts per command, and which records its close. */
    static final class Scripted implements IpmiTransport {
        final int number;
        volatile Function<CommandId, CompletableFuture<byte[]>> answer;
        volatile boolean closed;

        Scripted(int number, Function<CommandId, CompletableFuture<byte[]>> answer) {
            this.number = number;
            this.answer = answer;
        }

        @Override
        public CompletableFuture<byte[]> exchange(RequestTarget target, CommandId id, byte[] data) {
            if (closed) {
                return CompletableFuture.failedFuture(new IpmiSessionException("closed"));
            }
            return answer.apply(id);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private final List<Scripted> sessions = new CopyOnWriteArrayList<>();
    private final List<String> logins = new CopyOnWriteArrayList<>();
    private volatile Function<CommandId, CompletableFuture<byte[]>> nextAnswer = IpmiFleetTest::healthy;
    private final AtomicInteger refusals = new AtomicInteger();
    private final AtomicInteger wrongPassword = new AtomicInteger();
    private IpmiFleet fleet;

    static CompletableFuture<byte[]> healthy(CommandId id) {
        return CompletableFuture.completedFuture(id.cmd() == 0x01 && id.netFn().code() == 0x06 ? DEVICE_ID.clone()
                : POWER_ON.clone());
    }

    private FleetConnector connector() {
        return options -> {
            logins.add(options.host());
            if (options.host().startsWith("dead")) {
                return CompletableFuture.failedFuture(new IpmiTimeoutException("Open Session", 5, Duration.ofSeconds(12)));
            }
            if (wrongPassword.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                return CompletableFuture.failedFuture(new IpmiAuthenticationException("RAKP2", 0x0D,
                        "unauthorized name or wrong password"));
            }
            if (refusals.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                return CompletableFuture.failedFuture(new IpmiAuthenticationException("Open Session", 0x01,
                        "insufficient resources to create a session"));
            }
            Scripted s = new Scripted(sessions.size() + 1,
                    options.host().startsWith("slow") ? id -> new CompletableFuture<>() : nextAnswer);
            sessions.add(s);
            return CompletableFuture.completedFuture(IpmiClient.using(s, options.scheduler().orElseThrow()));
        };
    }

    private IpmiFleet.Builder builder() {
        return IpmiFleet.builder(BmcDirectory.lanplus(b -> b.credentials("admin", "secret".toCharArray())))
                .connector(connector()).slotWait(Duration.ofSeconds(20));
    }

    @AfterEach
    void close() {
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    void logsInOnFirstUseAndReusesTheSession() {
        fleet = builder().build();
        for (int i = 0; i < 5; i++) {
            assertThat(fleet.call("bmc1", c -> c.chassis().isPowerOn()).join()).isTrue();
        }
        assertThat(logins).containsExactly("bmc1");
        assertThat(fleet.sessionsOpen()).isEqualTo(1);
        BmcHealth h = fleet.health("bmc1").orElseThrow();
        assertThat(h.calls()).isEqualTo(5);
        assertThat(h.logins()).isEqualTo(1);
        assertThat(h.reLogins()).isZero();
        assertThat(h.sessionsOpen()).isEqualTo(1);
    }

    @Test
    void aSessionThatEndedFailsItsCallOnceTypedAndTheNextCallLogsInAgain() {
        fleet = builder().build();
        fleet.call("bmc1", c -> c.mc().deviceId()).join();
        sessions.get(0).answer = id -> CompletableFuture.failedFuture(new IpmiSessionException("session has ended"));
        assertThatThrownBy(() -> fleet.call("bmc1", c -> c.mc().deviceId()).join())
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(IpmiSessionLostException.class)
                .satisfies(e -> assertThat(((IpmiSessionLostException) e).mayHaveExecuted()).isTrue())
                .hasMessageContaining("bmc1");
        assertThat(fleet.call("bmc1", c -> c.mc().deviceId()).join().deviceId()).isEqualTo(0x20);
        assertThat(logins).hasSize(2);
        assertThat(sessions.get(0).closed).isTrue();
        assertThat(fleet.sessionsOpen()).isEqualTo(1);
        assertThat(fleet.health("bmc1").orElseThrow().sessionsLost()).isEqualTo(1);
    }

    @Test
    void aTimeoutIsNotALostSessionWhenTheProbeIsAnswered() {
        fleet = builder().build();
        fleet.call("bmc1", c -> c.mc().deviceId()).join();
        Scripted s = sessions.get(0);
        s.answer = id -> CompletableFuture.failedFuture(new IpmiTimeoutException("Get Chassis Status", 5,
                Duration.ofSeconds(12)));
        assertThatThrownBy(() -> fleet.call("bmc1", c -> c.chassis().isPowerOn()).join())
                .cause().isInstanceOf(IpmiTimeoutException.class);
        s.answer = IpmiFleetTest::healthy;
        assertThat(fleet.call("bmc1", c -> c.chassis().isPowerOn()).join()).isTrue();
        assertThat(logins).hasSize(1);
        assertThat(s.closed).isFalse();
    }

    @Test
    void aDoubtfulSessionThatFailsItsProbeIsReplacedBeforeTheNextCall() {
        fleet = builder().probeTimeout(Duration.ofMillis(50)).build();
        fleet.call("bmc1", c -> c.mc().deviceId()).join();
        Scripted s = sessions.get(0);
        // a BMC that restarted forgets the session and stays silent
        s.answer = id -> new CompletableFuture<>();
        fleet.call("bmc1", c -> CompletableFuture.failedFuture(new IpmiTimeoutException("Get Chassis Status", 5,
                Duration.ofSeconds(12)))).handle((r, e) -> null).join();
        assertThat(fleet.call("bmc1", c -> c.chassis().isPowerOn()).join()).isTrue();
        assertThat(logins).hasSize(2);
        assertThat(s.closed).isTrue();
        assertThat(fleet.sessionsOpen()).isEqualTo(1);
    }

    @Test
    void aBmcOutOfSessionSlotsIsAskedAgain() {
        fleet = builder().build();
        refusals.set(2);
        assertThat(fleet.call("bmc1", c -> c.chassis().isPowerOn()).join()).isTrue();
        assertThat(logins).hasSize(3);
        assertThat(fleet.health("bmc1").orElseThrow().logins()).isEqualTo(1);
    }

    @Test
    void aFailedLoginFailsTheCallAndTheNextCallTriesAgain() {
        fleet = builder().build();
        wrongPassword.set(1);
        assertThatThrownBy(() -> fleet.call("bmc1", c -> c.chassis().isPowerOn()).join())
                .cause().isInstanceOf(IpmiAuthenticationException.class).hasMessageContaining("RAKP");
        assertThat(fleet.call("bmc1", c -> c.chassis().isPowerOn()).join()).isTrue();
        assertThat(fleet.health("bmc1").orElseThrow().loginFailures()).isEqualTo(1);
        assertThat(logins).hasSize(2);
    }

    @Test
    void callsInFlightPerBmcAreCapped() {
        fleet = builder().inFlightPerBmc(2).build();
        List<CompletableFuture<Integer>> gates = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<CompletableFuture<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(fleet.call("bmc1", c -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                CompletableFuture<Integer> g = new CompletableFuture<>();
                gates.add(g);
                return g.whenComplete((v, e) -> running.decrementAndGet());
            }));
        }
        for (int released = 0; released < 6; released++) {
            int r = released;
            await(() -> gates.size() > r);
            assertThat(running.get()).isLessThanOrEqualTo(2);
            gates.get(released).complete(released);
        }
        calls.forEach(CompletableFuture::join);
        assertThat(most.get()).isEqualTo(2);
        assertThat(logins).hasSize(1);
    }

    @Test
    void neverMoreSessionsThanTheCap() {
        fleet = builder().sessionsPerBmc(2).inFlightPerBmc(8).build();
        List<CompletableFuture<Void>> gates = new CopyOnWriteArrayList<>();
        List<CompletableFuture<Void>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(fleet.call("bmc1", c -> {
                CompletableFuture<Void> g = new CompletableFuture<>();
                gates.add(g);
                return g;
            }));
        }
        await(() -> gates.size() == 8);
        assertThat(fleet.sessionsOpen()).isBetween(1, 2);
        gates.forEach(g -> g.complete(null));
        calls.forEach(CompletableFuture::join);
        assertThat(sessions.size()).isLessThanOrEqualTo(2);
    }

    @Test
    void fanOutGivesOneTypedResultPerHostInOrderAndNeverThrowsForOneBadHost() {
        fleet = IpmiFleet.builder(name -> {
            if (name.equals("unknown")) {
                throw new IllegalArgumentException("no BMC named 'unknown'");
            }
            return LanPlusOptions.builder(name).credentials("admin", new char[] {'x'});
        }).connector(connector()).build();
        List<String> progress = new CopyOnWriteArrayList<>();
        FanOutResult<Boolean> r = fleet.<Boolean>forEach(List.of("a", "dead1", "unknown", "b"), Duration.ofSeconds(30),
                (res, done, total) -> progress.add(res.host() + " " + done + "/" + total),
                c -> c.chassis().isPowerOn()).join();
        assertThat(r.results()).extracting(HostResult::host).containsExactly("a", "dead1", "unknown", "b");
        assertThat(r.results()).extracting(HostResult::ok).containsExactly(true, false, false, true);
        assertThat(r.failures().get(0).error().orElseThrow()).isInstanceOf(IpmiTimeoutException.class);
        assertThat(r.failures().get(1).error().orElseThrow()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown");
        assertThat(r.values()).containsOnlyKeys("a", "b");
        assertThat(r.allOk()).isFalse();
        assertThat(progress).hasSize(4).anyMatch(p -> p.endsWith(" 4/4"));
    }

    @Test
    void aHostNotDoneByTheDeadlineFailsWithATimeoutSayingItsWorkStarted() {
        fleet = builder().build();
        FanOutResult<Boolean> r = fleet.forEach(List.of("slow", "fast"), Duration.ofMillis(200), FanOutProgress.none(),
                c -> c.chassis().isPowerOn()).join();
        HostResult<Boolean> slow = r.results().get(0);
        assertThat(slow.ok()).isFalse();
        IpmiTimeoutException e = (IpmiTimeoutException) slow.error().orElseThrow();
        assertThat(e.mayHaveExecuted()).isTrue();
        assertThat(e.safeToRetry()).isFalse();
        assertThat(r.results().get(1).ok()).isTrue();
    }

    @Test
    void oneLinersRunOnEveryHost() {
        fleet = builder().build();
        FanOutResult<Boolean> power = fleet.powerStatus(List.of("h1", "h2", "h3")).join();
        assertThat(power.values()).containsOnlyKeys("h1", "h2", "h3").containsValue(true);
        FanOutResult<GetDeviceId.Response> ids = fleet.deviceIds(List.of("h1", "h2")).join();
        assertThat(ids.allOk()).isTrue();
        assertThat(logins).hasSize(3);
    }

    @Test
    void closeAsyncClosesEverySessionAndLaterCallsFail() {
        fleet = builder().build();
        fleet.powerStatus(List.of("h1", "h2", "h3")).join();
        fleet.closeAsync().join();
        assertThat(sessions).allMatch(s -> s.closed);
        assertThat(fleet.sessionsOpen()).isZero();
        assertThatThrownBy(() -> fleet.call("h1", c -> c.chassis().isPowerOn()).join())
                .cause().isInstanceOf(IllegalStateException.class);
    }

    @Test
    void directoryNamesAreHostsWithOptionalPorts() {
        BmcDirectory d = BmcDirectory.lanplus(b -> b.credentials("admin", "hunter2".toCharArray()));
        SessionOptions o = d.resolve("10.0.0.5:6230").build();
        assertThat(o.host()).isEqualTo("10.0.0.5");
        assertThat(o.port()).isEqualTo(6230);
        assertThat(o.toString()).doesNotContain("hunter2");
        assertThat(d.resolve("[::1]:700").build().port()).isEqualTo(700);
        assertThat(d.resolve("node7").build().port()).isEqualTo(623);
        assertThat(BmcDirectory.lan(b -> b).resolve("node7").build().transport()).isEqualTo("lan");
        assertThatThrownBy(() -> d.resolve("node7:99999"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port");
    }

    @Test
    void theFleetSetsItsListenerAndSchedulerOnTheOptions() {
        List<SessionOptions> seen = new CopyOnWriteArrayList<>();
        FleetConnector inner = connector();
        fleet = builder().connector(o -> {
            seen.add(o);
            return inner.connect(o);
        }).build();
        fleet.call("bmc1", c -> c.chassis().isPowerOn()).join();
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).scheduler()).isPresent();
        assertThat(seen.get(0).listener()).isNotSameAs(dev.ipmi.core.event.IpmiEventListener.NONE);
    }

    @Test
    void theFleetKeepaliveOverridesTheDirectorysPerBmcAndNullKeepsIt() {
        List<SessionOptions> seen = new CopyOnWriteArrayList<>();
        FleetConnector inner = connector();
        fleet = IpmiFleet.builder(BmcDirectory.lanplus(b -> b.credentials("admin", "secret".toCharArray())
                        .keepalive(Duration.ofSeconds(50))))
                .connector(o -> {
                    seen.add(o);
                    return inner.connect(o);
                })
                .keepAlive(name -> switch (name) {
                    case "openbmc" -> Duration.ofSeconds(20);
                    case "quiet" -> Duration.ZERO;
                    case "broken" -> Duration.ofSeconds(-1);
                    default -> null;
                }).build();
        for (String name : List.of("openbmc", "quiet", "other")) {
            fleet.call(name, c -> c.chassis().isPowerOn()).join();
        }
        assertThat(seen).extracting(SessionOptions::host).containsExactly("openbmc", "quiet", "other");
        assertThat(seen).extracting(SessionOptions::keepalive)
                .containsExactly(Duration.ofSeconds(20), Duration.ZERO, Duration.ofSeconds(50));
        assertThatThrownBy(() -> fleet.call("broken", c -> c.chassis().isPowerOn()).join())
                .isInstanceOf(CompletionException.class).cause()
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("keepAlive");
        assertThat(seen).hasSize(3);
    }

    @Test
    void aFleetWideKeepaliveReachesEverySession() {
        List<SessionOptions> seen = new CopyOnWriteArrayList<>();
        FleetConnector inner = connector();
        fleet = builder().keepAlive(Duration.ofSeconds(10)).connector(o -> {
            seen.add(o);
            return inner.connect(o);
        }).build();
        fleet.powerStatus(List.of("bmc1", "bmc2")).join();
        assertThat(seen).extracting(SessionOptions::keepalive).containsOnly(Duration.ofSeconds(10)).hasSize(2);
        assertThatThrownBy(() -> IpmiFleet.builder(BmcDirectory.lanplus(b -> b)).keepAlive(Duration.ofMillis(-5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("keepAlive");
    }

    private static void await(java.util.function.BooleanSupplier condition) {
        for (int i = 0; i < 2000 && !condition.getAsBoolean(); i++) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        assertThat(condition.getAsBoolean()).as("condition within 10 s").isTrue();
    }
}
