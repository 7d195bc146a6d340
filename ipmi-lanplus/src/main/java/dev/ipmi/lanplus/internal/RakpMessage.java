package dev.ipmi.lanplus.internal;

import dev.ipmi.lanplus.RmcpPlusStatus;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;

/**
 * The RMCP+ session-setup payloads — IPMI v2.0 §13.17–§13.23 (facts §3.3, §3.4). A closed family:
 * each knows its payload type and its encoding. Byte arrays are copied in and out.
 */
public sealed interface RakpMessage {
    int OPEN_SESSION_REQUEST = 0x10;
    int OPEN_SESSION_RESPONSE = 0x11;
    int RAKP_1 = 0x12;
    int RAKP_2 = 0x13;
    int RAKP_3 = 0x14;
    int RAKP_4 = 0x15;

    int payloadType();

    void encode(ByteWriter out);

    default byte[] toBytes() {
        ByteWriter w = new ByteWriter(64);
        encode(w);
        return w.toByteArray();
    }

    /** Decodes a session-setup payload of the given type; throws MalformedMessageException. */
    static RakpMessage decode(int payloadType, byte[] payload) {
        ByteReader in = ByteReader.of(payload);
        return switch (payloadType) {
            case OPEN_SESSION_REQUEST -> OpenSessionRequest.decode(in);
            case OPEN_SESSION_RESPONSE -> OpenSessionResponse.decode(in);
            case RAKP_1 -> Rakp1.decode(in);
            case RAKP_2 -> Rakp2.decode(in);
            case RAKP_3 -> Rakp3.decode(in);
            case RAKP_4 -> Rakp4.decode(in);
            default -> throw in.malformed("payload type", String.format("%02Xh is not a session-setup payload",
                    payloadType));
        };
    }

    /** Error replies may stop after the status byte (ipmi_sim does); the session ID then reads as 0. */
    private static int errorSessionId(ByteReader in) {
        if (in.remaining() >= 6) {
            in.skip(2, "reserved");
            return in.i32("session ID");
        }
        in.rest();
        return 0;
    }

    private static void writeAlgorithm(ByteWriter out, int payloadKind, int algorithm) {
        out.u8(payloadKind).zeros(2).u8(8).u8(algorithm & 0x3F).zeros(3);
    }

    private static int readAlgorithm(ByteReader in, int payloadKind, String name) {
        int kind = in.u8(name + " payload type");
        if (kind != payloadKind) {
            throw in.malformed(name + " payload type", "expected " + payloadKind + ", found " + kind);
        }
        in.skip(2, "reserved");
        int len = in.u8(name + " payload length");
        if (len != 8 && len != 0) {
            throw in.malformed(name + " payload length", "expected 8, found " + len);
        }
        int alg = in.u8(name + " algorithm") & 0x3F;
        in.skip(3, "reserved");
        return alg;
    }

    /** Open Session Request — IPMI v2.0 §13.17, table 13-9. */
    record OpenSessionRequest(int tag, int privilege, int consoleSessionId, int authAlgorithm,
                              int integrityAlgorithm, int confidentialityAlgorithm) implements RakpMessage {
        @Override
        public int payloadType() {
            return OPEN_SESSION_REQUEST;
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8(tag).u8(privilege & 0x0F).zeros(2).i32(consoleSessionId);
            writeAlgorithm(out, 0, authAlgorithm);
            writeAlgorithm(out, 1, integrityAlgorithm);
            writeAlgorithm(out, 2, confidentialityAlgorithm);
        }

        static OpenSessionRequest decode(ByteReader in) {
            int tag = in.u8("message tag");
            int priv = in.u8("requested maximum privilege") & 0x0F;
            in.skip(2, "reserved");
            int sid = in.i32("remote console session ID");
            int a = readAlgorithm(in, 0, "authentication");
            int i = readAlgorithm(in, 1, "integrity");
            int c = readAlgorithm(in, 2, "confidentiality");
            return new OpenSessionRequest(tag, priv, sid, a, i, c);
        }
    }

