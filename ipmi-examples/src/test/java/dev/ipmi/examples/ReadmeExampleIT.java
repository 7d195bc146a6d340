package dev.ipmi.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.core.client.IpmiClient;
import dev.ipmi.core.commands.app.GetDeviceId;
import dev.ipmi.core.commands.chassis.BootDevice;
import dev.ipmi.core.commands.chassis.BootFlags;
import dev.ipmi.core.commands.chassis.PowerAction;
import dev.ipmi.core.client.RetryPolicy;
import dev.ipmi.core.event.IpmiEventListener;
import dev.ipmi.core.options.CipherSuiteCache;
import dev.ipmi.core.options.LanPlusOptions;
import dev.ipmi.core.options.Quirk;
import dev.ipmi.core.sdr.SdrCache;
import dev.ipmi.core.types.CipherSuite;
import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.lan.engine.UdpEngine;
import dev.ipmi.lanplus.LanPlusSession;
import dev.ipmi.testing.IpmiSim;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The README's library example, line for line, against ipmi_sim; ipmitool confirms the effects. */
class ReadmeExampleIT {

    @Test
    void readmeExampleWorksAgainstIpmiSim() throws Exception {
        try (IpmiSim sim = IpmiSim.start()) {
            char[] password = IpmiSim.ADMIN_PASSWORD.toCharArray();
            GetDeviceId.Response printed;
            try (IpmiClient bmc = IpmiClient.lanplus(sim.host()).port(sim.port())
                    .credentials("admin", password)
                    .privilege(PrivilegeLevel.ADMINISTRATOR)
                    .connect()) {
                GetDeviceId.Response id = bmc.mc().deviceId();
                boolean on = bmc.chassis().status().powerOn();
                bmc.chassis().power(PowerAction.POWER_UP);
                bmc.chassis().setBootFlags(BootFlags.ipmitoolBootdev("pxe", false, "efiboot"));
                printed = bmc.async().mc().deviceId().get(5, TimeUnit.SECONDS);

                assertThat(id.manufacturerId()).isEqualTo(0x1291);
                assertThat(on).isFalse();
                assertThat(bmc.chassis().status().powerOn()).isTrue();
                assertThat(bmc.chassis().bootFlags().device()).isEqualTo(BootDevice.PXE);
            }
            assertThat(printed.productId()).isEqualTo(0x0F02);
            assertThat(sim.ipmitool("chassis", "power", "status")).contains("Chassis Power is on");
            assertThat(sim.ipmitool("chassis", "bootparam", "get", "5")).contains("Force PXE");
        }
    }

    @Test
    void theSameFacadeRunsOverIpmi15AndHonoursACallbackExecutor() throws Exception {
        try (IpmiSim sim = IpmiSim.start()) {
            java.util.concurrent.ExecutorService callbacks = java.util.concurrent.Executors.newSingleThreadExecutor(
                    r -> new Thread(r, "readme-callbacks"));
            try (IpmiClient bmc = IpmiClient.lan(sim.host()).port(sim.port())
                    .credentials("operator", IpmiSim.OPERATOR_PASSWORD.toCharArray())
                    .privilege(PrivilegeLevel.OPERATOR)
                    .callbackExecutor(callbacks)
                    .connect()) {
                // hold the callback thread so the future cannot complete before the stage below is attached
                java.util.concurrent.CountDownLatch hold = new java.util.concurrent.CountDownLatch(1);
                callbacks.execute(() -> {
                    try {
                        hold.await(5, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                java.util.concurrent.CompletableFuture<String> completedOn = bmc.async().mc().deviceId()
                        .thenApply(r -> Thread.currentThread().getName());
                hold.countDown();
                String thread = completedOn.get(5, TimeUnit.SECONDS);
                assertThat(thread).isEqualTo("readme-callbacks");
                assertThat(bmc.mc().deviceId().firmwareRevisionText()).isEqualTo("2.15");
            } finally {
                callbacks.shutdownNow();
            }
        }
    }
    /** The README's second example (every setting), line for line, against an ipmi_sim with a BMC key. */
    @Test
    void everyOptionExampleWorksAgainstIpmiSim() throws Exception {
        try (IpmiSim sim = IpmiSim.builder().kg("bmc-key-123").sol(false).start();
             UdpEngine engine = UdpEngine.builder().threadName("readme-io").build()) {
            char[] password = IpmiSim.OPERATOR_PASSWORD.toCharArray();
            byte[] bmcKey = "bmc-key-123".getBytes(StandardCharsets.US_ASCII);
            ExecutorService callbacks = Executors.newSingleThreadExecutor(r -> new Thread(r, "readme-callbacks"));
            ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
            List<String> seen = new CopyOnWriteArrayList<>();
            IpmiEventListener events = new IpmiEventListener() {
                @Override
                public void sessionOpened(SocketAddress bmc, int sessionId, String description) {
                    seen.add("opened on " + Thread.currentThread().getName());
                }

                @Override
                public void sessionClosed(SocketAddress bmc, int sessionId, Throwable cause) {
                    seen.add("closed");
                }
            };
            try {
                LanPlusOptions options = IpmiClient.lanplus(sim.host())
                        .port(sim.port())
                        .credentials("operator", password)
                        .kg(bmcKey)
                        .privilege(PrivilegeLevel.OPERATOR)
                        .cipherSuite(CipherSuite.SUITE_3)
                        .allowCipherZero(false)
                        .nameOnlyLookup(true)
                        .retry(RetryPolicy.of(Duration.ofMillis(500), 3))
                        .window(4)
                        .keepalive(Duration.ofSeconds(20))
                        .relogin(true)
                        .engine(engine)
                        .cipherSuiteCache(new CipherSuiteCache())
                        .quirks(Quirk.RAKP2_MESSAGE_TAG_ZERO)
                        .callbackExecutor(callbacks)
                        .scheduler(timers)
                        .sdrCache(SdrCache.inMemory())
                        .listener(events)
                        .build();
                String completedOn;
                try (IpmiClient bmc = IpmiClient.connect(options)) {
                    assertThat(bmc.sdr().list()).isNotEmpty();
                    LanPlusSession session = bmc.transport().unwrap(LanPlusSession.class).orElseThrow();
                    assertThat(session.cipherSuite()).isEqualTo(CipherSuite.SUITE_3);
                    assertThat(session.privilege()).isEqualTo(PrivilegeLevel.OPERATOR);
                    // hold the callback thread so the future cannot complete before the stage below is attached
                    CountDownLatch hold = new CountDownLatch(1);
                    callbacks.execute(() -> {
                        try {
                            hold.await(5, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
                    CompletableFuture<String> thread = bmc.async().mc().deviceId()
                            .thenApply(r -> Thread.currentThread().getName());
                    hold.countDown();
                    completedOn = thread.get(5, TimeUnit.SECONDS);
                    bmc.closeAsync().join();
                }
                options.wipe();
                assertThat(completedOn).isEqualTo("readme-callbacks");
                assertThat(seen).containsExactly("opened on readme-io", "closed");
                assertThat(options.toString()).doesNotContain(IpmiSim.OPERATOR_PASSWORD).doesNotContain("bmc-key-123");
            } finally {
                callbacks.shutdownNow();
                timers.shutdownNow();
            }
        }
    }
}
