package dev.ipmi.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.testing.IpmiSim;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The facade commands of {@code ipmi} against ipmi_sim over {@code -I lan} and {@code -I lanplus},
 * compared with ipmitool 1.8.19 on the same instance: text output line for line, and the effect of
 * our writes as ipmitool reads them back.
 */
class FacadeCliIT {
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

    private static CliRun ours(String iface, String... command) {
        List<String> args = new ArrayList<>(List.of("-I", iface, "-H", sim.host(), "-p",
                Integer.toString(sim.port()), "-U", IpmiSim.ADMIN, "-P", IpmiSim.ADMIN_PASSWORD));
        args.addAll(Arrays.asList(command));
        return CliRun.ipmi(args.toArray(String[]::new));
    }

    private static CliRun ipmitool(String iface, String... command) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(sim.ipmitoolArgs(iface, IpmiSim.ADMIN, IpmiSim.ADMIN_PASSWORD));
        args.addAll(Arrays.asList(command));
        IpmiSim.Exec r = IpmiSim.exec(args, sim.stateDir(), Map.of());
        return new CliRun(r.rc(), r.out(), r.err());
    }

    static Stream<Arguments> readCommands() {
        List<String> commands = List.of("chassis status", "power status", "chassis power status",
                "chassis bootparam get 5", "channel info 1", "channel info", "channel getaccess 1 2",
                "user summary 1", "user list 1", "lan print 1", "mc guid",
                // not implemented by ipmi_sim: both tools must fail the same way
                "chassis poh", "chassis restart_cause", "chassis policy list", "mc selftest", "dcmi power reading");
        return Stream.of("lan", "lanplus").flatMap(i -> commands.stream().map(c -> Arguments.of(i, c)));
    }

    @ParameterizedTest(name = "-I {0} {1}")
    @MethodSource("readCommands")
    void readCommandsPrintWhatIpmitoolPrints(String iface, String command) throws Exception {
        String[] words = command.split(" ");
        CliRun theirs = ipmitool(iface, words);
        CliRun mine = ours(iface, words);
        assertThat(mine.rc()).as("exit code; stderr: %s", mine.err()).isEqualTo(theirs.rc() == 0 ? 0 : 1);
        assertThat(mine.out()).isEqualTo(theirs.out());
        if (theirs.rc() != 0) {
            assertThat(mine.err()).isEqualTo(theirs.err());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"lan", "lanplus"})
    void powerOnAndOffAreSeenByIpmitool(String iface) throws Exception {
        CliRun on = ours(iface, "power", "on");
        assertThat(on.out()).isEqualTo("Chassis Power Control: Up/On\n");
        assertThat(ipmitool(iface, "power", "status").out()).isEqualTo("Chassis Power is on\n");
        assertThat(ipmitool(iface, "chassis", "status").out()).isEqualTo(ours(iface, "chassis", "status").out());
        CliRun off = ours(iface, "chassis", "power", "off");
        assertThat(off.out()).isEqualTo("Chassis Power Control: Down/Off\n");
        assertThat(ipmitool(iface, "power", "status").out()).isEqualTo("Chassis Power is off\n");
        assertThat(ipmitool(iface, "chassis", "status").out()).isEqualTo(ours(iface, "chassis", "status").out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"lan", "lanplus"})
    void bootFlagsWrittenByUsAreReadBackByIpmitool(String iface) throws Exception {
        assertThat(ours(iface, "chassis", "bootdev", "pxe", "options=persistent,efiboot").out())
                .isEqualTo("Set Boot Device to pxe\n");
        String pxe = ipmitool(iface, "chassis", "bootparam", "get", "5").out();
        assertThat(pxe).contains("Boot Device Selector : Force PXE");
        assertThat(ours(iface, "chassis", "bootparam", "get", "5").out()).isEqualTo(pxe);
        ours(iface, "chassis", "bootdev", "cdrom");
        assertThat(ipmitool(iface, "chassis", "bootparam", "get", "5").out())
                .contains("Boot Device Selector : Force Boot from CD/DVD");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lan", "lanplus"})
    void userChangesAreSeenByIpmitool(String iface) throws Exception {
        int uid = iface.equals("lan") ? 9 : 10;
        String name = "it" + iface;
        assertThat(ours(iface, "user", "set", "name", Integer.toString(uid), name).rc()).isZero();
        CliRun pw = ours(iface, "user", "set", "password", Integer.toString(uid), "secret12", "16");
        assertThat(pw.out()).isEqualTo("Set User Password command successful (user " + uid + ")\n");
        assertThat(ours(iface, "user", "enable", Integer.toString(uid)).rc()).isZero();
        CliRun access = ours(iface, "channel", "setaccess", "1", Integer.toString(uid), "callin=on", "ipmi=on",
                "link=on", "privilege=3");
        assertThat(access.out()).isEqualTo("Set User Access (channel 1 id " + uid + ") successful.\n");
        String list = ipmitool(iface, "user", "list", "1").out();
        assertThat(list.lines().filter(l -> l.startsWith(uid + " "))).singleElement().asString()
                .contains(name).contains("OPERATOR");
        assertThat(ours(iface, "user", "list", "1").out()).isEqualTo(list);
        assertThat(ours(iface, "channel", "getaccess", "1", Integer.toString(uid)).out())
                .isEqualTo(ipmitool(iface, "channel", "getaccess", "1", Integer.toString(uid)).out());
        CliRun priv = ours(iface, "user", "priv", Integer.toString(uid), "2", "1");
        assertThat(priv.out()).isEqualTo("Set Privilege Level command successful (user " + uid + ")\n");
        assertThat(ipmitool(iface, "channel", "getaccess", "1", Integer.toString(uid)).out())
                .contains("Privilege Level      : USER");
        assertThat(ours(iface, "user", "test", Integer.toString(uid), "16", "secret12").out()).isEqualTo("Success\n");
        assertThat(ours(iface, "user", "summary", "1").out()).isEqualTo(ipmitool(iface, "user", "summary", "1").out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"lan", "lanplus"})
    void lanSettingsWrittenByUsMatchIpmitoolsLanPrint(String iface) throws Exception {
        String ip = iface.equals("lan") ? "192.0.2.77" : "192.0.2.78";
        CliRun set = ours(iface, "lan", "set", "1", "ipaddr", ip);
        assertThat(set.rc()).as(set.err()).isZero();
        assertThat(set.out()).isEqualTo("Setting LAN IP Address to " + ip + "\n");
        assertThat(ours(iface, "lan", "set", "1", "netmask", "255.255.0.0").out())
                .isEqualTo("Setting LAN Subnet Mask to 255.255.0.0\n");
        assertThat(ours(iface, "lan", "set", "1", "defgw", "ipaddr", "192.0.2.254").out())
                .isEqualTo("Setting LAN Default Gateway IP to 192.0.2.254\n");
        assertThat(ours(iface, "lan", "set", "1", "ipsrc", "static").rc()).isZero();
        assertThat(ours(iface, "lan", "set", "1", "vlan", "id", "off").rc()).isZero();
        String print = ipmitool(iface, "lan", "print", "1").out();
        assertThat(print).contains("IP Address              : " + ip)
                .contains("Subnet Mask             : 255.255.0.0")
                .contains("Default Gateway IP      : 192.0.2.254")
                .contains("802.1q VLAN ID          : Disabled");
        assertThat(ours(iface, "lan", "print", "1").out()).isEqualTo(print);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lan", "lanplus"})
    void identifyAndCipherSuites(String iface) throws Exception {
        for (String[] c : List.of(new String[] {"chassis", "identify"}, new String[] {"chassis", "identify", "0"},
                new String[] {"chassis", "identify", "force"}, new String[] {"chassis", "identify", "7"})) {
            assertThat(ours(iface, c).out()).isEqualTo(ipmitool(iface, c).out());
        }
        // ipmitool stops after 64 bytes of cipher suite records (suites 0-11 of ipmi_sim's 0-14); we read all
        List<String> theirs = ipmitool(iface, "channel", "getciphers", "ipmi", "1").out().lines().toList();
        List<String> mine = ours(iface, "channel", "getciphers", "ipmi", "1").out().lines().toList();
        assertThat(theirs).hasSize(13);
        assertThat(mine).hasSize(16).startsWith(theirs.toArray(String[]::new));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lan", "lanplus"})
    void jsonPrintsTheTypedRecord(String iface) {
        CliRun r = ours(iface, "--json", "chassis", "status");
        assertThat(r.rc()).isZero();
        assertThat(r.out()).startsWith("{\"powerOn\":").contains("\"restorePolicy\":{\"code\":");
        CliRun users = ours(iface, "--json", "user", "list", "1");
        assertThat(users.out()).startsWith("[{\"id\":1,").contains("\"name\":\"admin\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lan", "lanplus"})
    void bridgingToAnAbsentControllerFailsLikeIpmitool(String iface) throws Exception {
        // ipmi_sim has no controller at 40h: it answers Send Message with 83h (NAK on write)
        CliRun theirs = ipmitool(iface, "-t", "0x40", "-b", "0", "raw", "6", "1");
        CliRun mine = ours(iface, "-t", "0x40", "-b", "0", "raw", "6", "1");
        assertThat(theirs.rc()).isEqualTo(1);
        assertThat(mine.rc()).isEqualTo(1);
        assertThat(mine.out()).isEmpty();
        assertThat(mine.err()).startsWith("Unable to send RAW command (channel=0x0 netfn=0x6 lun=0x0 cmd=0x1")
                .contains("rsp=0x83");
    }

    @org.junit.jupiter.api.Test
    void doubleBridgingThroughAnAbsentTransitFailsLikeIpmitool() throws Exception {
        // no transit controller at 40h: ipmi_sim answers the outer Send Message with 83h
        CliRun theirs = ipmitool("lan", "-T", "0x40", "-B", "0", "-t", "0x42", "-b", "7", "raw", "6", "1");
        CliRun mine = ours("lan", "-T", "0x40", "-B", "0", "-t", "0x42", "-b", "7", "raw", "6", "1");
        assertThat(theirs.rc()).isEqualTo(1);
        assertThat(theirs.err()).startsWith("Unable to send RAW command (channel=0x7 netfn=0x6 lun=0x0 cmd=0x1");
        assertThat(mine.rc()).isEqualTo(1);
        assertThat(mine.out()).isEmpty();
        assertThat(mine.err()).startsWith("Unable to send RAW command (channel=0x7 netfn=0x6 lun=0x0 cmd=0x1")
                .contains("rsp=0x83");
    }
}