    /**
     * Open Session Response — IPMI v2.0 §13.18, table 13-10. On an error status only the first 8
     * bytes are meaningful; the algorithms then read as -1 and the BMC session ID as 0.
     */
    record OpenSessionResponse(int tag, RmcpPlusStatus status, int privilege, int consoleSessionId,
                               int bmcSessionId, int authAlgorithm, int integrityAlgorithm,
                               int confidentialityAlgorithm) implements RakpMessage {
        @Override
        public int payloadType() {
            return OPEN_SESSION_RESPONSE;
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8(tag).u8(status.code());
            if (!status.isSuccess() && authAlgorithm < 0 && consoleSessionId == 0) {
                return;
            }
            out.u8(privilege & 0x0F).u8(0).i32(consoleSessionId);
            if (authAlgorithm >= 0) {
                out.i32(bmcSessionId);
                writeAlgorithm(out, 0, authAlgorithm);
                writeAlgorithm(out, 1, integrityAlgorithm);
                writeAlgorithm(out, 2, confidentialityAlgorithm);
            }
        }

        static OpenSessionResponse decode(ByteReader in) {
            int tag = in.u8("message tag");
            RmcpPlusStatus status = RmcpPlusStatus.valueOf(in.u8("status code"));
            if (!status.isSuccess() && in.remaining() < 34) {
                // ipmi_sim sends only tag and status on errors; others send the first 8 bytes
                int priv = in.remaining() >= 6 ? in.u8("maximum privilege") & 0x0F : 0;
                if (in.remaining() >= 5) {
                    in.skip(1, "reserved");
                }
                int sid = in.remaining() >= 4 ? in.i32("remote console session ID") : 0;
                return new OpenSessionResponse(tag, status, priv, sid, 0, -1, -1, -1);
            }
            int priv = in.u8("maximum privilege") & 0x0F;
            in.skip(1, "reserved");
            int sid = in.i32("remote console session ID");
            int bmcSid = in.i32("managed system session ID");
            int a = readAlgorithm(in, 0, "authentication");
            int i = readAlgorithm(in, 1, "integrity");
            int c = readAlgorithm(in, 2, "confidentiality");
            return new OpenSessionResponse(tag, status, priv, sid, bmcSid, a, i, c);
        }
    }

    /** RAKP Message 1 — IPMI v2.0 §13.20, table 13-11. */
    record Rakp1(int tag, int bmcSessionId, byte[] consoleRandom, int role, byte[] userName) implements RakpMessage {
        public Rakp1 {
            consoleRandom = consoleRandom.clone();
            userName = userName.clone();
            if (consoleRandom.length != 16) {
                throw new IllegalArgumentException("console random number is 16 bytes");
            }
            if (userName.length > 16) {
                throw new IllegalArgumentException("user names are at most 16 bytes, got " + userName.length);
            }
        }

        @Override
        public int payloadType() {
            return RAKP_1;
        }

        @Override
        public byte[] consoleRandom() {
            return consoleRandom.clone();
        }

        @Override
        public byte[] userName() {
            return userName.clone();
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8(tag).zeros(3).i32(bmcSessionId).bytes(consoleRandom).u8(role).zeros(2).u8(userName.length)
                    .bytes(userName);
        }

        static Rakp1 decode(ByteReader in) {
            int tag = in.u8("message tag");
            in.skip(3, "reserved");
            int sid = in.i32("managed system session ID");
            byte[] rm = in.bytes(16, "remote console random number");
            int role = in.u8("requested role");
            in.skip(2, "reserved");
            int len = in.u8("user name length");
            if (len > 16) {
                throw in.malformed("user name length", "at most 16, found " + len);
            }
            return new Rakp1(tag, sid, rm, role, in.bytes(len, "user name"));
        }

        @Override
        public String toString() {
            return "Rakp1[tag=" + tag + ", bmcSessionId=" + Integer.toHexString(bmcSessionId) + ", role="
                    + Integer.toHexString(role) + ", userNameLength=" + userName.length + "]";
        }
    }

