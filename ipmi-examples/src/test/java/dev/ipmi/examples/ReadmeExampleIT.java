package dev.ipmi.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.core.client.IpmiClient;
import dev.ipmi.core.commands.app.GetDeviceId;
import dev.ipmi.core.commands.chassis.BootDevice;
import dev.ipmi.core.commands.chassis.BootFlags;
import dev.ipmi.core.commands.chassis.PowerAction;
import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.testing.IpmiSim;
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
}
