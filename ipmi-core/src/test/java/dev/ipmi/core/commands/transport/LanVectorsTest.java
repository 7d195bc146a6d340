package dev.ipmi.core.commands.transport;

import dev.ipmi.core.types.ByteString;
import static dev.ipmi.core.commands.VectorSupport.assertCompletionCode;
import static dev.ipmi.core.commands.VectorSupport.assertReencodes;
import static dev.ipmi.core.commands.VectorSupport.assertRequestRoundTrip;
import static dev.ipmi.core.commands.VectorSupport.decode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipmi.core.types.AuthType;
import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.core.types.SetInProgressState;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Golden vectors: "lan print 1" / "lan set 1 ..." of ipmitool 1.8.19 against ipmi_sim 2.0.33. */
class LanVectorsTest {
    private static final String PRINT = "transport/get-lan-configuration-parameters.hex";
    private static final String PRINT2 = "transport/get-lan-configuration-parameters-after-set.hex";
    private static final String SET = "transport/set-lan-configuration-parameters.hex";
    private static final Set<AuthType> NONE_MD2_MD5_PASSWORD = Set.of(AuthType.NONE, AuthType.MD2, AuthType.MD5,
            AuthType.PASSWORD);

    private static final Map<String, Integer> PRINTED = Map.ofEntries(Map.entry("set-in-progress", 0),
            Map.entry("auth-type-support", 1), Map.entry("auth-type-enables", 2), Map.entry("ip-address", 3),
            Map.entry("ip-source", 4), Map.entry("mac", 5), Map.entry("subnet-mask", 6),
            Map.entry("default-gateway-ip", 12), Map.entry("default-gateway-mac", 13),
            Map.entry("backup-gateway-ip", 14), Map.entry("backup-gateway-mac", 15), Map.entry("community", 16),
            Map.entry("vlan-id", 20), Map.entry("vlan-priority", 21), Map.entry("cipher-count", 22),
            Map.entry("cipher-entries", 23), Map.entry("cipher-privileges", 24));

    private static List<LanParameter> read(String file, Map<String, Integer> sections) {
        List<LanParameter> params = new ArrayList<>();
        sections.forEach((name, selector) -> {
            GetLanConfigurationParameters.Request req = GetLanConfigurationParameters.Request.of(1, selector);
            assertRequestRoundTrip(req, GetLanConfigurationParameters.Request::decode, file, name + "-request");
            GetLanConfigurationParameters.Response r = decode(req, file, name + "-response");
            assertThat(r.revision()).isEqualTo(0x11);
            assertThat(r.parameter()).isPresent();
            assertThat(r.parameter().get().selector()).isEqualTo(selector);
            params.add(r.parameter().get());
        });
        return params;
    }

