package dev.ipmi.core.wire;

import dev.ipmi.core.MalformedMessageException;
import java.util.Arrays;

/**
 * The IPMI message as carried over LAN (IPMI v2.0 §13.8, figure 13-4): responder address,
 * netFn/responder LUN, checksum 1, requester address, sequence/requester LUN, command, data,
 * checksum 2. For a request the first address is the BMC (rsSA) and {@code body} is the request
 * data; for a response the first address is the requester (rqSA) and {@code body} starts with the
 * completion code. The names below follow the byte positions, not the direction.
 *
 * @param address1 byte 0: rsSA in a request, rqSA in a response
 * @param netFn    6-bit netFn (odd in responses)
 * @param lun1     2-bit LUN paired with address1
 * @param address2 byte 3: rqSA in a request, rsSA in a response
 * @param seq      6-bit rqSeq
 * @param lun2     2-bit LUN paired with address2
 * @param command  command byte
 * @param body     request data, or completion code + response data
 */
public record LanMessage(int address1, int netFn, int lun1, int address2, int seq, int lun2, int command,
                         byte[] body) {
    public static final int BMC_ADDRESS = 0x20;
    public static final int REMOTE_CONSOLE_ADDRESS = 0x81;
    public static final int MIN_LENGTH = 7;

    public LanMessage {
        check(address1, 0xFF, "address1");
        check(netFn, 0x3F, "netFn");
        check(lun1, 3, "lun1");
        check(address2, 0xFF, "address2");
        check(seq, 0x3F, "seq");
        check(lun2, 3, "lun2");
        check(command, 0xFF, "command");
        body = body.clone();
    }

    private static void check(int v, int max, String what) {
        if (v < 0 || v > max) {
            throw new IllegalArgumentException(what + " out of range 0.." + max + ": " + v);
        }
    }

    /** A request from the remote console (81h) to the BMC (20h). */
    public static LanMessage request(int netFn, int lun, int seq, int command, byte[] data) {
        return new LanMessage(BMC_ADDRESS, netFn, lun, REMOTE_CONSOLE_ADDRESS, seq, 0, command, data);
    }

    /** The response to this request, as the BMC would send it. */
    public LanMessage response(byte[] ccAndData) {
        return new LanMessage(address2, netFn | 1, lun2, address1, seq, lun1, command, ccAndData);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    public boolean isResponse() {
        return (netFn & 1) == 1;
    }

    public static int checksum(byte[] b, int off, int len) {
        int sum = 0;
        for (int i = off; i < off + len; i++) {
            sum += b[i];
        }
        return (-sum) & 0xFF;
    }

    public int encodedLength() {
        return MIN_LENGTH + body.length;
    }

    public byte[] encode() {
        byte[] out = new byte[encodedLength()];
        out[0] = (byte) address1;
        out[1] = (byte) (netFn << 2 | lun1);
        out[2] = (byte) checksum(out, 0, 2);
        out[3] = (byte) address2;
        out[4] = (byte) (seq << 2 | lun2);
        out[5] = (byte) command;
        System.arraycopy(body, 0, out, 6, body.length);
        out[out.length - 1] = (byte) checksum(out, 3, out.length - 4);
        return out;
    }

    /** Decodes and validates both checksums. */
    public static LanMessage decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length);
    }

    public static LanMessage decode(byte[] bytes, int off, int len) {
        return decode(Arrays.copyOfRange(bytes, off, off + len), true);
    }

    /**
     * Decodes, validating the checksums only if {@code verifyChecksums}: false is for BMCs whose
     * checksums are known to be wrong ({@link dev.ipmi.core.options.Quirk#NO_CHECKSUM_CHECK}, opt-in).
     */
    public static LanMessage decode(byte[] bytes, boolean verifyChecksums) {
        byte[] b = bytes.clone();
        int len = b.length;
        if (len < MIN_LENGTH) {
            throw new MalformedMessageException("IPMI message", 0, b, "needs at least 7 bytes, got " + len);
        }
        if (!verifyChecksums) {
            return new LanMessage(b[0] & 0xFF, (b[1] & 0xFF) >>> 2, b[1] & 3, b[3] & 0xFF, (b[4] & 0xFF) >>> 2,
                    b[4] & 3, b[5] & 0xFF, Arrays.copyOfRange(b, 6, len - 1));
        }
        if (checksum(b, 0, 2) != (b[2] & 0xFF)) {
            throw new MalformedMessageException("checksum 1", 2, b,
                    "expected " + Hex.u8(checksum(b, 0, 2)) + ", found " + Hex.u8(b[2]));
        }
        int c2 = checksum(b, 3, len - 4);
        if (c2 != (b[len - 1] & 0xFF)) {
            throw new MalformedMessageException("checksum 2", len - 1, b,
                    "expected " + Hex.u8(c2) + ", found " + Hex.u8(b[len - 1]));
        }
        return new LanMessage(b[0] & 0xFF, (b[1] & 0xFF) >>> 2, b[1] & 3, b[3] & 0xFF, (b[4] & 0xFF) >>> 2,
                b[4] & 3, b[5] & 0xFF, Arrays.copyOfRange(b, 6, len - 1));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LanMessage m && m.address1 == address1 && m.netFn == netFn && m.lun1 == lun1
                && m.address2 == address2 && m.seq == seq && m.lun2 == lun2 && m.command == command
                && Arrays.equals(m.body, body);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encode());
    }

    @Override
    public String toString() {
        return String.format("LanMessage[%02Xh/%d -> %02Xh/%d netFn=%02Xh seq=%d cmd=%02Xh body=%s]",
                address2, lun2, address1, lun1, netFn, seq, command, Hex.dump(body));
    }
}
