package dev.ipmi.lanplus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.core.CompletionCodeException;
import dev.ipmi.core.IpmiException;
import dev.ipmi.core.IpmiSessionLostException;
import dev.ipmi.core.IpmiTimeoutException;
import dev.ipmi.core.client.IpmiClient;
import dev.ipmi.core.client.RetryPolicy;
import dev.ipmi.core.commands.app.GetDeviceId;
import dev.ipmi.core.commands.storage.AddSelEntry;
import dev.ipmi.core.commands.storage.GetSelInfo;
import dev.ipmi.core.fleet.BmcDirectory;
import dev.ipmi.core.fleet.BmcHealth;
import dev.ipmi.core.fleet.IpmiFleet;
import dev.ipmi.core.types.CipherSuite;
import dev.ipmi.testing.FaultyUdpRelay;
import dev.ipmi.testing.IpmiSim;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * The fleet against ipmi_sim: a BMC restart on the same port, a lossy link, a BMC out of session
 * slots. Loops are bounded by count and by time.
 */
class FleetIT {
    /** Short timeouts: the lossy link and the restart would otherwise take minutes. */
    private static final RetryPolicy FAST = new RetryPolicy(Duration.ofMillis(60), 1.5, Duration.ofMillis(200), 6, 0.2);

    private static BmcDirectory admin() {
        return BmcDirectory.lanplus(b -> b.credentials(IpmiSim.ADMIN, IpmiSim.ADMIN_PASSWORD.toCharArray())
                .cipherSuite(CipherSuite.SUITE_3).retry(FAST));
    }

    private static IpmiClient direct(IpmiSim sim) {
        return IpmiClient.lanplus(sim.host()).port(sim.port()).cipherSuite(CipherSuite.SUITE_3)
                .credentials(IpmiSim.ADMIN, IpmiSim.ADMIN_PASSWORD.toCharArray()).connect();
    }

    private static Throwable failure(Runnable r) {
        try {
            r.run();
            return null;
        } catch (CompletionException e) {
            return e.getCause();
        }
    }

    @Test
    void aBmcRestartOnTheSamePortIsHealedByTheNextCalls() {
        IpmiSim.requireTools();
        IpmiSim sim = IpmiSim.builder().sol(false).start();
        int port = sim.port();
        String name = "127.0.0.1:" + port;
        try (IpmiFleet fleet = IpmiFleet.builder(admin()).probeTimeout(Duration.ofMillis(300))
                .build()) {
            assertThat(fleet.call(name, c -> c.mc().deviceId()).join().deviceId()).isEqualTo(0x20);
            sim.close();
            Throwable during = failure(() -> fleet.call(name, c -> c.mc().deviceId()).join());
            assertThat(during).isInstanceOfAny(IpmiTimeoutException.class, IpmiSessionLostException.class);
            sim = IpmiSim.builder().sol(false).port(port).start();
            // the first call after the BMC answers again succeeds: the session logs in again by itself, or the
            // fleet finds it doubtful, probes it and replaces it
            assertThat(fleet.call(name, c -> c.mc().deviceId()).join().deviceId()).isEqualTo(0x20);
            BmcHealth h = fleet.health(name).orElseThrow();
            assertThat(h.sessionsOpen()).isEqualTo(1);
            assertThat(fleet.call(name, c -> c.chassis().status()).join()).isNotNull();
        } finally {
            sim.close();
        }
    }

