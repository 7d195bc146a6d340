package dev.ipmi.lan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.core.client.IpmiClient;
import dev.ipmi.core.client.PowerResult;
import dev.ipmi.core.client.UserEntry;
import dev.ipmi.core.commands.chassis.BootDevice;
import dev.ipmi.core.commands.chassis.BootFlags;
import dev.ipmi.core.commands.chassis.GetChassisStatus;
import dev.ipmi.core.commands.chassis.PowerAction;
import dev.ipmi.core.commands.transport.IpSource;
import dev.ipmi.core.commands.transport.LanConfig;
import dev.ipmi.core.options.LanOptions;
import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.testing.IpmiSim;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The typed facade over an IPMI 1.5 session against ipmi_sim, cross-checked with ipmitool. */
class FacadeLanIT {
    private static IpmiSim sim;
    private static IpmiClient bmc;

    @BeforeAll
    static void start() {
        IpmiSim.requireTools();
        sim = IpmiSim.builder().sol(false).start();
        LanOptions o = LanOptions.builder(sim.host()).port(sim.port()).credentials(IpmiSim.ADMIN, IpmiSim.ADMIN_PASSWORD.toCharArray()).privilege(PrivilegeLevel.ADMINISTRATOR).build();
        bmc = IpmiClient.using(LanSession.open(o));
    }

    @AfterAll
    static void stop() {
        if (bmc != null) {
            bmc.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    private static String ipmitool(String... command) throws Exception {
        List<String> a = sim.ipmitoolArgs("lan", IpmiSim.ADMIN, IpmiSim.ADMIN_PASSWORD);
        a.addAll(List.of(command));
        return IpmiSim.run(a, sim.stateDir());
    }

    @Test
    void powerIsATaskNoOpWhenAlreadyThereAndWaitReachesTheState() throws Exception {
        GetChassisStatus.Response on = bmc.chassis().powerAndWait(PowerAction.POWER_UP, Duration.ofSeconds(10),
                Duration.ofMillis(100));
        assertThat(on.powerOn()).isTrue();
        assertThat(ipmitool("power", "status")).isEqualTo("Chassis Power is on\n");
        PowerResult again = bmc.chassis().power(PowerAction.POWER_UP);
        assertThat(again.sent()).isFalse();
        assertThat(again.wasOn()).isTrue();
        GetChassisStatus.Response off = bmc.chassis().powerAndWait(PowerAction.POWER_DOWN, Duration.ofSeconds(10),
                Duration.ofMillis(100));
        assertThat(off.powerOn()).isFalse();
        assertThat(ipmitool("power", "status")).isEqualTo("Chassis Power is off\n");
        assertThat(bmc.chassis().power(PowerAction.SOFT_SHUTDOWN).sent()).isFalse();
    }

    @Test
    void bootFlagsRoundTripThroughIpmiSim() throws Exception {
        bmc.chassis().setBootFlags(BootFlags.ipmitoolBootdev("bios", false));
        assertThat(ipmitool("chassis", "bootparam", "get", "5")).contains("Force Boot into BIOS Setup");
        // ipmi_sim keeps only the device byte: valid/persistent/EFI read back as clear
        assertThat(bmc.chassis().bootFlags().device()).isEqualTo(BootDevice.BIOS_SETUP);
    }

    @Test
    void usersListMatchesIpmitoolAfterRename() throws Exception {
        bmc.users().setName(11, "facade");
        List<UserEntry> users = bmc.users().list(1);
        assertThat(users).hasSize(63);
        assertThat(users.get(10).name()).isEqualTo("facade");
        assertThat(users.get(1).name()).isEqualTo("admin");
        assertThat(ipmitool("user", "list", "1").lines().filter(l -> l.startsWith("11 ")))
                .singleElement().asString().contains("facade");
        assertThat(bmc.users().summary(1).maxUserIds()).isEqualTo(63);
    }

    @Test
    void lanSettersUseTheSetInProgressProtocolAndIpmitoolSeesTheResult() throws Exception {
        Inet4Address ip = (Inet4Address) InetAddress.getByName("192.0.2.99");
        bmc.lan().setIpAddress(1, ip);
        bmc.lan().setIpSource(1, IpSource.STATIC);
        bmc.lan().setVlanId(1, 12);
        LanConfig c = bmc.lan().config(1);
        assertThat(c.ipAddress()).contains(ip);
        assertThat(c.vlan()).hasValueSatisfying(v -> assertThat(v.id()).isEqualTo(12));
        String print = ipmitool("lan", "print", "1");
        assertThat(print).contains("IP Address              : 192.0.2.99").contains("802.1q VLAN ID          : 12");
        assertThat(c.setInProgress()).hasValueSatisfying(s -> assertThat(s.code()).isZero());
        bmc.lan().disableVlan(1);
        assertThat(ipmitool("lan", "print", "1")).contains("802.1q VLAN ID          : Disabled");
    }
}
