package dev.ipmi.core.commands.transport;

import dev.ipmi.core.types.AuthType;
import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.core.types.SetInProgressState;
import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The common LAN configuration of one channel, assembled from the parameters of {@link #SELECTORS}
 * (what {@code ipmitool lan print} shows). A parameter the BMC does not support (completion code
 * 80h) is simply absent.
 *
 * @param cipherSuites parameter 23's IDs, cut to parameter 22's count when present, each with the
 *                     maximum privilege from the same position of parameter 24
 */
public record LanConfig(Optional<SetInProgressState> setInProgress, Optional<Set<AuthType>> authTypeSupport,
                        Optional<LanParameter.AuthTypeEnables> authTypeEnables, Optional<IpSource> ipSource,
                        Optional<Inet4Address> ipAddress, Optional<Inet4Address> subnetMask,
                        Optional<MacAddress> macAddress, Optional<String> communityString,
                        Optional<Inet4Address> defaultGatewayIp, Optional<MacAddress> defaultGatewayMac,
                        Optional<Inet4Address> backupGatewayIp, Optional<MacAddress> backupGatewayMac,
                        Optional<LanParameter.VlanId> vlan, OptionalInt vlanPriority,
                        List<CipherSuitePrivilege> cipherSuites) {

    /** The parameters to read, in ipmitool's {@code lan print} order. */
    public static final List<Integer> SELECTORS = List.of(LanParameter.SET_IN_PROGRESS,
            LanParameter.AUTH_TYPE_SUPPORT, LanParameter.AUTH_TYPE_ENABLES, LanParameter.IP_ADDRESS_SOURCE,
            LanParameter.IP_ADDRESS, LanParameter.SUBNET_MASK, LanParameter.MAC_ADDRESS,
            LanParameter.COMMUNITY_STRING, LanParameter.DEFAULT_GATEWAY_IP, LanParameter.DEFAULT_GATEWAY_MAC,
            LanParameter.BACKUP_GATEWAY_IP, LanParameter.BACKUP_GATEWAY_MAC, LanParameter.VLAN_ID,
            LanParameter.VLAN_PRIORITY, LanParameter.CIPHER_SUITE_ENTRY_COUNT, LanParameter.CIPHER_SUITE_ENTRIES,
            LanParameter.CIPHER_SUITE_PRIVILEGES);

    public LanConfig {
        Objects.requireNonNull(setInProgress);
        Objects.requireNonNull(authTypeSupport);
        Objects.requireNonNull(authTypeEnables);
        Objects.requireNonNull(ipSource);
        Objects.requireNonNull(ipAddress);
        Objects.requireNonNull(subnetMask);
        Objects.requireNonNull(macAddress);
        Objects.requireNonNull(communityString);
        Objects.requireNonNull(defaultGatewayIp);
        Objects.requireNonNull(defaultGatewayMac);
        Objects.requireNonNull(backupGatewayIp);
        Objects.requireNonNull(backupGatewayMac);
        Objects.requireNonNull(vlan);
        Objects.requireNonNull(vlanPriority);
        cipherSuites = List.copyOf(cipherSuites);
    }

    /** Assembles the record from whatever parameters were read; later duplicates win. */
    public static LanConfig from(Collection<? extends LanParameter> parameters) {
        SetInProgressState sip = null;
        Set<AuthType> support = null;
        LanParameter.AuthTypeEnables enables = null;
        IpSource source = null;
        Inet4Address ip = null;
        Inet4Address mask = null;
        MacAddress mac = null;
        String community = null;
        Inet4Address gw = null;
        MacAddress gwMac = null;
        Inet4Address bgw = null;
        MacAddress bgwMac = null;
        LanParameter.VlanId vlan = null;
        Integer prio = null;
        Integer count = null;
        List<Integer> ids = null;
        List<PrivilegeLevel> levels = null;
        for (LanParameter p : parameters) {
            if (p instanceof LanParameter.SetInProgress x) {
                sip = x.state();
            } else if (p instanceof LanParameter.AuthTypeSupport x) {
                support = x.types();
            } else if (p instanceof LanParameter.AuthTypeEnables x) {
                enables = x;
            } else if (p instanceof LanParameter.IpAddressSource x) {
                source = x.source();
            } else if (p instanceof LanParameter.IpAddress x) {
                ip = x.address();
            } else if (p instanceof LanParameter.SubnetMask x) {
                mask = x.mask();
            } else if (p instanceof LanParameter.Mac x) {
                mac = x.address();
            } else if (p instanceof LanParameter.CommunityString x) {
                community = x.value();
            } else if (p instanceof LanParameter.DefaultGatewayIp x) {
                gw = x.address();
            } else if (p instanceof LanParameter.DefaultGatewayMac x) {
                gwMac = x.address();
            } else if (p instanceof LanParameter.BackupGatewayIp x) {
                bgw = x.address();
            } else if (p instanceof LanParameter.BackupGatewayMac x) {
                bgwMac = x.address();
            } else if (p instanceof LanParameter.VlanId x) {
                vlan = x;
            } else if (p instanceof LanParameter.VlanPriority x) {
                prio = x.priority();
            } else if (p instanceof LanParameter.CipherSuiteEntryCount x) {
                count = x.count();
            } else if (p instanceof LanParameter.CipherSuiteEntries x) {
                ids = x.ids();
            } else if (p instanceof LanParameter.CipherSuitePrivileges x) {
                levels = x.levels();
            }
        }
        List<CipherSuitePrivilege> suites = new ArrayList<>();
        if (ids != null) {
            int n = count == null ? ids.size() : Math.min(count, ids.size());
            for (int i = 0; i < n; i++) {
                Optional<PrivilegeLevel> level = levels != null && i < levels.size()
                        ? Optional.of(levels.get(i)) : Optional.empty();
                suites.add(new CipherSuitePrivilege(ids.get(i), level));
            }
        }
        return new LanConfig(Optional.ofNullable(sip), Optional.ofNullable(support), Optional.ofNullable(enables),
                Optional.ofNullable(source), Optional.ofNullable(ip), Optional.ofNullable(mask),
                Optional.ofNullable(mac), Optional.ofNullable(community), Optional.ofNullable(gw),
                Optional.ofNullable(gwMac), Optional.ofNullable(bgw), Optional.ofNullable(bgwMac),
                Optional.ofNullable(vlan), prio == null ? OptionalInt.empty() : OptionalInt.of(prio), suites);
    }
}
