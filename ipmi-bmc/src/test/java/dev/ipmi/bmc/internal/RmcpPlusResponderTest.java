package dev.ipmi.bmc.internal;

import dev.ipmi.bmc.EchoConsole;
import dev.ipmi.bmc.BmcQuirk;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.core.types.AuthType;
import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.core.wire.LanMessage;
import dev.ipmi.bmc.BmcUser;
import dev.ipmi.bmc.internal.CommandContext;
import dev.ipmi.bmc.internal.CommandHandler;
import dev.ipmi.bmc.internal.ResponderConfig;
import dev.ipmi.bmc.internal.SessionSlots;
import dev.ipmi.bmc.Sink;
import dev.ipmi.core.types.CipherSuite;
import dev.ipmi.lanplus.internal.RakpKeys;
import dev.ipmi.lanplus.internal.RakpMessage;
import dev.ipmi.lanplus.internal.RmcpPlusCodec;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** The RMCP+ responder driven byte by byte with a fake clock and an independent client-side key schedule. */
class RmcpPlusResponderTest {
    static final SocketAddress CONSOLE = new InetSocketAddress("127.0.0.1", 40000);
    static final long TIMEOUT = 60_000_000_000L;
    static final byte[] GUID = new byte[16];
    static final byte[] PASSWORD = "password".getBytes(StandardCharsets.US_ASCII);
    static final byte[] NAME = "admin".getBytes(StandardCharsets.US_ASCII);
    static final int CONSOLE_SID = 0xA0A2A3A4;

    final List<byte[]> sent = new ArrayList<>();
    final Sink sink = (to, d) -> sent.add(d);
    final List<CommandContext> contexts = new ArrayList<>();
    final CommandHandler handler = (ctx, netFn, cmd, data) -> {
        contexts.add(ctx);
        return new byte[] {0, 0x20};
    };
    final EchoConsole console = new EchoConsole("BANNER");
    long now = 5_000_000_000L;
    SessionSlots slots;
    RmcpPlusResponder responder;
    RmcpPlusCodec session;
    int bmcSid;
    int seq = 1;
    int rqSeq;

    RmcpPlusResponder responder(Set<BmcQuirk> quirks, int limit, byte[] kg, CipherSuite... suites) {
        slots = new SessionSlots(limit);
        ResponderConfig config = new ResponderConfig(1,
                List.of(new BmcUser(2, "admin", PASSWORD, PrivilegeLevel.ADMINISTRATOR),
                        new BmcUser(3, "user", "userpass".getBytes(StandardCharsets.US_ASCII), PrivilegeLevel.USER)),
                Set.of(AuthType.MD5), true, kg != null, limit, TIMEOUT);
        responder = new RmcpPlusResponder(config, List.of(suites), kg, GUID, quirks, () -> 623, handler, slots,
                () -> Optional.of(console), new Random(3));
        return responder;
    }

    RmcpPlusResponder responder(Set<BmcQuirk> quirks) {
        return responder(quirks, 8, null, CipherSuite.SUITE_17, CipherSuite.SUITE_3, CipherSuite.SUITE_16);
    }

    void setup(RakpMessage m) {
        responder.onDatagram(CONSOLE, RmcpPlusCodec.unauthenticated().encode(m.payloadType(), 0, 0, m.toBytes()),
                now, sink);
    }

    RakpMessage lastSetup() {
        RmcpPlusCodec.Packet p = RmcpPlusCodec.unauthenticated().decode(sent.get(sent.size() - 1));
        return RakpMessage.decode(p.payloadType(), p.payload());
    }

    RakpMessage.OpenSessionResponse open(CipherSuite suite, int privilege) {
        setup(new RakpMessage.OpenSessionRequest(7, privilege, CONSOLE_SID, suite.authentication().code(),
                suite.integrity().code(), suite.confidentiality().code()));
        return (RakpMessage.OpenSessionResponse) lastSetup();
    }