    @Test
    void lanPrintMatchesIpmitoolOutput() throws Exception {
        LanConfig c = LanConfig.from(read(PRINT, PRINTED));
        // Set in Progress : Set Complete
        assertThat(c.setInProgress()).contains(SetInProgressState.SET_COMPLETE);
        // Auth Type Support : NONE MD2 MD5 PASSWORD
        assertThat(c.authTypeSupport()).contains(NONE_MD2_MD5_PASSWORD);
        // Auth Type Enable: Callback/User/Operator/Admin : NONE MD2 MD5 PASSWORD, OEM : (none)
        assertThat(c.authTypeEnables()).contains(new LanParameter.AuthTypeEnables(NONE_MD2_MD5_PASSWORD,
                NONE_MD2_MD5_PASSWORD, NONE_MD2_MD5_PASSWORD, NONE_MD2_MD5_PASSWORD, Set.of()));
        // IP Address Source : Static Address
        assertThat(c.ipSource()).contains(IpSource.STATIC);
        assertThat(c.ipSource().get().displayName()).isEqualTo("Static Address");
        assertThat(c.ipAddress()).contains(ip("192.0.2.10"));
        assertThat(c.subnetMask()).contains(ip("255.255.255.0"));
        assertThat(c.macAddress().map(MacAddress::toString)).contains("52:54:00:12:34:56");
        assertThat(c.communityString()).contains("public");
        assertThat(c.defaultGatewayIp()).contains(ip("192.0.2.1"));
        assertThat(c.defaultGatewayMac()).contains(MacAddress.parse("52:54:00:00:00:01"));
        assertThat(c.backupGatewayIp()).contains(ip("0.0.0.0"));
        assertThat(c.backupGatewayMac()).contains(MacAddress.parse("00:00:00:00:00:00"));
        // 802.1q VLAN ID : Disabled, 802.1q VLAN Priority : 0
        assertThat(c.vlan()).contains(LanParameter.VlanId.disabled());
        assertThat(c.vlanPriority()).hasValue(0);
        // RMCP+ Cipher Suites : 1,...,15 and Cipher Suite Priv Max : aaaaaaaaaaaaaaa
        assertThat(c.cipherSuites()).extracting(CipherSuitePrivilege::cipherSuiteId)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 15).boxed().toList());
        assertThat(c.cipherSuites()).allSatisfy(
                s -> assertThat(s.maxPrivilege()).contains(PrivilegeLevel.ADMINISTRATOR));
        // Parameter 10 (ARP control) is not supported: 80h, which ipmitool prints as "Not Available"
        assertCompletionCode(GetLanConfigurationParameters.Request.of(1, 10), PRINT, "arp-control-unsupported-response", 0x80);
    }

    @Test
    void typedParametersReencodeToTheCapturedBytes() {
        for (String name : List.of("auth-type-enables", "ip-address", "mac", "subnet-mask", "community", "vlan-id",
                "cipher-count", "cipher-entries", "default-gateway-mac")) {
            GetLanConfigurationParameters.Response r = decode(
                    GetLanConfigurationParameters.Request.of(1, PRINTED.get(name)), PRINT, name + "-response");
            assertReencodes(r, PRINT, name + "-response");
        }
    }

    @Test
    void lanPrintAfterTheSetsMatchesIpmitoolOutput() throws Exception {
        LanConfig c = LanConfig.from(read(PRINT2, Map.of("ip-address", 3, "ip-source", 4, "subnet-mask", 6,
                "default-gateway-ip", 12, "vlan-id", 20, "vlan-priority", 21)));
        // IP Address Source : DHCP Address, IP Address : 192.0.2.20, Subnet Mask : 255.255.0.0,
        // Default Gateway IP : 192.0.2.254, 802.1q VLAN ID : 100, 802.1q VLAN Priority : 3
        assertThat(c.ipSource()).contains(IpSource.DHCP);
        assertThat(c.ipAddress()).contains(ip("192.0.2.20"));
        assertThat(c.subnetMask()).contains(ip("255.255.0.0"));
        assertThat(c.defaultGatewayIp()).contains(ip("192.0.2.254"));
        assertThat(c.vlan()).contains(new LanParameter.VlanId(true, 100));
        assertThat(c.vlanPriority()).hasValue(3);
        assertThat(c.cipherSuites()).isEmpty();
    }

    @Test
    void lanSetSequencesMatchIpmitool() throws Exception {
        List<SetLanConfigurationParameters.Request> ipaddr = SetLanConfigurationParameters.setIpAddress(1,
                ip("192.0.2.20"));
        for (int i = 0; i < 4; i++) {
            assertRequestRoundTrip(ipaddr.get(i), SetLanConfigurationParameters.Request::decode, SET,
                    "ipaddr-step" + (i + 1) + "-request");
            assertThat(decode(ipaddr.get(i), SET, "ipaddr-step" + (i + 1) + "-response"))
                    .isEqualTo(new SetLanConfigurationParameters.Response());
        }
        assertRequestRoundTrip(SetLanConfigurationParameters.setSubnetMask(1, ip("255.255.0.0")).get(1),
                SetLanConfigurationParameters.Request::decode, SET, "netmask-request");
        assertRequestRoundTrip(SetLanConfigurationParameters.setDefaultGateway(1, ip("192.0.2.254")).get(1),
                SetLanConfigurationParameters.Request::decode, SET, "defgw-request");
        assertRequestRoundTrip(SetLanConfigurationParameters.setIpSource(1, IpSource.parseIpmitool("dhcp")).get(1),
                SetLanConfigurationParameters.Request::decode, SET, "ipsrc-request");
        assertRequestRoundTrip(SetLanConfigurationParameters.setVlanId(1, 100).get(1),
                SetLanConfigurationParameters.Request::decode, SET, "vlan-request");
        assertRequestRoundTrip(SetLanConfigurationParameters.setVlanPriority(1, 3).get(1),
                SetLanConfigurationParameters.Request::decode, SET, "vlanprio-request");
        // every helper uses the same four-step frame around its parameter
        assertThat(SetLanConfigurationParameters.disableVlan(1)).extracting(r -> r.parameter().selector())
                .containsExactly(0, 20, 0, 0);
    }

    @Test
    void badCallerInputIsIllegalArgument() {
        assertThatThrownBy(() -> SetLanConfigurationParameters.setVlanId(1, 4095))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LanParameter.CommunityString("x".repeat(19)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MacAddress.parse("52:54:00")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LanParameter.raw(3, ByteString.of(new byte[4]))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IpSource.parseIpmitool("manual")).isInstanceOf(IllegalArgumentException.class);
    }

    private static Inet4Address ip(String dotted) throws Exception {
        return (Inet4Address) InetAddress.getByName(dotted);
    }
}