    /** RAKP Message 2 — IPMI v2.0 §13.21, table 13-12. On an error status the later fields are empty. */
    record Rakp2(int tag, RmcpPlusStatus status, int consoleSessionId, byte[] bmcRandom, byte[] bmcGuid,
                 byte[] authCode) implements RakpMessage {
        public Rakp2 {
            bmcRandom = bmcRandom.clone();
            bmcGuid = bmcGuid.clone();
            authCode = authCode.clone();
        }

        @Override
        public int payloadType() {
            return RAKP_2;
        }

        @Override
        public byte[] bmcRandom() {
            return bmcRandom.clone();
        }

        @Override
        public byte[] bmcGuid() {
            return bmcGuid.clone();
        }

        @Override
        public byte[] authCode() {
            return authCode.clone();
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8(tag).u8(status.code()).zeros(2).i32(consoleSessionId);
            if (status.isSuccess() || bmcRandom.length > 0) {
                out.bytes(bmcRandom).bytes(bmcGuid).bytes(authCode);
            }
        }

        static Rakp2 decode(ByteReader in) {
            int tag = in.u8("message tag");
            RmcpPlusStatus status = RmcpPlusStatus.valueOf(in.u8("status code"));
            if (!status.isSuccess() && in.remaining() < 38) {
                int sid = errorSessionId(in);
                return new Rakp2(tag, status, sid, new byte[0], new byte[0], new byte[0]);
            }
            in.skip(2, "reserved");
            int sid = in.i32("remote console session ID");
            byte[] rc = in.bytes(16, "managed system random number");
            byte[] guid = in.bytes(16, "managed system GUID");
            return new Rakp2(tag, status, sid, rc, guid, in.rest());
        }

        @Override
        public String toString() {
            return "Rakp2[tag=" + tag + ", status=" + status + ", consoleSessionId="
                    + Integer.toHexString(consoleSessionId) + ", authCode=<redacted " + authCode.length + " bytes>]";
        }
    }

    /** RAKP Message 3 — IPMI v2.0 §13.22, table 13-13. */
    record Rakp3(int tag, RmcpPlusStatus status, int bmcSessionId, byte[] authCode) implements RakpMessage {
        public Rakp3 {
            authCode = authCode.clone();
        }

        @Override
        public int payloadType() {
            return RAKP_3;
        }

        @Override
        public byte[] authCode() {
            return authCode.clone();
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8(tag).u8(status.code()).zeros(2).i32(bmcSessionId).bytes(authCode);
        }

        static Rakp3 decode(ByteReader in) {
            int tag = in.u8("message tag");
            RmcpPlusStatus status = RmcpPlusStatus.valueOf(in.u8("status code"));
            in.skip(2, "reserved");
            int sid = in.i32("managed system session ID");
            return new Rakp3(tag, status, sid, in.rest());
        }

        @Override
        public String toString() {
            return "Rakp3[tag=" + tag + ", status=" + status + ", authCode=<redacted " + authCode.length + " bytes>]";
        }
    }

    /** RAKP Message 4 — IPMI v2.0 §13.23, table 13-14. */
    record Rakp4(int tag, RmcpPlusStatus status, int consoleSessionId, byte[] integrityCheckValue)
            implements RakpMessage {
        public Rakp4 {
            integrityCheckValue = integrityCheckValue.clone();
        }

        @Override
        public int payloadType() {
            return RAKP_4;
        }

        @Override
        public byte[] integrityCheckValue() {
            return integrityCheckValue.clone();
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8(tag).u8(status.code()).zeros(2).i32(consoleSessionId).bytes(integrityCheckValue);
        }

        static Rakp4 decode(ByteReader in) {
            int tag = in.u8("message tag");
            RmcpPlusStatus status = RmcpPlusStatus.valueOf(in.u8("status code"));
            if (!status.isSuccess() && in.remaining() < 6) {
                return new Rakp4(tag, status, errorSessionId(in), new byte[0]);
            }
            in.skip(2, "reserved");
            int sid = in.i32("remote console session ID");
            return new Rakp4(tag, status, sid, in.rest());
        }

        @Override
        public String toString() {
            return "Rakp4[tag=" + tag + ", status=" + status + ", icv=<redacted " + integrityCheckValue.length
                    + " bytes>]";
        }
    }
}