    /** Full login checked against an independent computation of the RAKP values. */
    void login(CipherSuite suite, byte[] name, byte[] password, byte[] kg) {
        RakpMessage.OpenSessionResponse o = open(suite, 0);
        assertThat(o.status().isSuccess()).isTrue();
        bmcSid = o.bmcSessionId();
        byte[] rm = new byte[16];
        Arrays.fill(rm, (byte) 0x5A);
        int role = 0x04;
        setup(new RakpMessage.Rakp1(9, bmcSid, rm, role, name));
        RakpMessage.Rakp2 r2 = (RakpMessage.Rakp2) lastSetup();
        assertThat(r2.status().isSuccess()).isTrue();
        RakpKeys keys = new RakpKeys(suite.authentication(), password, kg);
        assertThat(r2.authCode()).isEqualTo(keys.rakp2AuthCode(CONSOLE_SID, bmcSid, rm, r2.bmcRandom(),
                r2.bmcGuid(), role, name));
        setup(new RakpMessage.Rakp3(9, dev.ipmi.lanplus.RmcpPlusStatus.NO_ERRORS, bmcSid,
                keys.rakp3AuthCode(r2.bmcRandom(), CONSOLE_SID, role, name)));
        RakpMessage.Rakp4 r4 = (RakpMessage.Rakp4) lastSetup();
        assertThat(r4.status().isSuccess()).isTrue();
        byte[] sik = keys.sik(rm, r2.bmcRandom(), role, name);
        assertThat(r4.integrityCheckValue()).isEqualTo(RakpKeys.rakp4Icv(suite.authentication(), sik, rm, bmcSid,
                r2.bmcGuid()));
        session = RmcpPlusCodec.forSession(suite, RakpKeys.derive(suite.authentication(), sik, 1),
                RakpKeys.derive(suite.authentication(), sik, 2), password);
    }

    void ipmi(int netFn, int cmd, byte[] data) {
        ipmiWithSeq(seq++, netFn, cmd, data);
    }

    void ipmiWithSeq(int s, int netFn, int cmd, byte[] data) {
        byte[] msg = LanMessage.request(netFn, 0, rqSeq++ & 0x3F, cmd, data).encode();
        responder.onDatagram(CONSOLE, session.encode(RmcpPlusCodec.PAYLOAD_IPMI, bmcSid, s, msg), now, sink);
    }

    RmcpPlusCodec.Packet lastPacket() {
        return session.decode(sent.get(sent.size() - 1));
    }

    byte[] lastBody() {
        RmcpPlusCodec.Packet p = lastPacket();
        assertThat(p.sessionId()).isEqualTo(CONSOLE_SID);
        return LanMessage.decode(p.payload()).body();
    }

    @Test
    void suite17LoginThenEncryptedAuthenticatedTraffic() {
        responder(Set.of());
        login(CipherSuite.SUITE_17, NAME, PASSWORD, null);
        ipmi(0x06, 0x01, new byte[0]);
        RmcpPlusCodec.Packet p = lastPacket();
        assertThat(p.authenticated()).isTrue();
        assertThat(p.encrypted()).isTrue();
        assertThat(LanMessage.decode(p.payload()).body()).containsExactly(0x00, 0x20);
        assertThat(contexts.get(0).privilege()).isEqualTo(PrivilegeLevel.USER);
        ipmi(0x06, 0x3B, new byte[] {0x04});
        assertThat(lastBody()).containsExactly(0x00, 0x04);
    }

    @Test
    void everySupportedSuiteAndKg() {
        for (CipherSuite s : List.of(CipherSuite.SUITE_0, CipherSuite.SUITE_1, CipherSuite.SUITE_2,
                CipherSuite.SUITE_3, CipherSuite.SUITE_6, CipherSuite.SUITE_7, CipherSuite.SUITE_8,
                CipherSuite.SUITE_11, CipherSuite.SUITE_12, CipherSuite.SUITE_15, CipherSuite.SUITE_16,
                CipherSuite.SUITE_17)) {
            byte[] kg = "secret".getBytes(StandardCharsets.US_ASCII);
            responder(Set.of(), 8, kg, s);
            sent.clear();
            login(s, NAME, PASSWORD, kg);
            ipmi(0x06, 0x01, new byte[0]);
            assertThat(lastBody()).as("suite %d", s.id()).containsExactly(0x00, 0x20);
        }
    }

    @Test
    void suiteNotOfferedIsRefused() {
        responder(Set.of(), 8, null, CipherSuite.SUITE_17);
        assertThat(open(CipherSuite.SUITE_3, 4).status().code()).isEqualTo(0x04);
        assertThat(open(CipherSuite.SUITE_16, 4).status().code()).as("no AES-less suite offered").isEqualTo(0x10);
        assertThat(responder.sessions()).isZero();
    }

