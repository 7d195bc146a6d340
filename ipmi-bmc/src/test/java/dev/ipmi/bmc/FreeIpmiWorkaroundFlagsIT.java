package dev.ipmi.bmc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipmi.core.commands.chassis.PowerAction;
import dev.ipmi.core.types.AuthType;
import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.core.types.CipherSuite;
import dev.ipmi.testing.IpmiSim;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each of FreeIPMI's twelve workaround flags against the virtual BMC reproducing the fault behind it:
 * {@code ipmi-power -W FLAG --stat} succeeds, and without the flag it fails with the error the man page
 * names. One server hosts the twelve BMCs for the whole class; short FreeIPMI timeouts keep the
 * failing runs at about two seconds each.
 */
class FreeIpmiWorkaroundFlagsIT {
    @TempDir
    static Path dir;
    static VirtualBmcServer server;
    static final Map<BmcQuirk, Integer> PORTS = new EnumMap<>(BmcQuirk.class);
    /** 20 bytes: the Intel SMM uses only the first 16 under RAKP-HMAC-MD5. */
    static final String LONG_PASSWORD = "0123456789abcdefWXYZ";
    static int intelLongPasswordPort;

    /** How FreeIPMI must be run to meet the fault: the driver, and the cipher suite for IPMI 2.0. */
    private static List<String> driver(BmcQuirk q) {
        return switch (q) {
            case AUTHCAP, NOCHECKSUMCHECK, IDZERO, UNEXPECTEDAUTH, FORCEPERMSG, ENDIANSEQ, NOAUTHCODECHECK ->
                    List.of("-D", "LAN");
            case INTEGRITYCHECKVALUE -> List.of("-D", "LAN_2_0", "-I", "0");
            default -> List.of("-D", "LAN_2_0", "-I", "3");
        };
    }

    /** What FreeIPMI reports without the flag (the man page's "those hitting this issue may see"). */
    private static String failure(BmcQuirk q) {
        return switch (q) {
            case AUTHCAP -> "username invalid";
            case NOCHECKSUMCHECK -> "connection timeout";
            case IDZERO, UNEXPECTEDAUTH, FORCEPERMSG, ENDIANSEQ -> "session timeout";
            case NOAUTHCODECHECK -> "password verification timeout";
            case INTEGRITYCHECKVALUE -> "k_g invalid";
            default -> "password invalid";
        };
    }

    @BeforeAll
    static void start() {
        server = VirtualBmcServer.start();
        for (BmcQuirk q : BmcQuirk.values()) {
            if (q.freeIpmiFlag().isEmpty()) {
                continue;
            }
            InMemoryBackend backend = InMemoryBackend.builder().build();
            backend.power(PowerAction.POWER_UP);
            PORTS.put(q, hostLowPort(VirtualBmc.builder()
                    .user("admin", "password", PrivilegeLevel.ADMINISTRATOR)
                    .cipherSuites(CipherSuite.SUITE_3, CipherSuite.SUITE_0)
                    .authTypes(Set.of(AuthType.MD5))
                    .quirk(q)
                    .backend(backend)));
        }
        InMemoryBackend backend = InMemoryBackend.builder().build();
        backend.power(PowerAction.POWER_UP);
        intelLongPasswordPort = hostLowPort(VirtualBmc.builder()
                .user("admin", LONG_PASSWORD, PrivilegeLevel.ADMINISTRATOR)
                .cipherSuites(CipherSuite.SUITE_7, CipherSuite.SUITE_3, CipherSuite.SUITE_6)
                .quirk(BmcQuirk.INTEL20)
                .backend(backend));
    }

