package dev.ipmi.lanplus.internal;

import dev.ipmi.core.commands.app.GetChannelCipherSuites;
import dev.ipmi.core.wire.ByteWriter;
import dev.ipmi.core.wire.LanMessage;
import dev.ipmi.core.types.CipherSuite;
import dev.ipmi.lanplus.RmcpPlusStatus;
import dev.ipmi.lanplus.internal.RakpMessage.OpenSessionRequest;
import dev.ipmi.lanplus.internal.RakpMessage.OpenSessionResponse;
import dev.ipmi.lanplus.internal.RakpMessage.Rakp1;
import dev.ipmi.lanplus.internal.RakpMessage.Rakp2;
import dev.ipmi.lanplus.internal.RakpMessage.Rakp3;
import dev.ipmi.lanplus.internal.RakpMessage.Rakp4;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The BMC side of RMCP+ for unit tests of the state machine: answers the machine's datagrams
 * (auth caps, cipher suites, Open Session, RAKP, in-session IPMI requests). Its RAKP computations
 * are the ones verified against ipmi_sim captures in {@link RakpCaptureVectorTest}; faults are
 * switched on with its public fields.
 */
final class FakeBmc {
    byte[] password = "password".getBytes(StandardCharsets.US_ASCII);
    byte[] kg;
    String user = "admin";
    Set<Integer> suites = Set.of(0, 1, 2, 3, 17);
    /** null = answer Get Channel Cipher Suites with the records of {@link #suites}; otherwise a CC (or -1 = ignore). */
    Integer cipherQueryCompletion;
    int authCapsCompletionFor8E;
    boolean answerWithOtherAlgorithms;
    boolean echoPrivilegeZero;
    /** Like ipmi_sim 2.0.33: HMAC-MD5-128 integrity keyed with the password instead of K1. */
    boolean md5IntegrityWithPassword;
    int integrityFailures;
    final List<RakpMessage> setupReceived = new ArrayList<>();
    boolean corruptRakp2AuthCode;
    int rakp4Status;
    boolean corruptRakp4Icv;
    int setPrivilegeCompletion;
    int bmcSidCounter = 0x100;
    int outSeq;
    /** Every in-session IPMI request received (decrypted), in order. */
    final List<LanMessage> requests = new ArrayList<>();
    /** SOL payloads received (decrypted), with whether they came encrypted and authenticated. */
    final List<RmcpPlusCodec.Packet> solReceived = new ArrayList<>();
    int openSessions;
    int rakp1s;

    private OpenSessionRequest open;
    private int bmcSid;
    private CipherSuite suite;
    private Rakp1 rakp1;
    private byte[] rc;
    private final byte[] guid = "FAKE-BMC-GUID-01".getBytes(StandardCharsets.US_ASCII);
    RmcpPlusCodec codec;
    int consoleSid;

    /** The reply to one datagram, or null when the BMC stays silent. */
    byte[] handle(byte[] d) {
        if ((d[4] & 0xFF) == 0x00) {
            return preSession(d);
        }
        int type = d[5] & 0x3F;
        if (type >= 0x10 && type <= 0x15) {
            return setup(type, Arrays.copyOfRange(d, 16, d.length));
        }
        RmcpPlusCodec.Packet p;
        try {
            p = codec.decode(d);
        } catch (IntegrityCheckException e) {
            integrityFailures++;
            return null;
        }
        if (p.payloadType() == RmcpPlusCodec.PAYLOAD_SOL) {
            solReceived.add(p);
            return null;
        }
        LanMessage m = LanMessage.decode(p.payload());
        requests.add(m);
        byte[] body = switch (m.command()) {
            case 0x3B -> m.netFn() == 0x06 ? (setPrivilegeCompletion != 0 ? new byte[] {(byte) setPrivilegeCompletion}
                    : new byte[] {0, m.body()[0]}) : new byte[] {0};
            case 0x01 -> new byte[] {0, 0x20, 0x01, 0x02, 0x15, 0x02, (byte) 0x9f, (byte) 0x91, 0x12, 0x00, 0x02, 0x0f};
            default -> new byte[] {0};
        };
        return inSession(m.response(body));
    }

    /** A SOL payload from the BMC, in the session (encrypted/authenticated as negotiated). */
    byte[] sol(byte[] payload) {
        outSeq++;
        return codec.encode(RmcpPlusCodec.PAYLOAD_SOL, consoleSid, outSeq, payload);
    }

    byte[] inSession(LanMessage response) {
        outSeq++;
        return codec.encode(RmcpPlusCodec.PAYLOAD_IPMI, consoleSid, outSeq, response.encode());
    }

