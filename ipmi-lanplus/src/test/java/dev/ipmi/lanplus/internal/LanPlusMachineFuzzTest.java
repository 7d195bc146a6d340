package dev.ipmi.lanplus.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiException;
import dev.ipmi.core.event.DropReason;
import dev.ipmi.core.event.IpmiEventListener;
import dev.ipmi.core.client.RequestTarget;
import dev.ipmi.core.client.RetryPolicy;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.core.wire.ByteWriter;
import dev.ipmi.core.wire.LanMessage;
import dev.ipmi.lan.engine.IpmiCall;
import dev.ipmi.lan.testing.MachineHarness;
import dev.ipmi.core.types.CipherSuite;
import dev.ipmi.core.options.CipherSuiteCache;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Hostile network input against the RMCP+ session machine: after and during a login with the fake
 * BMC, arbitrary datagrams, damaged and replayed copies of real replies, and packets that carry a
 * valid AuthCode but lie in their trailer, lengths or encryption padding. Nothing may escape the
 * machine, every bad packet is reported as a drop, pending futures only ever fail with an
 * {@link IpmiException}, and the session keeps working afterwards.
 */
class LanPlusMachineFuzzTest {
    private static final InetSocketAddress BMC = new InetSocketAddress("127.0.0.1", 623);
    private static final RetryPolicy POLICY = new RetryPolicy(Duration.ofSeconds(1), 1.5, Duration.ofSeconds(4), 3, 0);
    private static final CommandId GET_DEVICE_ID = CommandId.of(NetFn.APP, 0x01, "Get Device ID");

    /** How a fault datagram is made. The AUTHENTIC_* kinds carry a valid AuthCode and need not be dropped. */
    enum Kind {
        RANDOM, RMCP_PLUS_RANDOM, PRE_SESSION_RANDOM, SETUP_RANDOM, TRUNCATED, BIT_FLIP, REPLAY, WRONG_SESSION_ID,
        OVERSIZED_LENGTH, BAD_PAD_LENGTH, BAD_NEXT_HEADER, BAD_PAD_BYTE, BAD_AES_PADDING, BAD_AES_LENGTH,
        AUTHENTIC_GARBAGE_PAYLOAD, AUTHENTIC_SHORT_RESPONSE, AUTHENTIC_OTHER_PAYLOAD_TYPE
    }

    record Fault(Kind kind, byte[] bytes, int a, int b) {
        @Override
        public String toString() {
            return kind + "(" + a + ", " + b + ", " + Arrays.toString(bytes) + ")";
        }
    }

    private final List<DropReason> drops = new ArrayList<>();
    private final List<String> details = new ArrayList<>();
    private final IpmiEventListener listener = new IpmiEventListener() {
        @Override
        public void packetDropped(SocketAddress a, DropReason reason, String detail) {
            drops.add(reason);
            details.add(detail);
        }
    };

    @Provide
    Arbitrary<Fault> faults() {
        return Combinators.combine(Arbitraries.of(Kind.class),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(120),
                Arbitraries.integers().between(0, 0xFFFF), Arbitraries.integers()).as(Fault::new);
    }

    @Provide
    Arbitrary<CipherSuite> suites() {
        return Arbitraries.of(CipherSuite.SUITE_1, CipherSuite.SUITE_2, CipherSuite.SUITE_3, CipherSuite.SUITE_17);
    }

    @Provide
    Arbitrary<Kind> dropKinds() {
        return Arbitraries.of(Kind.RANDOM, Kind.PRE_SESSION_RANDOM, Kind.TRUNCATED, Kind.REPLAY, Kind.RMCP_PLUS_RANDOM);
    }