    /** A free port below 32768 (see {@link VirtualBmcFreeIpmiIT#hostLowPort}). */
    private static int hostLowPort(VirtualBmc.Builder builder) {
        Random r = new Random();
        for (int attempt = 0; attempt < 50; attempt++) {
            int candidate = 20000 + r.nextInt(12000);
            try (DatagramSocket probe = new DatagramSocket(candidate, InetAddress.getLoopbackAddress())) {
                probe.close();
                return server.add(builder.port(candidate).build()).getPort();
            } catch (IOException | UncheckedIOException e) {
                // taken; try another
            }
        }
        throw new IllegalStateException("no free UDP port below 32768");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static List<String> ipmiPower(BmcQuirk q, String... extra) {
        List<String> a = new ArrayList<>(List.of("ipmi-power", "-h", "127.0.0.1:" + PORTS.get(q), "-u", "admin",
                "-p", "password", "--session-timeout=1500", "--retransmission-timeout=500"));
        a.addAll(driver(q));
        a.addAll(List.of(extra));
        a.add("--stat");
        return a;
    }

    private static List<String> lanPlus(int port, String password, String suite, String... extra) {
        List<String> a = new ArrayList<>(List.of("ipmi-power", "-h", "127.0.0.1:" + port, "-u", "admin", "-p", password,
                "--session-timeout=1500", "--retransmission-timeout=500", "-D", "LAN_2_0", "-I", suite));
        a.addAll(List.of(extra));
        a.add("--stat");
        return a;
    }

    /**
     * idzero is not only an IPMI 1.5 flag: ipmipower checks the session ID of RMCP+ replies the same way
     * ({@code ipmipower_check_session_id}, FreeIPMI 1.6), and accepts 0 with the flag. Only without
     * integrity, though: libfreeipmi's {@code unassemble_ipmi_rmcpplus_pkt} reads the session trailer only
     * when the session ID is non-zero, so an authenticated reply with ID 0 ends ipmi-power in its integrity
     * pad check whatever the flags.
     */
    @Test
    void idzeroOverRmcpPlus() throws Exception {
        int port = PORTS.get(BmcQuirk.IDZERO);
        assertThat(IpmiSim.run(lanPlus(port, "password", "0", "-W", "idzero"), dir)).contains("127.0.0.1: on");
        assertThatThrownBy(() -> IpmiSim.run(lanPlus(port, "password", "0"), dir))
                .hasMessageContaining("session timeout");
        assertThatThrownBy(() -> IpmiSim.run(lanPlus(port, "password", "3", "-W", "idzero"), dir))
                .hasMessageContaining("ipmi_rmcpplus_check_integrity_pad");
    }

    /**
     * intel20 with RAKP-HMAC-MD5 and a password longer than 16 bytes: FreeIPMI hashes and keys with its first
     * 16 bytes only ({@code ipmipower_check.c}, {@code ipmipower_packet.c}, {@code ipmipower_powercmd.c}), as
     * the BMC does; with HMAC-SHA1 the whole password counts on both sides.
     */
    @Test
    void intel20TruncatesLongPasswordsUnderHmacMd5() throws Exception {
        assertThat(IpmiSim.run(lanPlus(intelLongPasswordPort, LONG_PASSWORD, "7", "-W", "intel20"), dir))
                .contains("127.0.0.1: on");
        assertThat(IpmiSim.run(lanPlus(intelLongPasswordPort, LONG_PASSWORD, "3", "-W", "intel20"), dir))
                .contains("127.0.0.1: on");
        assertThatThrownBy(() -> IpmiSim.run(lanPlus(intelLongPasswordPort, LONG_PASSWORD, "7"), dir))
                .hasMessageContaining("password invalid");
    }

    /**
     * intel20 with a suite without integrity: FreeIPMI checks RAKP4 by the integrity algorithm, so it wants no
     * integrity check value at all ({@code ipmipower_check_rakp_4_integrity_check_value}), as the BMC sends.
     */
    @Test
    void intel20SendsNoRakp4IcvWithoutIntegrity() throws Exception {
        assertThat(IpmiSim.run(lanPlus(intelLongPasswordPort, LONG_PASSWORD, "6", "-W", "intel20"), dir))
                .contains("127.0.0.1: on");
        assertThatThrownBy(() -> IpmiSim.run(lanPlus(intelLongPasswordPort, LONG_PASSWORD, "6"), dir))
                .hasMessageContaining("password invalid");
    }

    @ParameterizedTest
    @EnumSource(value = BmcQuirk.class, names = {"AUTHCAP", "NOCHECKSUMCHECK", "IDZERO", "UNEXPECTEDAUTH",
            "FORCEPERMSG", "ENDIANSEQ", "NOAUTHCODECHECK", "INTEL20", "SUPERMICRO20", "SUN20", "OPENSESSPRIV",
            "INTEGRITYCHECKVALUE"})
    void freeIpmiNeedsItsFlag(BmcQuirk quirk) throws Exception {
        String flag = quirk.freeIpmiFlag().orElseThrow();
        assertThat(IpmiSim.run(ipmiPower(quirk, "-W", flag), dir)).contains("127.0.0.1: on");
        assertThatThrownBy(() -> IpmiSim.run(ipmiPower(quirk), dir)).hasMessageContaining(failure(quirk));
    }
}
