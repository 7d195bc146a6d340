package dev.ipmi.bmc.internal;

import dev.ipmi.bmc.BmcUser;
import dev.ipmi.bmc.Sink;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.core.types.AuthType;
import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;
import dev.ipmi.core.wire.LanMessage;
import dev.ipmi.lan.engine.Rmcp;
import dev.ipmi.lan.internal.AuthCodes;
import dev.ipmi.lan.internal.Ipmi15Packet;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class Ipmi15ResponderTest {
    static final SocketAddress CONSOLE = new InetSocketAddress("127.0.0.1", 40000);
    static final long TIMEOUT = 60_000_000_000L;
    static final byte[] PW16 = AuthCodes.pad("password".getBytes(StandardCharsets.US_ASCII));

    final List<byte[]> sent = new ArrayList<>();
    final Sink sink = (to, d) -> sent.add(d);
    final List<CommandContext> contexts = new ArrayList<>();
    final CommandHandler handler = (ctx, netFn, cmd, data) -> {
        contexts.add(ctx);
        return new byte[] {0, 0x20};
    };
    long now = 1_000_000_000L;
    SessionSlots slots;
    Ipmi15Responder responder;
    int rqSeq;
    int inbound;
    int sessionId;
    byte[] lastRequest;

    @BeforeEach
    void setUp() {
        responder = responder(8);
    }

    Ipmi15Responder responder(int limit) {
        slots = new SessionSlots(limit);
        ResponderConfig config = new ResponderConfig(1,
                List.of(new BmcUser(2, "admin", "password".getBytes(StandardCharsets.US_ASCII),
                        PrivilegeLevel.ADMINISTRATOR)),
                Set.of(AuthType.MD5, AuthType.PASSWORD), true, false, limit, TIMEOUT);
        return new Ipmi15Responder(config, handler, slots, new Random(7));
    }

    byte[] last() {
        assertThat(sent).isNotEmpty();
        return sent.get(sent.size() - 1);
    }

    LanMessage request(int netFn, int cmd, byte[] data) {
        return LanMessage.request(netFn, 0, rqSeq++ & 0x3F, cmd, data);
    }

    void send(AuthType type, int seq, int sid, LanMessage m) {
        byte[] msg = m.encode();
        byte[] code = AuthCodes.compute(type, PW16, sid, msg, seq);
        lastRequest = new Ipmi15Packet(type, seq, sid, code, msg).encode();
        responder.onDatagram(CONSOLE, lastRequest, now, sink);
    }

    Ipmi15Packet lastPacket() {
        return Ipmi15Packet.decode(last());
    }

    byte[] lastBody() {
        return LanMessage.decode(lastPacket().message()).body();
    }

    /** Challenge + Activate with MD5; returns the Activate response body. */
    byte[] login(PrivilegeLevel level, int outbound) {
        byte[] name = Arrays.copyOf("admin".getBytes(StandardCharsets.US_ASCII), 16);
        send(AuthType.NONE, 0, 0, request(0x06, 0x39, concat(new byte[] {0x02}, name)));
        ByteReader r = ByteReader.of(lastBody());
        assertThat(r.u8("cc")).isZero();
        int temp = r.i32("temp id");
        byte[] challenge = r.bytes(16, "challenge");
        ByteWriter w = new ByteWriter(22);
        w.u8(0x02).u8(level.code()).bytes(challenge).i32(outbound);
        send(AuthType.MD5, 0, temp, request(0x06, 0x3A, w.toByteArray()));
        Ipmi15Packet p = lastPacket();
        assertThat(AuthCodes.verify(p, PW16)).isTrue();
        byte[] body = LanMessage.decode(p.message()).body();
        if (body[0] == 0) {
            ByteReader a = ByteReader.of(body, 1, body.length - 1);
            a.u8("auth");
            sessionId = a.i32("sid");
            inbound = a.i32("inbound");
            assertThat(p.sequence()).isEqualTo(outbound);
        }
        return body;
    }

    void inSession(int netFn, int cmd, byte[] data) {
        send(AuthType.MD5, inbound++, sessionId, request(netFn, cmd, data));
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] o = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, o, a.length, b.length);
        return o;
    }

    @Test
    void answersAsfPing() {
        responder.onDatagram(CONSOLE, Rmcp.presencePing(0x33), now, sink);
        Rmcp.Pong pong = Rmcp.Pong.decode(last());
        assertThat(pong.tag()).isEqualTo(0x33);
        assertThat(pong.ipmiSupported()).isTrue();
    }

    @Test
    void authCapabilitiesReportTheConfiguredTypes() {
        send(AuthType.NONE, 0, 0, request(0x06, 0x38, new byte[] {(byte) 0x8E, 0x04}));
        byte[] body = lastBody();
        assertThat(body[0]).isZero();
        assertThat(body[1]).isEqualTo((byte) 0x01);
        assertThat(body[2] & 0xFF).isEqualTo(0x80 | 0x04 | 0x10);
        assertThat(body[4] & 0x03).isEqualTo(0x03);
    }

    @Test
    void md5LoginSignsEveryReplyAndStartsAtUser() {
        byte[] activate = login(PrivilegeLevel.ADMINISTRATOR, 0x100);
        assertThat(activate[0]).isZero();
        assertThat(activate[10]).isEqualTo((byte) 0x04);
        inSession(0x06, 0x01, new byte[0]);
        Ipmi15Packet reply = lastPacket();
        assertThat(AuthCodes.verify(reply, PW16)).isTrue();
        assertThat(reply.sequence()).isEqualTo(0x101);
        assertThat(contexts.get(0).privilege()).isEqualTo(PrivilegeLevel.USER);
        inSession(0x06, 0x3B, new byte[] {0x04});
        assertThat(lastBody()).containsExactly(0x00, 0x04);
        inSession(0x06, 0x01, new byte[0]);
        assertThat(contexts.get(1).privilege()).isEqualTo(PrivilegeLevel.ADMINISTRATOR);
    }

    @Test
    void privilegeAboveTheUserLimitIsRefused() {
        ResponderConfig config = new ResponderConfig(1,
                List.of(new BmcUser(3, "admin", "password".getBytes(StandardCharsets.US_ASCII),
                        PrivilegeLevel.OPERATOR)), Set.of(AuthType.MD5), true, false, 4, TIMEOUT);
        responder = new Ipmi15Responder(config, handler, new SessionSlots(4), new Random(1));
        assertThat(login(PrivilegeLevel.ADMINISTRATOR, 5)[0]).isEqualTo((byte) 0x86);
        assertThat(login(PrivilegeLevel.OPERATOR, 5)[0]).isZero();
        inSession(0x06, 0x3B, new byte[] {0x04});
        assertThat(lastBody()).containsExactly(0x81);
    }

    @Test
    void wrongAuthCodeIsDroppedSilently() {
        login(PrivilegeLevel.ADMINISTRATOR, 9);
        int before = sent.size();
        byte[] msg = request(0x06, 0x01, new byte[0]).encode();
        responder.onDatagram(CONSOLE, new Ipmi15Packet(AuthType.MD5, inbound, sessionId, new byte[16], msg).encode(),
                now, sink);
        assertThat(sent).hasSize(before);
        assertThat(responder.dropped()).isEqualTo(1);
    }

    @Test
    void sequenceWindowRejectsRepeatsAndJumps() {
        login(PrivilegeLevel.ADMINISTRATOR, 9);
        int first = inbound;
        inSession(0x06, 0x01, new byte[0]);
        int n = sent.size();
        send(AuthType.MD5, first, sessionId, request(0x06, 0x01, new byte[0]));
        assertThat(sent).hasSize(n);
        send(AuthType.MD5, first + 9, sessionId, request(0x06, 0x01, new byte[0]));
        assertThat(sent).hasSize(n);
        send(AuthType.MD5, first + 8, sessionId, request(0x06, 0x01, new byte[0]));
        assertThat(sent).hasSize(n + 1);
        send(AuthType.MD5, first + 3, sessionId, request(0x06, 0x01, new byte[0]));
        assertThat(sent).hasSize(n + 2);
    }

    @Test
    void retriedActivateIsAnsweredAgainUntilTheFirstSessionPacket() {
        login(PrivilegeLevel.ADMINISTRATOR, 9);
        byte[] activateRequest = lastRequest;
        byte[] firstReply = last();
        // The reply was "lost": the console resends the very same Activate Session request.
        responder.onDatagram(CONSOLE, activateRequest, now, sink);
        assertThat(sent).hasSize(3);
        assertThat(last()).isEqualTo(firstReply);
        inSession(0x06, 0x01, new byte[0]);
        responder.onDatagram(CONSOLE, activateRequest, now, sink);
        assertThat(sent).hasSize(4);
    }

    @Test
    void idleSessionsExpireWithTheFakeClock() {
        login(PrivilegeLevel.ADMINISTRATOR, 9);
        assertThat(responder.activeSessions()).isEqualTo(1);
        now += TIMEOUT;
        responder.onTimer(now);
        assertThat(responder.activeSessions()).isEqualTo(1);
        now += 1;
        responder.onTimer(now);
        assertThat(responder.activeSessions()).isZero();
        assertThat(slots.inUse()).isZero();
        int n = sent.size();
        inSession(0x06, 0x01, new byte[0]);
        assertThat(sent).hasSize(n);
    }

    @Test
    void sessionLimitAnswers81() {
        responder = responder(1);
        assertThat(login(PrivilegeLevel.ADMINISTRATOR, 9)[0]).isZero();
        assertThat(login(PrivilegeLevel.ADMINISTRATOR, 9)[0]).isEqualTo((byte) 0x81);
    }

    @Test
    void closeSessionFreesTheSlot() {
        login(PrivilegeLevel.ADMINISTRATOR, 9);
        ByteWriter w = new ByteWriter(4);
        inSession(0x06, 0x3C, w.i32(sessionId).toByteArray());
        assertThat(lastBody()).containsExactly(0x00);
        assertThat(responder.activeSessions()).isZero();
        assertThat(slots.inUse()).isZero();
    }

    @Test
    void unknownUserGets81() {
        byte[] name = Arrays.copyOf("mallory".getBytes(StandardCharsets.US_ASCII), 16);
        send(AuthType.NONE, 0, 0, request(0x06, 0x39, concat(new byte[] {0x02}, name)));
        assertThat(lastBody()).containsExactly(0x81);
    }

    @Property(tries = 300)
    void arbitraryBytesNeverThrow(@ForAll byte[] datagram) {
        Ipmi15Responder r = responder(2);
        r.onDatagram(CONSOLE, datagram, 0, (to, d) -> { });
        byte[] framed = concat(new byte[] {0x06, 0x00, (byte) 0xFF, 0x07, 0x00, 0, 0, 0, 0, 0, 0, 0, 0}, datagram);
        r.onDatagram(CONSOLE, framed, 0, (to, d) -> { });
    }
}