    @Test
    void privilegeZeroIsAnsweredWithTheGrantedLevelUnlessTheQuirkIsOn() {
        responder(Set.of());
        assertThat(open(CipherSuite.SUITE_17, 0).privilege()).isEqualTo(4);
        responder(Set.of(BmcQuirk.OPEN_SESSION_PRIVILEGE_ZERO));
        assertThat(open(CipherSuite.SUITE_17, 0).privilege()).isZero();
    }

    @Test
    void otherAlgorithmsQuirk() {
        responder(Set.of(BmcQuirk.OPEN_SESSION_OTHER_ALGORITHMS));
        RakpMessage.OpenSessionResponse o = open(CipherSuite.SUITE_17, 4);
        assertThat(CipherSuite.of(o.authAlgorithm(), o.integrityAlgorithm(), o.confidentialityAlgorithm()))
                .isNotEqualTo(CipherSuite.SUITE_17);
    }

    @Test
    void rakp2TagZeroQuirk() {
        responder(Set.of(BmcQuirk.RAKP2_TAG_ZERO));
        int sid = open(CipherSuite.SUITE_17, 0).bmcSessionId();
        setup(new RakpMessage.Rakp1(9, sid, new byte[16], 0x04, NAME));
        assertThat(((RakpMessage.Rakp2) lastSetup()).tag()).isZero();
        responder(Set.of());
        sid = open(CipherSuite.SUITE_17, 0).bmcSessionId();
        setup(new RakpMessage.Rakp1(9, sid, new byte[16], 0x04, NAME));
        assertThat(((RakpMessage.Rakp2) lastSetup()).tag()).isEqualTo(9);
    }

    @Test
    void retransmittedRakp1GetsTheSameRakp2() {
        responder(Set.of());
        int sid = open(CipherSuite.SUITE_17, 0).bmcSessionId();
        byte[] rm = new byte[16];
        Arrays.fill(rm, (byte) 0x11);
        setup(new RakpMessage.Rakp1(3, sid, rm, 0x04, NAME));
        byte[] first = sent.get(sent.size() - 1);
        setup(new RakpMessage.Rakp1(3, sid, rm, 0x04, NAME));
        assertThat(sent.get(sent.size() - 1)).isEqualTo(first);
        setup(new RakpMessage.Rakp1(5, sid, rm, 0x04, NAME));
        RakpMessage.Rakp2 retried = (RakpMessage.Rakp2) lastSetup();
        RakpMessage.Rakp2 original = (RakpMessage.Rakp2) RakpMessage.decode(0x13,
                RmcpPlusCodec.unauthenticated().decode(first).payload());
        assertThat(retried.tag()).as("FreeIPMI bumps the tag on retries").isEqualTo(5);
        assertThat(retried.bmcRandom()).isEqualTo(original.bmcRandom());
        assertThat(retried.authCode()).isEqualTo(original.authCode());
        rm[0] = 0x12;
        setup(new RakpMessage.Rakp1(4, sid, rm, 0x04, NAME));
        assertThat(((RakpMessage.Rakp2) lastSetup()).bmcRandom()).as("a new RAKP1 gets a new random number")
                .isNotEqualTo(((RakpMessage.Rakp2) RakpMessage.decode(0x13,
                        RmcpPlusCodec.unauthenticated().decode(first).payload())).bmcRandom());
    }

    @Test
    void unknownUserAndPrivilegeAboveTheUserAreRefusedInRakp2() {
        responder(Set.of());
        int sid = open(CipherSuite.SUITE_17, 0).bmcSessionId();
        setup(new RakpMessage.Rakp1(1, sid, new byte[16], 0x04, "mallory".getBytes(StandardCharsets.US_ASCII)));
        assertThat(((RakpMessage.Rakp2) lastSetup()).status().code()).isEqualTo(0x0D);
        sid = open(CipherSuite.SUITE_17, 0).bmcSessionId();
        setup(new RakpMessage.Rakp1(1, sid, new byte[16], 0x04, "user".getBytes(StandardCharsets.US_ASCII)));
        assertThat(((RakpMessage.Rakp2) lastSetup()).status().code()).isEqualTo(0x0A);
        sid = open(CipherSuite.SUITE_17, 0).bmcSessionId();
        setup(new RakpMessage.Rakp1(1, sid, new byte[16], 0x14, "user".getBytes(StandardCharsets.US_ASCII)));
        assertThat(((RakpMessage.Rakp2) lastSetup()).status().isSuccess()).as("name-only lookup").isTrue();
        assertThat(responder.sessions()).as("refused RAKP1s end their session").isEqualTo(1);
        assertThat(slots.inUse()).as("a login in its handshake takes no slot").isZero();
    }

