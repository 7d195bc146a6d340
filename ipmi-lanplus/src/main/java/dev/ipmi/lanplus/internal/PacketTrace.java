package dev.ipmi.lanplus.internal;

import dev.ipmi.core.wire.Hex;
import java.util.Arrays;

/**
 * Hex dumps of RMCP+ datagrams for the TRACE log with everything secret-bearing cut out: the
 * AuthCode of authenticated packets, the RAKP2/RAKP3 auth codes and the RAKP4 ICV (an offline
 * password-guessing attack needs no more than a RAKP2 auth code), and the data of unencrypted IPMI
 * messages (Set User Password carries a password). Ciphertext and headers are shown as they are.
 */
final class PacketTrace {
    private static final int IPMI_HEADER = 6;

    private PacketTrace() {}

    /**
     * @param authCodeLength length of the AuthCode trailer of authenticated packets in this session
     */
    static String redacted(byte[] d, int authCodeLength) {
        if (d.length < 16 || (d[4] & 0xFF) != RmcpPlusCodec.AUTH_TYPE_RMCP_PLUS) {
            return Hex.dump(Arrays.copyOf(d, Math.min(d.length, 14))) + (d.length > 14 ? " <" + (d.length - 14)
                    + " more bytes>" : "");
        }
        int type = d[5] & 0x3F;
        boolean encrypted = (d[5] & 0x80) != 0;
        boolean authenticated = (d[5] & 0x40) != 0;
        int end = authenticated ? Math.max(16, d.length - authCodeLength) : d.length;
        int keep = switch (type) {
            case RakpMessage.RAKP_2 -> 16 + 40;
            case RakpMessage.RAKP_3, RakpMessage.RAKP_4 -> 16 + 8;
            case RmcpPlusCodec.PAYLOAD_IPMI -> encrypted ? end : 16 + IPMI_HEADER;
            default -> end;
        };
        keep = Math.min(keep, end);
        StringBuilder sb = new StringBuilder(Hex.dump(Arrays.copyOf(d, keep)));
        if (keep < end) {
            sb.append(" <").append(end - keep).append(" bytes redacted>");
        }
        if (authenticated) {
            sb.append(" <AuthCode redacted>");
        }
        return sb.toString();
    }
}