    /** A plain client, IPMI 1.5 and RMCP+, outlives a BMC restart: a later call logs in again by itself. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"lan", "lanplus"})
    void aPlainClientHealsAfterABmcRestart(String kind) {
        IpmiSim.requireTools();
        IpmiSim sim = IpmiSim.builder().sol(false).start();
        int port = sim.port();
        dev.ipmi.core.options.SessionOptions options = kind.equals("lan")
                ? IpmiClient.lan(sim.host()).port(port).credentials(IpmiSim.ADMIN, IpmiSim.ADMIN_PASSWORD.toCharArray())
                        .retry(FAST).build()
                : IpmiClient.lanplus(sim.host()).port(port).cipherSuite(CipherSuite.SUITE_3)
                        .credentials(IpmiSim.ADMIN, IpmiSim.ADMIN_PASSWORD.toCharArray()).retry(FAST).build();
        try (IpmiClient c = IpmiClient.connect(options)) {
            assertThat(c.mc().deviceId().deviceId()).isEqualTo(0x20);
            sim.close();
            sim = IpmiSim.builder().sol(false).port(port).start();
            GetDeviceId.Response r = null;
            int failures = 0;
            for (int i = 0; i < 30 && r == null; i++) {
                try {
                    r = c.mc().deviceId();
                } catch (IpmiException e) {
                    assertThat(e).as("failure #" + failures).isInstanceOfAny(IpmiTimeoutException.class,
                            dev.ipmi.core.IpmiSessionException.class);
                    failures++;
                }
            }
            assertThat(r).as("a call after the restart succeeds").isNotNull();
            assertThat(c.mc().deviceId().deviceId()).isEqualTo(0x20);
        } finally {
            sim.close();
            options.wipe();
        }
    }

    /**
     * An idle client's keepalive finds the BMC gone; the session logs in again by itself, that
     * re-login times out and ends the session, all without a call of the caller in flight. The first
     * call after the BMC answers again must succeed (the ended session never sent it, so the client
     * sends it on a new session), not fail with "session has ended".
     */
    @Test
    void theFirstCallAfterAFailedReloginInsideAnIdleSessionSucceeds() throws Exception {
        IpmiSim.requireTools();
        IpmiSim sim = IpmiSim.builder().sol(false).start();
        int port = sim.port();
        java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);
        dev.ipmi.core.options.SessionOptions options = IpmiClient.lanplus(sim.host()).port(port)
                .cipherSuite(CipherSuite.SUITE_3).credentials(IpmiSim.ADMIN, IpmiSim.ADMIN_PASSWORD.toCharArray())
                .retry(FAST).keepalive(Duration.ofMillis(200)).listener(new dev.ipmi.core.event.IpmiEventListener() {
                    @Override
                    public void sessionClosed(java.net.SocketAddress bmc, int sessionId, Throwable cause) {
                        ended.countDown();
                    }
                }).build();
        try (IpmiClient c = IpmiClient.connect(options)) {
            assertThat(c.mc().deviceId().deviceId()).isEqualTo(0x20);
            sim.close();
            assertThat(ended.await(30, java.util.concurrent.TimeUnit.SECONDS))
                    .as("the idle session ended after its own re-login failed").isTrue();
            sim = IpmiSim.builder().sol(false).port(port).start();
            assertThat(c.mc().deviceId().deviceId()).as("the first call after the BMC is back").isEqualTo(0x20);
            assertThat(c.chassis().status()).isNotNull();
        } finally {
            sim.close();
            options.wipe();
        }
    }

    /**
     * 30 % of datagrams lost each way, 10 % delayed (reordered) each way, 10 % of the replies
     * duplicated. Requests are not duplicated by the relay: ipmi_sim executes a duplicated request
     * datagram again (it keeps no replay window), which no client can prevent; what the client
     * controls is that it never retransmits an Add SEL Entry itself.
     */
    @Test
    void throughALossyLinkEveryCallSucceedsOrFailsTypedAndAddSelEntryNeverRunsTwice() throws Exception {
        IpmiSim.requireTools();
        int count = Integer.getInteger("ipmi.fleet.lossy.count", 400);
        long budgetNanos = Duration.ofSeconds(Integer.getInteger("ipmi.fleet.lossy.seconds", 90)).toNanos();
        try (IpmiSim sim = IpmiSim.builder().sol(false).start();
             FaultyUdpRelay relay = new FaultyUdpRelay(sim.host(), sim.port(), 12)) {
            int before;
            try (IpmiClient c = direct(sim)) {
                before = c.execute(new GetSelInfo.Request()).entries();
            }
            relay.faults(new FaultyUdpRelay.Faults(0.3, 0.0, 0.1, 100), new FaultyUdpRelay.Faults(0.3, 0.1, 0.1, 100));
            String name = "127.0.0.1:" + relay.port();
            int ok = 0;
            int failed = 0;
            int addsReported = 0;
            int addsDoubtful = 0;
            int done = 0;
            long start = System.nanoTime();
            try (IpmiFleet fleet = IpmiFleet.builder(admin()).build()) {
                for (int i = 0; i < count && System.nanoTime() - start < budgetNanos; i++, done++) {
                    boolean add = i % 10 == 5;
                    try {
                        if (add) {
                            byte[] record = new byte[16];
                            record[2] = 0x02;
                            record[7] = 0x20;
                            record[9] = 0x04;
                            record[10] = 0x01;
                            record[11] = 0x01;
                            fleet.execute(name, new AddSelEntry.Request(record)).join();
                            addsReported++;
                        } else if (i % 2 == 0) {
                            GetDeviceId.Response r = fleet.execute(name, new GetDeviceId.Request()).join();
                            assertThat(r.deviceId()).as("answer to Get Device ID #" + i).isEqualTo(0x20);
                        } else {
                            GetSelInfo.Response r = fleet.execute(name, new GetSelInfo.Request()).join();
                            assertThat(r.selVersion()).as("answer to Get SEL Info #" + i).isEqualTo(0x51);
                        }
                        ok++;
                    } catch (CompletionException e) {
                        Throwable t = e.getCause();
                        assertThat(t).as("failure of call #" + i).isInstanceOf(IpmiException.class)
                                .isNotInstanceOf(CompletionCodeException.class);
                        if (add) {
                            addsDoubtful++;
                        }
                        failed++;
                    }
                }
                BmcHealth h = fleet.health(name).orElseThrow();
                System.out.printf("lossy link: %d calls, %d ok, %d failed typed, %d adds reported, %d adds doubtful,"
                                + " %d logins, %d retransmissions, %d sessions lost, relay dropped %d duplicated %d"
                                + " delayed %d, %d s%n", done, ok, failed, addsReported, addsDoubtful, h.logins(),
                        h.retransmissions(), h.sessionsLost(), relay.dropped.get(), relay.duplicated.get(),
                        relay.delayed.get(), Duration.ofNanos(System.nanoTime() - start).toSeconds());
                assertThat(done).isGreaterThanOrEqualTo(Math.min(count, 300));
                assertThat(ok).isGreaterThan(done / 2);
                assertThat(fleet.sessionsOpen()).isLessThanOrEqualTo(1);
            }
            relay.faults(FaultyUdpRelay.Faults.NONE);
            int after;
            try (IpmiClient c = direct(sim)) {
                after = c.execute(new GetSelInfo.Request()).entries();
            }
            int added = after - before;
            // every reported add ran; none ran twice: only the doubtful ones may have run or not
            assertThat(added).isBetween(addsReported, addsReported + addsDoubtful);
        }
    }

    @Test
    void fanOutOverSeveralBmcsWithOneDeadHost() throws Exception {
        IpmiSim.requireTools();
        try (IpmiSim a = IpmiSim.builder().sol(false).start(); IpmiSim b = IpmiSim.builder().sol(false).start();
             java.net.DatagramSocket dead = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            List<String> hosts = List.of("127.0.0.1:" + a.port(), "127.0.0.1:" + dead.getLocalPort(),
                    "127.0.0.1:" + b.port());
            try (IpmiFleet fleet = IpmiFleet.builder(admin()).build()) {
                var r = fleet.deviceIds(hosts).join();
                assertThat(r.results()).extracting(x -> x.ok()).containsExactly(true, false, true);
                assertThat(r.failures().get(0).error().orElseThrow()).isInstanceOf(IpmiTimeoutException.class);
                var again = fleet.powerStatus(hosts).join();
                assertThat(again.values()).containsOnlyKeys(hosts.get(0), hosts.get(2));
                assertThat(fleet.sessionsOpen()).isEqualTo(2);
            }
        }
    }

    /** The README's fleet example, against two ipmi_sim. */
    @Test
    void readmeExample() {
        IpmiSim.requireTools();
        try (IpmiSim a = IpmiSim.builder().sol(false).start(); IpmiSim b = IpmiSim.builder().sol(false).start()) {
            char[] password = IpmiSim.ADMIN_PASSWORD.toCharArray();
            List<String> hosts = List.of("127.0.0.1:" + a.port(), "127.0.0.1:" + b.port());
            // progress calls for different hosts may run at once, on different threads (FanOutProgress)
            StringBuffer out = new StringBuffer();
            try (IpmiFleet fleet = IpmiFleet.builder(BmcDirectory.lanplus(x -> x.credentials("admin", password)))
                    .inFlightPerBmc(8).maxInFlight(1024)
                    .build()) {
                dev.ipmi.core.fleet.FanOutResult<Boolean> power = fleet.powerStatus(hosts).join();
                power.values().forEach((host, on) -> out.append(host + ": " + (on ? "on" : "off") + "\n"));
                power.failures().forEach(f -> out.append(f.host() + ": " + f.error().orElseThrow().getMessage()));
                dev.ipmi.core.fleet.FanOutResult<List<dev.ipmi.core.sel.SelRecord>> sel = fleet.forEach(hosts,
                        Duration.ofSeconds(30), (r, done, total) -> out.append(done + "/" + total + " "),
                        c -> c.sel().entries()).join();
                GetDeviceId.Response id = fleet.bmc(hosts.get(0)).call(c -> c.mc().deviceId()).join();
                assertThat(power.allOk()).isTrue();
                assertThat(sel.allOk()).isTrue();
                assertThat(sel.values().get(hosts.get(1))).isNotEmpty();
                assertThat(id.deviceId()).isEqualTo(0x20);
                assertThat(out).contains(hosts.get(0) + ": ").contains("2/2");
                assertThat(fleet.sessionsOpen()).isEqualTo(2);
            }
        }
    }
}