    @Test
    void wrongPasswordFailsRakp3WithStatus0F() {
        responder(Set.of());
        RakpMessage.OpenSessionResponse o = open(CipherSuite.SUITE_17, 0);
        setup(new RakpMessage.Rakp1(1, o.bmcSessionId(), new byte[16], 0x04, NAME));
        RakpMessage.Rakp2 r2 = (RakpMessage.Rakp2) lastSetup();
        RakpKeys wrong = new RakpKeys(CipherSuite.SUITE_17.authentication(), "nope".getBytes(), null);
        setup(new RakpMessage.Rakp3(1, dev.ipmi.lanplus.RmcpPlusStatus.NO_ERRORS, o.bmcSessionId(),
                wrong.rakp3AuthCode(r2.bmcRandom(), CONSOLE_SID, 0x04, NAME)));
        assertThat(((RakpMessage.Rakp4) lastSetup()).status().code()).isEqualTo(0x0F);
        assertThat(responder.sessions()).isZero();
        assertThat(slots.inUse()).isZero();
    }

    @Test
    void inboundWindowIsMinus16PlusFifteen() {
        responder(Set.of());
        login(CipherSuite.SUITE_3, NAME, PASSWORD, null);
        int n = sent.size();
        ipmiWithSeq(17, 0x06, 0x01, new byte[0]);
        assertThat(sent).as("+16 refused").hasSize(n);
        ipmiWithSeq(15, 0x06, 0x01, new byte[0]);
        assertThat(sent).as("+15 accepted").hasSize(n + 1);
        ipmiWithSeq(15, 0x06, 0x01, new byte[0]);
        assertThat(sent).as("duplicate refused").hasSize(n + 1);
        ipmiWithSeq(1, 0x06, 0x01, new byte[0]);
        assertThat(sent).as("-14 accepted once").hasSize(n + 2);
        ipmiWithSeq(0, 0x06, 0x01, new byte[0]);
        assertThat(sent).as("zero refused").hasSize(n + 2);
    }

    @Test
    void tamperedPacketIsDropped() {
        responder(Set.of());
        login(CipherSuite.SUITE_17, NAME, PASSWORD, null);
        byte[] msg = LanMessage.request(0x06, 0, 1, 0x01, new byte[0]).encode();
        byte[] d = session.encode(RmcpPlusCodec.PAYLOAD_IPMI, bmcSid, 1, msg);
        d[20] ^= 1;
        int n = sent.size();
        responder.onDatagram(CONSOLE, d, now, sink);
        assertThat(sent).hasSize(n);
        assertThat(responder.dropped()).isEqualTo(1);
    }

    @Test
    void idleTimeoutAndSessionLimitWithFakeClock() {
        responder(Set.of(), 1, null, CipherSuite.SUITE_17);
        login(CipherSuite.SUITE_17, NAME, PASSWORD, null);
        assertThat(open(CipherSuite.SUITE_17, 4).status().code()).isEqualTo(0x01);
        now += TIMEOUT + 1;
        responder.onTimer(now, sink);
        assertThat(responder.sessions()).isZero();
        assertThat(open(CipherSuite.SUITE_17, 4).status().isSuccess()).isTrue();
    }

    @Test
    void unfinishedLoginsTakeNoSlotAndAreForgottenAfterTheHalfOpenTimeout() {
        responder(Set.of(), 1, null, CipherSuite.SUITE_17);
        assertThat(open(CipherSuite.SUITE_17, 4).status().isSuccess()).isTrue();
        assertThat(open(CipherSuite.SUITE_17, 4).status().isSuccess()).as("a half-open login holds no slot").isTrue();
        assertThat(slots.inUse()).isZero();
        now += ResponderConfig.DEFAULT_HALF_OPEN_TIMEOUT_NANOS;
        responder.onTimer(now, sink);
        assertThat(responder.sessions()).isEqualTo(2);
        now += 1;
        responder.onTimer(now, sink);
        assertThat(responder.sessions()).isZero();
        assertThat(open(CipherSuite.SUITE_17, 4).status().isSuccess()).isTrue();
    }