    @Property(tries = 100)
    void anEstablishedSessionSurvivesHostileDatagrams(@ForAll("suites") CipherSuite suite,
                                                       @ForAll @Size(max = 12) List<@net.jqwik.api.From("faults") Fault> faults)
            throws Exception {
        FakeBmc bmc = new FakeBmc();
        LanPlusMachine m = machine(suite);
        MachineHarness h = new MachineHarness(m).start();
        List<byte[]> replies = new ArrayList<>();
        pump(h, bmc, replies);
        assertThat(m.opened()).isCompleted();

        CompletableFuture<byte[]> warmUp = new CompletableFuture<>();
        h.submit(call(warmUp));
        pump(h, bmc, replies);
        assertThat(warmUp).isCompleted();
        byte[] consumed = replies.get(replies.size() - 1);

        // one request stays outstanding while the faults arrive; its genuine reply comes last
        CompletableFuture<byte[]> pending = new CompletableFuture<>();
        h.submit(call(pending));
        byte[] held = bmc.handle(h.takeSent());
        int rqSeq = bmc.requests.get(bmc.requests.size() - 1).seq();

        for (Fault f : faults) {
            int before = drops.size();
            byte[] d = make(f, bmc, m, consumed, rqSeq);
            h.deliver(d);
            assertThat(h.ended()).as("session ended by %s", f).isFalse();
            if (!f.kind().name().startsWith("AUTHENTIC")) {
                assertThat(drops).as("drop for %s", f).hasSize(before + 1);
            }
            if (f.kind() == Kind.AUTHENTIC_GARBAGE_PAYLOAD && bmc.codec.encrypts() && f.bytes().length >= 4) {
                // decrypted bytes stay out of drop reports (and so out of the DEBUG log)
                String plain = java.util.HexFormat.ofDelimiter(" ").formatHex(f.bytes(), 0, 4);
                assertThat(details.subList(before, details.size())).noneMatch(detail -> detail.contains(plain));
            }
            assertFailsOnlyTyped(pending);
        }
        if (!pending.isDone()) {
            h.deliver(held);
        }
        for (int retry = 0; retry < 4 && !pending.isDone() && !bmc.codec.authenticates(); retry++) {
            // without integrity a damaged copy can take the held reply's sequence number, and the
            // replay window then drops the genuine reply: the request completes on its retransmission
            bmc.outSeq = Math.max(bmc.outSeq, highestAccepted(m));
            h.fireTimer();
            pump(h, bmc, replies);
        }
        assertThat(pending).isDone();
        assertFailsOnlyTyped(pending);

        if (!bmc.codec.authenticates()) {
            // without integrity a damaged copy can move the replay window: the BMC continues from there
            bmc.outSeq = Math.max(bmc.outSeq, highestAccepted(m));
        }
        CompletableFuture<byte[]> after = new CompletableFuture<>();
        h.submit(call(after));
        pump(h, bmc, replies);
        assertThat(after).isCompleted();
        assertThat(after.join()).startsWith(0x00, 0x20);
        assertThat(m.diagnostics().state()).isEqualTo(LanPlusDiagnostics.State.ACTIVE);
    }

    @Property(tries = 100)
    void loginSurvivesUnauthenticatedJunkBeforeEveryStep(@ForAll("suites") CipherSuite suite,
                                                          @ForAll("dropKinds") Kind kind,
                                                          @ForAll @Size(max = 60) byte[] junk,
                                                          @ForAll int cut) throws Exception {
        FakeBmc bmc = new FakeBmc();
        LanPlusMachine m = machine(suite);
        MachineHarness h = new MachineHarness(m).start();
        CompletableFuture<byte[]> queued = new CompletableFuture<>();
        h.submit(call(queued));
        byte[] previous = null;
        for (int guard = 0; guard < 200 && h.sentCount() > 0; guard++) {
            for (byte[] out : h.takeAllSent()) {
                byte[] reply = bmc.handle(out);
                if (reply == null) {
                    continue;
                }
                int before = drops.size();
                byte[] bad = switch (kind) {
                    case RANDOM -> junk;
                    case PRE_SESSION_RANDOM -> concat(new byte[] {0x06, 0x00, (byte) 0xFF, 0x07, 0x00}, junk);
                    case RMCP_PLUS_RANDOM -> concat(new byte[] {0x06, 0x00, (byte) 0xFF, 0x07, 0x06,
                        (byte) (0x10 + Math.floorMod(cut, 6))}, junk);
                    case TRUNCATED -> Arrays.copyOf(reply, Math.floorMod(cut, reply.length));
                    default -> previous == null ? junk : previous;
                };
                h.deliver(bad);
                // a well-formed setup message of another step may be decoded and refused as stale: still a drop
                assertThat(drops).as("%s %s", kind, Arrays.toString(bad)).hasSizeGreaterThan(before);
                h.deliver(reply);
                previous = reply;
            }
        }
        assertThat(m.opened()).as("login with %s junk", kind).isCompleted();
        assertThat(queued).isCompleted();
        assertThat(queued.join()).startsWith(0x00, 0x20);
    }

