package dev.ipmi.bmc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.core.client.RetryPolicy;
import dev.ipmi.core.commands.chassis.ChassisControl;
import dev.ipmi.core.commands.chassis.PowerAction;
import dev.ipmi.core.options.LanPlusOptions;
import dev.ipmi.core.types.CipherSuite;
import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.lanplus.LanPlusSession;
import dev.ipmi.testing.IpmiSim;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A slow {@code virsh} on one BMC does not stall the other BMCs of the process: while one VM's power-on
 * command is still running (the script waits for a file the test creates), ipmitool gets its answers from
 * a second BMC of the same server, and the first BMC's Chassis Control is answered once the command ends.
 * Nothing is timed: the command provably runs (its start marker exists, its release file does not) while
 * the other BMC answers.
 */
class TemplateBackendAsyncIT {
    @TempDir
    Path dir;

    /** Marks that it started, then waits (bounded, 30 s) for the test to release it. */
    static final String SLOW_VIRSH = """
            #!/bin/sh
            d="$(dirname "$0")"
            touch "$d/started"
            i=0
            while [ ! -e "$d/release" ] && [ $i -lt 600 ]; do sleep 0.05; i=$((i+1)); done
            [ -e "$d/release" ]
            """;

    @Test
    void aSlowCommandOnOneBmcDoesNotStallTheOthers() throws Exception {
        Path virsh = dir.resolve("slow-virsh");
        Files.writeString(virsh, SLOW_VIRSH);
        Files.setPosixFilePermissions(virsh, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (VirtualBmcServer server = VirtualBmcServer.start();
             TemplateBackend slow = TemplateBackend.builder("vm1").power(PowerAction.POWER_UP, virsh + " start {name}")
                     .replyWait(Duration.ofSeconds(60)).build()) {
            int slowPort = server.add(VirtualBmc.builder().user("admin", "password", PrivilegeLevel.ADMINISTRATOR)
                    .cipherSuites(CipherSuite.SUITE_3).backend(slow).build()).getPort();
            int promptPort = server.add(VirtualBmc.builder().user("admin", "password", PrivilegeLevel.ADMINISTRATOR)
                    .cipherSuites(CipherSuite.SUITE_3).build()).getPort();
            LanPlusOptions o = LanPlusOptions.builder("127.0.0.1").port(slowPort)
                    .credentials("admin", "password".toCharArray()).privilege(PrivilegeLevel.ADMINISTRATOR)
                    .cipherSuite(CipherSuite.SUITE_3).retry(RetryPolicy.of(Duration.ofSeconds(2), 10)).build();
            try (LanPlusSession session = LanPlusSession.open(o)) {
                CompletableFuture<ChassisControl.Response> on = session.send(
                        new ChassisControl.Request(PowerAction.POWER_UP));
                for (int i = 0; i < 600 && !Files.exists(dir.resolve("started")); i++) {
                    Thread.sleep(50);
                }
                assertThat(dir.resolve("started")).exists();

                String status = IpmiSim.run(List.of("ipmitool", "-I", "lanplus", "-C", "3", "-H", "127.0.0.1", "-p",
                        Integer.toString(promptPort), "-U", "admin", "-P", "password", "chassis", "power", "status"),
                        dir);
                assertThat(status).contains("Chassis Power is");
                assertThat(dir.resolve("release")).doesNotExist();
                assertThat(on).as("answered only when the command ends").isNotDone();

                Files.createFile(dir.resolve("release"));
                on.join();
                assertThat(slow.powerOn()).isTrue();
            }
        }
    }
}
