package dev.ipmi.lanplus.internal;

import dev.ipmi.core.wire.Hex;
import java.util.Arrays;

/**
 * Hex dumps of RMCP+ datagrams for a packet trace, cut down to what cannot verify a secret. An
 * offline password or K_G guess needs either a RAKP auth code or ICV together with the two random
 * numbers, or a known plaintext next to its ciphertext; so the trace shows the RMCP and session
 * headers and the non-secret RAKP fields (tag, status, session IDs), and never the random numbers,
 * the GUID, auth codes, the ICV, the AuthCode trailer, payload bytes of encrypted packets or the
 * data of IPMI messages (Set User Password carries a password in clear).
 */
final class PacketTrace {
    private static final int SESSION_HEADER = 16;
    /** Message tag, status code, reserved, session ID: the part of RAKP 1–4 that carries no secret. */
    private static final int RAKP_PUBLIC = 8;
    private static final int IPMI_HEADER = 6;

    private PacketTrace() {}

    /**
     * @param authCodeLength length of the AuthCode trailer of authenticated packets in this session
     */
    static String redacted(byte[] d, int authCodeLength) {
        if (d.length < SESSION_HEADER || (d[4] & 0xFF) != RmcpPlusCodec.AUTH_TYPE_RMCP_PLUS) {
            return Hex.dump(Arrays.copyOf(d, Math.min(d.length, 14))) + (d.length > 14 ? " <" + (d.length - 14)
                    + " more bytes>" : "");
        }
        int type = d[5] & 0x3F;
        boolean encrypted = (d[5] & 0x80) != 0;
        boolean authenticated = (d[5] & 0x40) != 0;
        int end = authenticated ? Math.max(SESSION_HEADER, d.length - authCodeLength) : d.length;
        int body = end - SESSION_HEADER;
        StringBuilder sb = new StringBuilder(Hex.dump(Arrays.copyOf(d, SESSION_HEADER)));
        switch (type) {
            case RakpMessage.OPEN_SESSION_REQUEST, RakpMessage.OPEN_SESSION_RESPONSE -> sb.append(' ')
                    .append(Hex.dump(Arrays.copyOfRange(d, SESSION_HEADER, end)));
            case RakpMessage.RAKP_1 -> rakp(sb, d, end, "random number, role, user name", 0, null);
            case RakpMessage.RAKP_2 -> rakp(sb, d, end, "random number, GUID", 32, "key exchange auth code");
            case RakpMessage.RAKP_3 -> rakp(sb, d, end, null, 0, "key exchange auth code");
            case RakpMessage.RAKP_4 -> rakp(sb, d, end, null, 0, "integrity check value");
            case RmcpPlusCodec.PAYLOAD_IPMI -> {
                if (encrypted) {
                    redact(sb, body, "encrypted payload");
                } else {
                    int keep = Math.min(IPMI_HEADER, body);
                    sb.append(' ').append(Hex.dump(Arrays.copyOfRange(d, SESSION_HEADER, SESSION_HEADER + keep)));
                    redact(sb, body - keep, "message data");
                }
            }
            default -> redact(sb, body, encrypted ? "encrypted payload" : "payload");
        }
        if (authenticated) {
            sb.append(" <AuthCode redacted>");
        }
        return sb.toString();
    }

    /**
     * The public 8 bytes, then {@code secretFirst} bytes named {@code firstName} (all the rest when
     * {@code lastName} is null), then the rest named {@code lastName}.
     */
    private static void rakp(StringBuilder sb, byte[] d, int end, String firstName, int secretFirst, String lastName) {
        int keep = Math.min(RAKP_PUBLIC, end - SESSION_HEADER);
        sb.append(' ').append(Hex.dump(Arrays.copyOfRange(d, SESSION_HEADER, SESSION_HEADER + keep)));
        int rest = end - SESSION_HEADER - keep;
        if (lastName == null) {
            redact(sb, rest, firstName);
            return;
        }
        int first = Math.min(secretFirst, rest);
        if (firstName != null) {
            redact(sb, first, firstName);
        }
        redact(sb, rest - first, lastName);
    }

    private static void redact(StringBuilder sb, int n, String what) {
        if (n > 0) {
            sb.append(" <").append(n).append(" bytes redacted: ").append(what).append('>');
        }
    }
}