    @Property(tries = 100)
    void loginFacingForgedRepliesFailsOnlyWithTypedExceptions(@ForAll("suites") CipherSuite suite,
                                                              @ForAll("faults") Fault fault,
                                                              @ForAll int step) throws Exception {
        FakeBmc bmc = new FakeBmc();
        LanPlusMachine m = machine(suite);
        MachineHarness h = new MachineHarness(m).start();
        CompletableFuture<byte[]> queued = new CompletableFuture<>();
        h.submit(call(queued));
        int replyNo = 0;
        int target = Math.floorMod(step, 8);
        for (int guard = 0; guard < 200 && h.sentCount() > 0; guard++) {
            for (byte[] out : h.takeAllSent()) {
                byte[] reply = bmc.handle(out);
                if (reply == null) {
                    continue;
                }
                if (replyNo++ == target) {
                    byte[] forged = reply.clone();
                    if (fault.kind().ordinal() % 2 == 0 && forged.length > 0) {
                        int bit = Math.floorMod(fault.b(), forged.length * 8);
                        forged[bit / 8] ^= (byte) (1 << (bit % 8));
                    } else {
                        forged = Arrays.copyOf(forged, Math.floorMod(fault.b(), forged.length + 1));
                    }
                    h.deliver(forged);
                }
                if (!h.ended()) {
                    h.deliver(reply);
                }
            }
        }
        h.advanceMillis(60_000);
        pump(h, bmc, new ArrayList<>());
        h.advanceMillis(60_000);
        assertThat(m.opened()).isDone();
        assertThat(queued).isDone();
        assertFailsOnlyTyped(m.opened());
        assertFailsOnlyTyped(queued);
        if (m.opened().isCompletedExceptionally()) {
            assertThat(h.ended()).isTrue();
        }
    }

    @Property(tries = 20)
    void anAuthenticShortSetPrivilegeReplyFailsTheLoginTyped(@ForAll("suites") CipherSuite suite,
                                                             @ForAll @Size(max = 1) byte[] ccAndData) throws Exception {
        FakeBmc bmc = new FakeBmc();
        LanPlusMachine m = machine(suite);
        MachineHarness h = new MachineHarness(m).start();
        for (int guard = 0; guard < 50 && !m.opened().isDone(); guard++) {
            if (h.sentCount() == 0) {
                h.advanceMillis(5_000);
            }
            for (byte[] out : h.takeAllSent()) {
                byte[] reply = bmc.handle(out);
                if (reply != null && m.diagnostics().state() == LanPlusDiagnostics.State.SET_PRIVILEGE) {
                    LanMessage req = bmc.requests.get(bmc.requests.size() - 1);
                    reply = sealed(bmc.codec, 0x00, bmc.consoleSid, ++bmc.outSeq,
                            body(bmc.codec, req.response(ccAndData).encode()), -1, null, -1, RmcpPlusCodec.NEXT_HEADER);
                }
                if (reply != null && !h.ended()) {
                    h.deliver(reply);
                }
            }
        }
        assertThat(m.opened()).isDone();
        assertFailsOnlyTyped(m.opened());
        if (ccAndData.length == 0) {
            assertThat(m.opened()).isCompletedExceptionally();
        }
    }

    private LanPlusMachine machine(CipherSuite suite) {
        return new LanPlusMachine(new LanPlusConfig(BMC, "admin".getBytes(StandardCharsets.US_ASCII),
                "password".getBytes(StandardCharsets.US_ASCII), null, PrivilegeLevel.ADMINISTRATOR, suite, true, POLICY,
                listener, new CipherSuiteCache(), Duration.ofSeconds(30), true, Set.of()), new Random(7));
    }

    private static void pump(MachineHarness h, FakeBmc bmc, List<byte[]> replies) {
        for (int guard = 0; guard < 200 && h.sentCount() > 0; guard++) {
            for (byte[] out : h.takeAllSent()) {
                byte[] reply = bmc.handle(out);
                if (reply != null) {
                    replies.add(reply);
                    h.deliver(reply);
                }
            }
        }
    }

    private static IpmiCall call(CompletableFuture<byte[]> f) {
        return new IpmiCall(RequestTarget.BMC, GET_DEVICE_ID, new byte[0], f);
    }

    private static void assertFailsOnlyTyped(CompletableFuture<?> f) {
        if (f.isCompletedExceptionally()) {
            Throwable e = f.handle((v, t) -> t).join();
            assertThat(e).isInstanceOf(IpmiException.class);
        }
    }