    @Test
    void aCompletedLoginWinsOverHalfOpenOnesAndTheOldestHalfOpenGivesWay() {
        slots = new SessionSlots(1);
        ResponderConfig config = new ResponderConfig(1,
                List.of(new BmcUser(2, "admin", PASSWORD, PrivilegeLevel.ADMINISTRATOR)), Set.of(AuthType.MD5),
                true, false, 1, TIMEOUT, Set.of(), 2, ResponderConfig.DEFAULT_HALF_OPEN_TIMEOUT_NANOS);
        responder = new RmcpPlusResponder(config, List.of(CipherSuite.SUITE_17), null, GUID, Set.of(), () -> 623,
                handler, slots, Optional::empty, new Random(3));
        int first = open(CipherSuite.SUITE_17, 4).bmcSessionId();
        now += 1;
        open(CipherSuite.SUITE_17, 4);
        now += 1;
        login(CipherSuite.SUITE_17, NAME, PASSWORD, null);
        assertThat(responder.sessionIds()).as("the oldest half-open login gave way").doesNotContain(first)
                .hasSize(2);
        assertThat(slots.inUse()).isEqualTo(1);
        assertThat(open(CipherSuite.SUITE_17, 4).status().code()).as("every slot logged in").isEqualTo(0x01);
    }

    @Test
    void rakp3WhenEverySlotIsLoggedInAnswersInsufficientResources() {
        responder(Set.of(), 1, null, CipherSuite.SUITE_17);
        int waiting = open(CipherSuite.SUITE_17, 4).bmcSessionId();
        setup(new RakpMessage.Rakp1(1, waiting, new byte[16], 0x04, NAME));
        RakpMessage.Rakp2 r2 = (RakpMessage.Rakp2) lastSetup();
        login(CipherSuite.SUITE_17, NAME, PASSWORD, null);
        RakpKeys keys = new RakpKeys(CipherSuite.SUITE_17.authentication(), PASSWORD, null);
        setup(new RakpMessage.Rakp3(1, dev.ipmi.lanplus.RmcpPlusStatus.NO_ERRORS, waiting,
                keys.rakp3AuthCode(r2.bmcRandom(), CONSOLE_SID, 0x04, NAME)));
        assertThat(((RakpMessage.Rakp4) lastSetup()).status().code()).isEqualTo(0x01);
        assertThat(responder.sessions()).isEqualTo(1);
        assertThat(slots.inUse()).isEqualTo(1);
    }

    @Test
    void closeSession() {
        responder(Set.of());
        login(CipherSuite.SUITE_17, NAME, PASSWORD, null);
        ipmi(0x06, 0x3C, new byte[] {(byte) bmcSid, (byte) (bmcSid >>> 8), (byte) (bmcSid >>> 16),
                (byte) (bmcSid >>> 24)});
        assertThat(lastBody()).containsExactly(0x00);
        assertThat(responder.sessions()).isZero();
        assertThat(slots.inUse()).isZero();
    }

    void activateSol() {
        ipmi(0x06, 0x3B, new byte[] {0x04});
        ipmi(0x06, 0x48, new byte[] {0x01, 0x01, (byte) 0xC6, 0, 0, 0});
        byte[] body = lastBody();
        assertThat(body[0]).isZero();
        assertThat(body).hasSize(13);
    }

    void sol(int s, byte[] chars) {
        byte[] payload = new byte[4 + chars.length];
        payload[0] = (byte) s;
        System.arraycopy(chars, 0, payload, 4, chars.length);
        responder.onDatagram(CONSOLE, session.encode(RmcpPlusCodec.PAYLOAD_SOL, bmcSid, seq++, payload), now, sink);
    }

    List<byte[]> solPackets() {
        List<byte[]> out = new ArrayList<>();
        for (byte[] d : sent) {
            RmcpPlusCodec.Packet p = session.decode(d);
            if (p.payloadType() == RmcpPlusCodec.PAYLOAD_SOL) {
                out.add(p.payload());
            }
        }
        return out;
    }

