package dev.ipmi.core.commands.transport;

import dev.ipmi.core.commands.ParameterFamily;
import dev.ipmi.core.commands.RawParameter;
import dev.ipmi.core.types.ByteString;
import dev.ipmi.core.types.AuthType;
import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.core.types.SetInProgressState;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A LAN configuration parameter — IPMI v2.0 §23.2, table 23-4. The common parameters are typed;
 * every other selector is carried as raw bytes. IPv4 addresses are most significant byte first
 * on the wire, as printed.
 */
public interface LanParameter {
    int SET_IN_PROGRESS = 0;
    int AUTH_TYPE_SUPPORT = 1;
    int AUTH_TYPE_ENABLES = 2;
    int IP_ADDRESS = 3;
    int IP_ADDRESS_SOURCE = 4;
    int MAC_ADDRESS = 5;
    int SUBNET_MASK = 6;
    int DEFAULT_GATEWAY_IP = 12;
    int DEFAULT_GATEWAY_MAC = 13;
    int BACKUP_GATEWAY_IP = 14;
    int BACKUP_GATEWAY_MAC = 15;
    int COMMUNITY_STRING = 16;
    int VLAN_ID = 20;
    int VLAN_PRIORITY = 21;
    int CIPHER_SUITE_ENTRY_COUNT = 22;
    int CIPHER_SUITE_ENTRIES = 23;
    int CIPHER_SUITE_PRIVILEGES = 24;

    /** Parameter selector. */
    int selector();

    /** Writes the parameter data (after the selector in Set, after the revision in Get). */
    void encodeData(ByteWriter out);

    /**
     * A parameter without a typed record, as raw data bytes.
     *
     * @throws IllegalArgumentException if the selector is out of range or has a typed record
     */
    static RawParameter raw(int selector, ByteString data) {
        return new RawParameter(ParameterFamily.LAN, selector, data);
    }

    /** Decodes the data of parameter {@code selector}; extra trailing bytes are ignored. */
    static LanParameter decode(int selector, ByteReader in) {
        return switch (selector) {
            case SET_IN_PROGRESS -> new SetInProgress(SetInProgressState.valueOf(in.u8("set in progress")));
            case AUTH_TYPE_SUPPORT -> new AuthTypeSupport(authTypes(in.u8("authentication type support")));
            case AUTH_TYPE_ENABLES -> new AuthTypeEnables(authTypes(in.u8("callback auth types")),
                    authTypes(in.u8("user auth types")), authTypes(in.u8("operator auth types")),
                    authTypes(in.u8("administrator auth types")), authTypes(in.u8("OEM auth types")));
            case IP_ADDRESS -> new IpAddress(ipv4(in, "IP address"));
            case IP_ADDRESS_SOURCE -> new IpAddressSource(IpSource.valueOf(in.u8("IP address source")));
            case MAC_ADDRESS -> new Mac(new MacAddress(in.bytes(6, "MAC address")));
            case SUBNET_MASK -> new SubnetMask(ipv4(in, "subnet mask"));
            case DEFAULT_GATEWAY_IP -> new DefaultGatewayIp(ipv4(in, "default gateway address"));
            case DEFAULT_GATEWAY_MAC -> new DefaultGatewayMac(new MacAddress(in.bytes(6, "default gateway MAC")));
            case BACKUP_GATEWAY_IP -> new BackupGatewayIp(ipv4(in, "backup gateway address"));
            case BACKUP_GATEWAY_MAC -> new BackupGatewayMac(new MacAddress(in.bytes(6, "backup gateway MAC")));
            case COMMUNITY_STRING -> CommunityString.decode(in);
            case VLAN_ID -> {
                int v = in.u16("VLAN ID");
                yield new VlanId((v & 0x8000) != 0, v & 0x0FFF);
            }
            case VLAN_PRIORITY -> new VlanPriority(in.u8("VLAN priority") & 0x07);
            case CIPHER_SUITE_ENTRY_COUNT -> new CipherSuiteEntryCount(in.u8("cipher suite entry count") & 0x1F);
            case CIPHER_SUITE_ENTRIES -> {
                in.skip(1, "cipher suite entries reserved byte");
                List<Integer> ids = new ArrayList<>();
                for (byte b : in.rest()) {
                    ids.add(b & 0xFF);
                }
                yield new CipherSuiteEntries(ids);
            }
            case CIPHER_SUITE_PRIVILEGES -> {
                in.skip(1, "cipher suite privileges reserved byte");
                byte[] b = in.bytes(Math.min(8, in.remaining()), "cipher suite privilege levels");
                List<PrivilegeLevel> levels = new ArrayList<>();
                for (byte x : b) {
                    levels.add(PrivilegeLevel.valueOf(x & 0x0F));
                    levels.add(PrivilegeLevel.valueOf((x >>> 4) & 0x0F));
                }
                yield new CipherSuitePrivileges(levels);
            }
            default -> new RawParameter(ParameterFamily.LAN, selector, in.restAsByteString());
        };
    }