    private byte[] preSession(byte[] d) {
        int len = d[13] & 0xFF;
        LanMessage m = LanMessage.decode(d, 14, len);
        byte[] body;
        if (m.command() == 0x38) {
            if ((m.body()[0] & 0xFF) == 0x8E && authCapsCompletionFor8E != 0) {
                body = new byte[] {(byte) authCapsCompletionFor8E};
            } else {
                body = new byte[] {0, 0x01, (byte) 0x94, 0x04, 0x03, 0, 0, 0, 0};
            }
        } else if (m.command() == 0x54) {
            if (cipherQueryCompletion != null) {
                if (cipherQueryCompletion < 0) {
                    return null;
                }
                body = new byte[] {(byte) (int) cipherQueryCompletion};
            } else {
                ByteWriter records = new ByteWriter();
                for (int id : suites.stream().sorted().toList()) {
                    CipherSuite s = CipherSuite.of(id);
                    new GetChannelCipherSuites.CipherSuiteRecord(id, java.util.OptionalInt.empty(),
                            List.of(s.authentication().code()), List.of(s.integrity().code()),
                            List.of(s.confidentiality().code())).encode(records);
                }
                byte[] all = records.toByteArray();
                int index = m.body()[2] & 0x3F;
                int from = Math.min(all.length, index * 16);
                int to = Math.min(all.length, from + 16);
                ByteWriter w = new ByteWriter();
                w.u8(0).u8(1).bytes(all, from, to - from);
                body = w.toByteArray();
            }
        } else {
            body = new byte[] {(byte) 0xC1};
        }
        byte[] msg = m.response(body).encode();
        ByteWriter w = new ByteWriter();
        w.u8(6).u8(0).u8(0xFF).u8(7).u8(0).i32(0).i32(0).u8(msg.length).bytes(msg);
        return w.toByteArray();
    }

    private byte[] setup(int type, byte[] payload) {
        RakpMessage m = RakpMessage.decode(type, payload);
        setupReceived.add(m);
        RakpMessage reply;
        if (m instanceof OpenSessionRequest r) {
            openSessions++;
            open = r;
            CipherSuite s = CipherSuite.of(r.authAlgorithm(), r.integrityAlgorithm(), r.confidentialityAlgorithm());
            if (s == null || !suites.contains(s.id())) {
                // like ipmi_sim: an error reply of tag and status only
                reply = new OpenSessionResponse(r.tag(), RmcpPlusStatus.valueOf(0x04), 0, 0, 0, -1, -1, -1);
            } else {
                suite = s;
                bmcSid = ++bmcSidCounter;
                consoleSid = r.consoleSessionId();
                int auth = answerWithOtherAlgorithms ? 2 : r.authAlgorithm();
                reply = new OpenSessionResponse(r.tag(), RmcpPlusStatus.NO_ERRORS, echoPrivilegeZero ? 0 : r.privilege(),
                        r.consoleSessionId(),
                        bmcSid, auth, r.integrityAlgorithm(), r.confidentialityAlgorithm());
            }
        } else if (m instanceof Rakp1 r) {
            rakp1s++;
            rakp1 = r;
            if (!new String(r.userName(), StandardCharsets.US_ASCII).equals(user)) {
                reply = new Rakp2(r.tag(), RmcpPlusStatus.UNAUTHORIZED_NAME, open.consoleSessionId(), new byte[0],
                        new byte[0], new byte[0]);
            } else {
                rc = Crypto.random(16);
                byte[] code;
                try (RakpKeys k = new RakpKeys(suite.authentication(), password, kg)) {
                    code = k.rakp2AuthCode(open.consoleSessionId(), bmcSid, r.consoleRandom(), rc, guid, r.role(),
                            r.userName());
                }
                if (corruptRakp2AuthCode && code.length > 0) {
                    code[0] ^= 1;
                }
                reply = new Rakp2(r.tag(), RmcpPlusStatus.NO_ERRORS, open.consoleSessionId(), rc, guid, code);
            }
        } else if (m instanceof Rakp3 r) {
            try (RakpKeys k = new RakpKeys(suite.authentication(), password, kg)) {
                byte[] expected = k.rakp3AuthCode(rc, open.consoleSessionId(), rakp1.role(), rakp1.userName());
                if (!r.status().isSuccess()) {
                    return null;
                }
                if (!Arrays.equals(expected, r.authCode())) {
                    reply = new Rakp4(r.tag(), RmcpPlusStatus.INVALID_INTEGRITY_CHECK_VALUE, open.consoleSessionId(),
                            new byte[0]);
                } else if (rakp4Status != 0) {
                    reply = new Rakp4(r.tag(), RmcpPlusStatus.valueOf(rakp4Status), open.consoleSessionId(), new byte[0]);
                } else {
                    byte[] sik = k.sik(rakp1.consoleRandom(), rc, rakp1.role(), rakp1.userName());
                    byte[] icv = RakpKeys.rakp4Icv(suite.authentication(), sik, rakp1.consoleRandom(), bmcSid, guid);
                    if (corruptRakp4Icv && icv.length > 0) {
                        icv[0] ^= 1;
                    }
                    byte[] k1 = md5IntegrityWithPassword && suite.integrity().code() == 2 ? Arrays.copyOf(password, 20)
                            : RakpKeys.derive(suite.authentication(), sik, 1);
                    codec = RmcpPlusCodec.forSession(suite, k1,
                            RakpKeys.derive(suite.authentication(), sik, 2), password);
                    outSeq = 0;
                    reply = new Rakp4(r.tag(), RmcpPlusStatus.NO_ERRORS, open.consoleSessionId(), icv);
                }
            }
        } else {
            return null;
        }
        return RmcpPlusCodec.unauthenticated().encode(reply.payloadType(), 0, 0, reply.toBytes());
    }
}