    private byte[] make(Fault f, FakeBmc bmc, LanPlusMachine m, byte[] consumed, int rqSeq) throws Exception {
        RmcpPlusCodec codec = bmc.codec;
        int sid = bmc.consoleSid;
        byte[] junk = f.bytes();
        return switch (f.kind()) {
            case RANDOM -> junk;
            case RMCP_PLUS_RANDOM -> concat(new byte[] {0x06, 0x00, (byte) 0xFF, 0x07, 0x06}, junk);
            case PRE_SESSION_RANDOM -> concat(new byte[] {0x06, 0x00, (byte) 0xFF, 0x07, 0x00}, junk);
            case SETUP_RANDOM -> concat(new byte[] {0x06, 0x00, (byte) 0xFF, 0x07, 0x06,
                (byte) (0x10 + f.a() % 6), 0, 0, 0, 0, 0, 0, 0, 0, (byte) junk.length, 0}, junk);
            case TRUNCATED -> Arrays.copyOf(consumed, f.a() % consumed.length);
            case BIT_FLIP -> {
                byte[] d = consumed.clone();
                int bit = f.a() % (d.length * 8);
                d[bit / 8] ^= (byte) (1 << (bit % 8));
                yield d;
            }
            case REPLAY -> consumed.clone();
            case WRONG_SESSION_ID -> sealed(codec, 0x00, sid ^ (f.b() | 1), unusedSeq(bmc), body(codec, reply(rqSeq)),
                    -1, null, -1, RmcpPlusCodec.NEXT_HEADER);
            case OVERSIZED_LENGTH -> {
                byte[] body = body(codec, reply(rqSeq + 1));
                int len = body.length + 1 + f.a() % (0x10000 - body.length - 1);
                yield sealed(codec, 0x00, sid, unusedSeq(bmc), body, len, null, -1, RmcpPlusCodec.NEXT_HEADER);
            }
            case BAD_PAD_LENGTH -> sealed(codec, 0x00, sid, unusedSeq(bmc), body(codec, reply(rqSeq + 1)), -1, null,
                    4 + f.a() % 0xFC, RmcpPlusCodec.NEXT_HEADER);
            case BAD_NEXT_HEADER -> sealed(codec, 0x00, sid, unusedSeq(bmc), body(codec, reply(rqSeq + 1)), -1, null, -1,
                    (RmcpPlusCodec.NEXT_HEADER + 1 + f.a() % 0xFF) & 0xFF);
            case BAD_PAD_BYTE -> {
                byte[] body = body(codec, reply(rqSeq + 1));
                int pad = (4 - ((12 + body.length + 2) % 4)) % 4;
                byte[] padBytes = new byte[pad == 0 ? 4 : pad];
                Arrays.fill(padBytes, (byte) 0xFF);
                padBytes[f.a() % padBytes.length] = (byte) (f.b() & 0x7F);
                if (padBytes.length == 4) {
                    // no room for a pad here: make the pad length lie instead (trailer inconsistent)
                    yield sealed(codec, 0x00, sid, unusedSeq(bmc), body, -1, new byte[] {(byte) 0xFF}, 1,
                            RmcpPlusCodec.NEXT_HEADER);
                }
                yield sealed(codec, 0x00, sid, unusedSeq(bmc), body, -1, padBytes, pad, RmcpPlusCodec.NEXT_HEADER);
            }
            case BAD_AES_PADDING -> {
                if (!codec.encrypts()) {
                    yield junk;
                }
                byte[] plain = new byte[16 * (1 + f.a() % 3)];
                System.arraycopy(junk, 0, plain, 0, Math.min(junk.length, plain.length));
                int pad = f.b() & 0xFF;
                if (pad == 0) {
                    pad = 0x10 + (f.a() & 0x0F); // out of range
                }
                plain[plain.length - 1] = (byte) pad;
                plain[plain.length - 2] = (byte) 0xEE; // never a valid "01 02 .. N" pad byte
                byte[] iv = Crypto.random(16);
                byte[] cipher = Crypto.aesCbc(true, aesKey(codec), iv, plain, 0, plain.length);
                yield sealed(codec, 0x80, sid, unusedSeq(bmc), concat(iv, cipher), -1, null, -1,
                        RmcpPlusCodec.NEXT_HEADER);
            }
            case BAD_AES_LENGTH -> {
                if (!codec.encrypts()) {
                    yield junk;
                }
                int n = f.a() % 64;
                if (n >= 32 && n % 16 == 0) {
                    n++;
                }
                yield sealed(codec, 0x80, sid, unusedSeq(bmc), Arrays.copyOf(junk, n), -1, null, -1,
                        RmcpPlusCodec.NEXT_HEADER);
            }
            case AUTHENTIC_GARBAGE_PAYLOAD -> sealed(codec, 0x00, sid, ++bmc.outSeq, body(codec, junk), -1, null, -1,
                    RmcpPlusCodec.NEXT_HEADER);
            case AUTHENTIC_SHORT_RESPONSE -> {
                byte[] ccAndData = Arrays.copyOf(junk, Math.min(junk.length, f.a() % 3));
                LanMessage req = LanMessage.request(0x06, 0, (f.b() & 1) == 0 ? rqSeq : f.b() & 0x3F, 0x01,
                        new byte[0]);
                yield sealed(codec, 0x00, sid, ++bmc.outSeq, body(codec, req.response(ccAndData).encode()), -1, null,
                        -1, RmcpPlusCodec.NEXT_HEADER);
            }
            case AUTHENTIC_OTHER_PAYLOAD_TYPE -> sealed(codec, 1 + f.a() % 0x0F, sid, ++bmc.outSeq,
                    body(codec, junk), -1, null, -1, RmcpPlusCodec.NEXT_HEADER);
        };
    }