    private static Set<AuthType> authTypes(int bits) {
        Set<AuthType> s = new LinkedHashSet<>();
        for (AuthType t : new AuthType[] {AuthType.NONE, AuthType.MD2, AuthType.MD5, AuthType.PASSWORD, AuthType.OEM}) {
            if ((bits & t.mask()) != 0) {
                s.add(t);
            }
        }
        return Set.copyOf(s);
    }

    private static int authBits(Set<AuthType> types) {
        int b = 0;
        for (AuthType t : types) {
            b |= t.mask();
        }
        return b & 0x37;
    }

    private static Inet4Address ipv4(ByteReader in, String field) {
        return ipv4(in.bytes(4, field));
    }

    /** An IPv4 address from 4 bytes, most significant first (no name lookup). */
    static Inet4Address ipv4(byte[] b) {
        try {
            return (Inet4Address) InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("IPv4 address is 4 bytes", e);
        }
    }

    /** Parameter 0. */
    record SetInProgress(SetInProgressState state) implements LanParameter {
        public SetInProgress {
            Objects.requireNonNull(state, "state");
        }

        @Override
        public int selector() {
            return SET_IN_PROGRESS;
        }

        @Override
        public void encodeData(ByteWriter out) {
            out.u8(state.code() & 0x03);
        }
    }

    /** Parameter 1 (read only): the authentication types the channel supports. */
    record AuthTypeSupport(Set<AuthType> types) implements LanParameter {
        public AuthTypeSupport {
            types = Set.copyOf(types);
        }

        @Override
        public int selector() {
            return AUTH_TYPE_SUPPORT;
        }

        @Override
        public void encodeData(ByteWriter out) {
            out.u8(authBits(types));
        }
    }

    /** Parameter 2: enabled authentication types per maximum privilege level. */
    record AuthTypeEnables(Set<AuthType> callback, Set<AuthType> user, Set<AuthType> operator,
                           Set<AuthType> administrator, Set<AuthType> oem) implements LanParameter {
        public AuthTypeEnables {
            callback = Set.copyOf(callback);
            user = Set.copyOf(user);
            operator = Set.copyOf(operator);
            administrator = Set.copyOf(administrator);
            oem = Set.copyOf(oem);
        }

        @Override
        public int selector() {
            return AUTH_TYPE_ENABLES;
        }

        @Override
        public void encodeData(ByteWriter out) {
            out.u8(authBits(callback)).u8(authBits(user)).u8(authBits(operator)).u8(authBits(administrator))
                    .u8(authBits(oem));
        }
    }

    /** Parameter 3. */
    record IpAddress(Inet4Address address) implements LanParameter {
        public IpAddress {
            Objects.requireNonNull(address, "address");
        }

        @Override
        public int selector() {
            return IP_ADDRESS;
        }

        @Override
        public void encodeData(ByteWriter out) {
            out.bytes(address.getAddress());
        }
    }

    /** Parameter 4. */
    record IpAddressSource(IpSource source) implements LanParameter {
        public IpAddressSource {
            Objects.requireNonNull(source, "source");
        }

        @Override
        public int selector() {
            return IP_ADDRESS_SOURCE;
        }

        @Override
        public void encodeData(ByteWriter out) {
            out.u8(source.code() & 0x0F);
        }
    }

    /** Parameter 5 (the BMC's own MAC address). */
    record Mac(MacAddress address) implements LanParameter {
        public Mac {
            Objects.requireNonNull(address, "address");
        }

        @Override
        public int selector() {
            return MAC_ADDRESS;
        }

        @Override
        public void encodeData(ByteWriter out) {
            out.bytes(address.bytes());
        }
    }

    /** Parameter 6. */
    record SubnetMask(Inet4Address mask) implements LanParameter {
        public SubnetMask {
            Objects.requireNonNull(mask, "mask");
        }

        @Override
        public int selector() {
            return SUBNET_MASK;
        }

        @Override
        public void encodeData(ByteWriter out) {
            out.bytes(mask.getAddress());
        }
    }

    /** Parameter 12. */
    record DefaultGatewayIp(Inet4Address address) implements LanParameter {
        public DefaultGatewayIp {
            Objects.requireNonNull(address, "address");
        }

        @Override
        public int selector() {
            return DEFAULT_GATEWAY_IP;
        }

        @Override
        public void encodeData(ByteWriter out) {
            out.bytes(address.getAddress());
        }
    }

    /** Parameter 13. */
    record DefaultGatewayMac(MacAddress address) implements LanParameter {
        public DefaultGatewayMac {
            Objects.requireNonNull(address, "address");
        }

        @Override
        public int selector() {
            return DEFAULT_GATEWAY_MAC;
        }

        @Override
        public void encodeData(ByteWriter out) {
            out.bytes(address.bytes());
        }
    }