    @Test
    void solBannerEchoAndAcks() {
        responder(Set.of());
        login(CipherSuite.SUITE_17, NAME, PASSWORD, null);
        activateSol();
        sent.clear();
        responder.onTimer(now, sink);
        List<byte[]> out = solPackets();
        assertThat(out).hasSize(1);
        assertThat(new String(out.get(0), 4, out.get(0).length - 4, StandardCharsets.US_ASCII)).isEqualTo("BANNER");
        int bmcSeq = out.get(0)[0];
        sent.clear();
        now += 100_000_000L;
        sol(1, "hi\r".getBytes(StandardCharsets.US_ASCII));
        out = solPackets();
        assertThat(out.get(0)).containsExactly(0x00, 0x01, 0x03, 0x00);
        sent.clear();
        now += SolPayloadServer.RETRY_NANOS;
        responder.onTimer(now, sink);
        assertThat(solPackets()).as("unacknowledged banner is resent with the same sequence number")
                .singleElement().satisfies(p -> assertThat(p[0]).isEqualTo((byte) bmcSeq));
        sent.clear();
        byte[] ack = {0, (byte) bmcSeq, 6, 0};
        responder.onDatagram(CONSOLE, session.encode(RmcpPlusCodec.PAYLOAD_SOL, bmcSid, seq++, ack), now, sink);
        responder.onTimer(now, sink);
        out = solPackets();
        assertThat(new String(out.get(0), 4, out.get(0).length - 4, StandardCharsets.US_ASCII))
                .isEqualTo("hi\r\nyou typed: hi\r\n");
    }

    private void solAck(int ackSeq, int accepted, int operation) {
        byte[] ack = {0, (byte) ackSeq, (byte) accepted, (byte) operation};
        responder.onDatagram(CONSOLE, session.encode(RmcpPlusCodec.PAYLOAD_SOL, bmcSid, seq++, ack), now, sink);
    }

    private static String solText(byte[] packet) {
        return new String(packet, 4, packet.length - 4, StandardCharsets.US_ASCII);
    }

    @Test
    void solOutputHonoursTheConsolesFlowControl() {
        responder(Set.of());
        login(CipherSuite.SUITE_17, NAME, PASSWORD, null);
        activateSol();
        sent.clear();
        responder.onTimer(now, sink);
        byte[] banner = solPackets().get(0);
        assertThat(solText(banner)).isEqualTo("BANNER");
        sent.clear();
        solAck(banner[0], 2, 0);
        byte[] rest = solPackets().get(0);
        assertThat(solText(rest)).as("the 4 characters not accepted, at once, under a new number").isEqualTo("NNER");
        assertThat(rest[0]).isEqualTo((byte) (banner[0] % 15 + 1));
        sent.clear();
        solAck(rest[0], 0, 0x40);
        now += SolPayloadServer.RETRY_NANOS;
        responder.onTimer(now, sink);
        assertThat(solPackets()).as("nothing after a NACK until the console resumes").isEmpty();
        int resume = rest[0] % 15 + 1;
        solAck(resume, 0, 0);
        byte[] again = solPackets().get(0);
        assertThat(solText(again)).isEqualTo("NNER");
        assertThat(again[0]).as("after the resume number, as ipmi_sim does").isEqualTo((byte) (resume % 15 + 1));
        sent.clear();
        solAck(again[0], 4, 0x40);
        now += SolPayloadServer.PAUSE_NANOS;
        responder.onTimer(now, sink);
        assertThat(solText(solPackets().get(0))).as("a console that never resumes: the pause ends").isEqualTo("NNER");
    }

    @Test
    void dropFirstSolPacketQuirk() {
        responder(Set.of(BmcQuirk.DROP_FIRST_SOL_PACKET));
        login(CipherSuite.SUITE_17, NAME, PASSWORD, null);
        activateSol();
        console.drainOutput(1000);
        sent.clear();
        sol(1, "a".getBytes());
        assertThat(solPackets()).as("no ack for the dropped packet").isEmpty();
        sol(1, "a".getBytes());
        List<byte[]> out = solPackets();
        assertThat(out.get(0)).containsExactly(0x00, 0x01, 0x01, 0x00);
        assertThat(new String(out.get(1), 4, out.get(1).length - 4, StandardCharsets.US_ASCII)).as("echo")
                .isEqualTo("a");
    }

    @Property(tries = 300)
    void arbitraryBytesNeverThrow(@ForAll byte[] datagram) {
        RmcpPlusResponder r = responder(Set.of());
        r.onDatagram(CONSOLE, datagram, 0, (to, d) -> { });
        byte[] framed = new byte[16 + datagram.length];
        System.arraycopy(new byte[] {0x06, 0x00, (byte) 0xFF, 0x07, 0x06}, 0, framed, 0, 5);
        System.arraycopy(datagram, 0, framed, 16, datagram.length);
        for (int type : new int[] {0x00, 0x10, 0x12, 0x14, 0x01}) {
            framed[5] = (byte) type;
            framed[14] = (byte) datagram.length;
            r.onDatagram(CONSOLE, framed, 0, (to, d) -> { });
        }
    }
}
