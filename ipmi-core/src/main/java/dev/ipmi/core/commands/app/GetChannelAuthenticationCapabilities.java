package dev.ipmi.core.commands.app;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.types.AuthType;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Get Channel Authentication Capabilities — IPMI v2.0 §22.13, table 22-15. NetFn App (06h), cmd
 * 38h. Sent outside a session; its answer picks the 1.5 auth type and tells whether RMCP+ is
 * available.
 */
public final class GetChannelAuthenticationCapabilities {
    public static final CommandId ID = CommandId.of(NetFn.APP, 0x38, "Get Channel Authentication Capabilities");
    /** Channel number meaning "the channel this request arrives on". */
    public static final int THIS_CHANNEL = 0x0E;

    private GetChannelAuthenticationCapabilities() {}

    /**
     * @param extendedData ask for the IPMI v2.0 extended data (byte 1 bit 7); some 1.5-only BMCs
     *                     reject the request when it is set
     * @param channel      channel number 0..15 ({@link #THIS_CHANNEL} = this one)
     * @param maxPrivilege requested maximum privilege level
     */
    public record Request(boolean extendedData, int channel, PrivilegeLevel maxPrivilege)
            implements IpmiRequest<Response> {
        public Request {
            if (channel < 0 || channel > 0x0F) {
                throw new IllegalArgumentException("channel must be 0..15: " + channel);
            }
            java.util.Objects.requireNonNull(maxPrivilege, "maxPrivilege");
        }

        @Override
        public CommandId id() {
            return ID;
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8((extendedData ? 0x80 : 0) | channel).u8(maxPrivilege.code());
        }

        @Override
        public Response decodeResponse(ByteReader in) {
            return Response.decode(in);
        }
    }

    /**
     * @param channel                channel number the answer is for
     * @param extendedCapabilities   byte 3 bit 7: bytes 5's v2.0 bits are valid
     * @param authTypeMask           byte 3 bits 5:0: supported 1.5 auth types, bit n = auth type n
     * @param kgConfigured           byte 4 bit 5 (v2.0): a non-zero Kg is set
     * @param perMessageAuthDisabled byte 4 bit 4
     * @param userLevelAuthDisabled  byte 4 bit 3
     * @param nonNullUserNames       byte 4 bit 2: non-null user names enabled
     * @param nullUserNames          byte 4 bit 1: null user names (with non-null password) enabled
     * @param anonymousLogin         byte 4 bit 0: null user and null password enabled
     * @param ipmi20                 byte 5 bit 1: channel supports IPMI v2.0 (RMCP+) sessions
     * @param ipmi15                 byte 5 bit 0: channel supports IPMI v1.5 sessions
     * @param oemId                  bytes 6–8: OEM IANA number (LS byte first) for the OEM auth type
     * @param oemAuxiliary           byte 9: OEM auxiliary data
     */
    public record Response(int channel, boolean extendedCapabilities, int authTypeMask, boolean kgConfigured,
                           boolean perMessageAuthDisabled, boolean userLevelAuthDisabled, boolean nonNullUserNames,
                           boolean nullUserNames, boolean anonymousLogin, boolean ipmi20, boolean ipmi15,
                           int oemId, int oemAuxiliary) implements IpmiResponse {

        public Response {
            if (channel < 0 || channel > 0xFF || authTypeMask < 0 || authTypeMask > 0x3F || oemId < 0
                    || oemId > 0xFFFFFF || oemAuxiliary < 0 || oemAuxiliary > 0xFF) {
                throw new IllegalArgumentException("field out of range");
            }
        }

        static Response decode(ByteReader in) {
            int channel = in.u8("channel number");
            int auth = in.u8("authentication type support");
            int login = in.u8("login status");
            int ext = in.u8("extended capabilities");
            int oem = in.u24("OEM ID");
            int aux = in.u8("OEM auxiliary data");
            return new Response(channel, (auth & 0x80) != 0, auth & 0x3F, (login & 0x20) != 0, (login & 0x10) != 0,
                    (login & 0x08) != 0, (login & 0x04) != 0, (login & 0x02) != 0, (login & 0x01) != 0,
                    (ext & 0x02) != 0, (ext & 0x01) != 0, oem, aux);
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8(channel)
                    .u8((extendedCapabilities ? 0x80 : 0) | authTypeMask)
                    .u8((kgConfigured ? 0x20 : 0) | (perMessageAuthDisabled ? 0x10 : 0)
                            | (userLevelAuthDisabled ? 0x08 : 0) | (nonNullUserNames ? 0x04 : 0)
                            | (nullUserNames ? 0x02 : 0) | (anonymousLogin ? 0x01 : 0))
                    .u8((ipmi20 ? 0x02 : 0) | (ipmi15 ? 0x01 : 0))
                    .u24(oemId)
                    .u8(oemAuxiliary);
        }

        public boolean supports(AuthType type) {
            return type.mask() != 0 && (authTypeMask & type.mask()) != 0;
        }

        /** The 1.5 auth types offered, in code order. */
        public Set<AuthType> authTypes() {
            Set<AuthType> s = new LinkedHashSet<>();
            for (int code = 0; code < 6; code++) {
                if ((authTypeMask & (1 << code)) != 0) {
                    s.add(AuthType.valueOf(code));
                }
            }
            return s;
        }

        /** RMCP+ is usable: extended capabilities present and the v2.0 bit set. */
        public boolean supportsRmcpPlus() {
            return extendedCapabilities && ipmi20;
        }
    }
}