    /** Parameter 14. */
    record BackupGatewayIp(Inet4Address address) implements LanParameter {
        public BackupGatewayIp {
            Objects.requireNonNull(address, "address");
        }

        @Override
        public int selector() {
            return BACKUP_GATEWAY_IP;
        }

        @Override
        public void encodeData(ByteWriter out) {
            out.bytes(address.getAddress());
        }
    }

    /** Parameter 15. */
    record BackupGatewayMac(MacAddress address) implements LanParameter {
        public BackupGatewayMac {
            Objects.requireNonNull(address, "address");
        }

        @Override
        public int selector() {
            return BACKUP_GATEWAY_MAC;
        }

        @Override
        public void encodeData(ByteWriter out) {
            out.bytes(address.bytes());
        }
    }

    /** Parameter 16: SNMP community string, 18 bytes NUL padded. */
    record CommunityString(String value) implements LanParameter {
        static final int LENGTH = 18;

        public CommunityString {
            if (value.length() > LENGTH || value.indexOf('\0') >= 0
                    || value.chars().anyMatch(c -> c > 0xFF)) {
                throw new IllegalArgumentException("community string is up to 18 Latin-1 characters without NUL");
            }
        }

        static CommunityString decode(ByteReader in) {
            byte[] b = in.bytes(Math.min(LENGTH, in.remaining()), "community string");
            int n = 0;
            while (n < b.length && b[n] != 0) {
                n++;
            }
            return new CommunityString(new String(b, 0, n, StandardCharsets.ISO_8859_1));
        }

        @Override
        public int selector() {
            return COMMUNITY_STRING;
        }

        @Override
        public void encodeData(ByteWriter out) {
            out.padded(value.getBytes(StandardCharsets.ISO_8859_1), LENGTH);
        }
    }

    /**
     * Parameter 20: 802.1q VLAN.
     *
     * @param enabled bit 15
     * @param id      bits 11:0 (1..4094 when enabled)
     */
    record VlanId(boolean enabled, int id) implements LanParameter {
        public VlanId {
            if (id < 0 || id > 0x0FFF) {
                throw new IllegalArgumentException("VLAN ID is 12 bits: " + id);
            }
        }

        public static VlanId disabled() {
            return new VlanId(false, 0);
        }

        @Override
        public int selector() {
            return VLAN_ID;
        }

        @Override
        public void encodeData(ByteWriter out) {
            out.u16((enabled ? 0x8000 : 0) | id);
        }
    }

    /** Parameter 21: 802.1q priority, bits 2:0. */
    record VlanPriority(int priority) implements LanParameter {
        public VlanPriority {
            if (priority < 0 || priority > 7) {
                throw new IllegalArgumentException("VLAN priority is 0..7: " + priority);
            }
        }

        @Override
        public int selector() {
            return VLAN_PRIORITY;
        }

        @Override
        public void encodeData(ByteWriter out) {
            out.u8(priority);
        }
    }

    /** Parameter 22 (read only): number of cipher suite entries, bits 4:0. */
    record CipherSuiteEntryCount(int count) implements LanParameter {
        public CipherSuiteEntryCount {
            if (count < 0 || count > 0x1F) {
                throw new IllegalArgumentException("cipher suite entry count is 0..31: " + count);
            }
        }

        @Override
        public int selector() {
            return CIPHER_SUITE_ENTRY_COUNT;
        }

        @Override
        public void encodeData(ByteWriter out) {
            out.u8(count);
        }
    }

    /** Parameter 23 (read only): cipher suite IDs after a reserved byte. */
    record CipherSuiteEntries(List<Integer> ids) implements LanParameter {
        public CipherSuiteEntries {
            ids = List.copyOf(ids);
            for (int id : ids) {
                if (id < 0 || id > 0xFF) {
                    throw new IllegalArgumentException("cipher suite ID is one byte: " + id);
                }
            }
        }

        @Override
        public int selector() {
            return CIPHER_SUITE_ENTRIES;
        }

        @Override
        public void encodeData(ByteWriter out) {
            out.u8(0);
            ids.forEach(out::u8);
        }
    }

    /**
     * Parameter 24: maximum privilege per cipher suite entry, after a reserved byte; two entries
     * per byte, the first in the low nibble.
     */
    record CipherSuitePrivileges(List<PrivilegeLevel> levels) implements LanParameter {
        public CipherSuitePrivileges {
            levels = List.copyOf(levels);
            if (levels.size() % 2 != 0 || levels.size() > 16) {
                throw new IllegalArgumentException("an even number of up to 16 levels: " + levels.size());
            }
        }

        @Override
        public int selector() {
            return CIPHER_SUITE_PRIVILEGES;
        }

        @Override
        public void encodeData(ByteWriter out) {
            out.u8(0);
            for (int i = 0; i < levels.size(); i += 2) {
                out.u8((levels.get(i).code() & 0x0F) | (levels.get(i + 1).code() & 0x0F) << 4);
            }
        }
    }

}