    /**
     * A sequence number for a packet the machine must drop before its replay window: the next one
     * the BMC will use anyway. Without integrity nothing is dropped that early, so it is consumed.
     */
    private static int unusedSeq(FakeBmc bmc) {
        return bmc.codec.authenticates() ? bmc.outSeq + 1 : ++bmc.outSeq;
    }

    private static byte[] reply(int rqSeq) {
        LanMessage req = LanMessage.request(0x06, 0, rqSeq & 0x3F, 0x01, new byte[0]);
        return req.response(new byte[] {0x00, 0x20, 0x01, 0x02, 0x15, 0x02, (byte) 0x9f, (byte) 0x91, 0x12, 0x00,
            0x02, 0x0f}).encode();
    }

    /** The payload as the session would carry it (encrypted when the suite encrypts). */
    private static byte[] body(RmcpPlusCodec codec, byte[] payload) {
        return codec.encrypts() ? codec.encrypt(payload) : payload;
    }

    /**
     * A datagram with a valid AuthCode over whatever it holds: {@code declaredLength} -1 = the body's,
     * {@code pad} null = the right FFh pad, {@code padLength} -1 = the pad's length.
     */
    private static byte[] sealed(RmcpPlusCodec codec, int typeBits, int sid, int seq, byte[] body, int declaredLength,
                                 byte[] pad, int padLength, int nextHeader) throws Exception {
        boolean auth = codec.authenticates();
        boolean crypt = (typeBits & 0x80) != 0 || (codec.encrypts() && (typeBits & 0x3F) <= 1);
        ByteWriter w = new ByteWriter();
        w.u8(0x06).u8(0x00).u8(0xFF).u8(0x07).u8(0x06).u8((crypt ? 0x80 : 0) | (auth ? 0x40 : 0) | (typeBits & 0x3F));
        w.i32(sid).i32(seq).u16(declaredLength < 0 ? body.length : declaredLength).bytes(body);
        if (!auth) {
            return w.toByteArray();
        }
        if (pad == null) {
            pad = new byte[(4 - ((12 + body.length + 2) % 4)) % 4];
            Arrays.fill(pad, (byte) 0xFF);
        }
        w.bytes(pad).u8(padLength < 0 ? pad.length : padLength).u8(nextHeader);
        byte[] partial = w.toByteArray();
        Method authCode = RmcpPlusCodec.class.getDeclaredMethod("authCode", byte[].class, int.class, int.class);
        authCode.setAccessible(true);
        w.bytes((byte[]) authCode.invoke(codec, partial, 4, partial.length - 4));
        return w.toByteArray();
    }

    private static int highestAccepted(LanPlusMachine m) throws Exception {
        Field phase = LanPlusMachine.class.getDeclaredField("phase");
        phase.setAccessible(true);
        EstablishedSession session = ((SessionPhase.Active) phase.get(m)).session();
        Field w = EstablishedSession.class.getDeclaredField("window");
        w.setAccessible(true);
        Field inner = ReplayWindow.class.getDeclaredField("window");
        inner.setAccessible(true);
        return ((dev.ipmi.lan.engine.SequenceWindow) inner.get(w.get(session))).highest();
    }

    private static byte[] aesKey(RmcpPlusCodec codec) throws Exception {
        Field f = RmcpPlusCodec.class.getDeclaredField("aesKey");
        f.setAccessible(true);
        return (byte[]) f.get(codec);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
