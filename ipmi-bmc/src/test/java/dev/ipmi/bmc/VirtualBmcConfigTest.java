package dev.ipmi.bmc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipmi.core.commands.chassis.BootDevice;
import dev.ipmi.core.commands.chassis.PowerAction;
import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.core.types.CipherSuite;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VirtualBmcConfigTest {
    private static final String TWO = """
            bmcs:
              - name: vm1
                port: 6231
                users:
                  - {name: admin, password: secret, privilege: administrator}
                  - {name: ops, password: "1234", privilege: operator}
                cipher-suites: [17]
                quirks: [opensesspriv, idzero]
                session-limit: 4
                backend:
                  type: commands
                  power:
                    on: virsh start {name}
                    off: virsh destroy {name}
                    diag: virsh inject-nmi {name}
                    status: virsh domstate {name}
                  boot-device: set-boot {name} {device} {persistent}
                  boot-devices: [pxe, disk]
                  console: unix:/run/vm1.sock
                  wait-ms: 250
              - name: sim2
                address: 127.0.0.1
                port: 6232
                users: [{name: admin, password: secret}]
            """;

    @Test
    void parsesEveryKey() {
        VirtualBmcConfig c = VirtualBmcConfig.parse(TWO);
        assertThat(c.bmcs()).hasSize(2);
        VirtualBmcConfig.Bmc vm1 = c.bmcs().get(0);
        assertThat(vm1.name()).isEqualTo("vm1");
        assertThat(vm1.port()).isEqualTo(6231);
        assertThat(vm1.users()).extracting(VirtualBmcConfig.User::privilege)
                .containsExactly(PrivilegeLevel.ADMINISTRATOR, PrivilegeLevel.OPERATOR);
        assertThat(vm1.users().get(1).password()).as("numbers-looking passwords stay text").isEqualTo("1234");
        assertThat(vm1.cipherSuites()).containsExactly(CipherSuite.SUITE_17);
        assertThat(vm1.quirks()).containsExactlyInAnyOrder(BmcQuirk.OPENSESSPRIV, BmcQuirk.IDZERO);
        assertThat(vm1.sessionLimit()).isEqualTo(4);
        var cmd = (VirtualBmcConfig.Commands) vm1.backend();
        assertThat(cmd.power()).containsEntry(PowerAction.POWER_UP, "virsh start {name}")
                .containsEntry(PowerAction.POWER_DOWN, "virsh destroy {name}")
                .containsEntry(PowerAction.DIAGNOSTIC_INTERRUPT, "virsh inject-nmi {name}");
        assertThat(cmd.status()).contains("virsh domstate {name}");
        assertThat(cmd.bootDevice()).contains("set-boot {name} {device} {persistent}");
        assertThat(cmd.bootDevices()).containsExactlyInAnyOrder(BootDevice.PXE, BootDevice.DISK);
        assertThat(cmd.console()).contains("unix:/run/vm1.sock");
        assertThat(cmd.replyWait().toMillis()).isEqualTo(250);
        VirtualBmcConfig.Bmc sim2 = c.bmcs().get(1);
        assertThat(sim2.backend()).isInstanceOf(VirtualBmcConfig.Simulated.class);
        assertThat(sim2.cipherSuites()).containsExactly(CipherSuite.SUITE_3, CipherSuite.SUITE_17);
        assertThat(sim2.users().get(0).privilege()).isEqualTo(PrivilegeLevel.ADMINISTRATOR);
        assertThat(sim2.toString()).doesNotContain("secret");
    }

    @Test
    void errorsNameTheKey() {
        assertError(TWO.replace("    off: virsh", "    of: virsh"), "bmcs[0].backend.power.of: unknown key");
        assertError(TWO.replace("port: 6232", "port: 70000"), "bmcs[1].port: expected a whole number 0..65535");
        assertError(TWO.replace("    port: 6232\n", ""), "bmcs[1].port: required");
        assertError(TWO.replace("quirks: [opensesspriv, idzero]", "quirks: [opensespriv]"),
                "bmcs[0].quirks[0]: unknown quirk 'opensespriv'");
        assertError(TWO.replace("virsh start {name}", "virsh start {vm}"),
                "bmcs[0].backend.power.on: unknown placeholder {vm}");
        assertError(TWO.replace("unix:/run/vm1.sock", "serial0"), "bmcs[0].backend.console: expected tcp:HOST:PORT");
        assertError(TWO.replace("name: sim2", "name: vm1"), "bmcs[1].name: 'vm1' is used twice");
        assertError(TWO.replace("port: 6232", "port: 6231"), "bmcs[1].port: 127.0.0.1:6231 is used twice");
        assertError(TWO.replace("boot-devices: [pxe, disk]", "boot-devices: [tape]"), "bmcs[0].backend.boot-devices[0]");
        assertError(TWO.replace("privilege: operator", "privilege: god"), "bmcs[0].users[1].privilege");
        assertError(TWO.replace("name: vm1", "name: 'vm 1; reboot'"), "bmcs[0].name");
        assertError(TWO.replace("type: commands", "type: libvirt"), "bmcs[0].backend.type: 'libvirt'");
        assertError("bmcs: [", "not valid YAML");
        assertError("hosts: []", "(top level).hosts: unknown key");
    }

    @Test
    void passwordsStayOutOfErrors() {
        String bad = TWO.replace("password: secret, privilege: administrator}",
                "password: secret, privilege: administrator, pin: 1}");
        assertThatThrownBy(() -> VirtualBmcConfig.parse(bad)).hasMessageContaining("bmcs[0].users[0].pin")
                .hasMessageNotContaining("secret");
        assertThat(Optional.of(VirtualBmcConfig.parse(TWO).bmcs().get(0).users().get(0)).map(Object::toString))
                .get().asString().doesNotContain("secret");
    }

    private static void assertError(String yaml, String message) {
        assertThatThrownBy(() -> VirtualBmcConfig.parse(yaml)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
