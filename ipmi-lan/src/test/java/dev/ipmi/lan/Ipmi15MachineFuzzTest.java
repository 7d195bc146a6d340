package dev.ipmi.lan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.core.IpmiException;
import dev.ipmi.core.RawRequest;
import dev.ipmi.core.event.DropReason;
import dev.ipmi.core.event.IpmiEventListener;
import dev.ipmi.core.client.RequestTarget;
import dev.ipmi.core.client.RetryPolicy;
import dev.ipmi.core.types.AuthType;
import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.core.wire.LanMessage;
import dev.ipmi.lan.engine.IpmiCall;
import dev.ipmi.lan.internal.AuthCodes;
import dev.ipmi.lan.internal.Ipmi15Packet;
import dev.ipmi.lan.testing.MachineHarness;
import dev.ipmi.lan.testing.ScriptedRandom;
import dev.ipmi.testing.Vectors;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Hostile network input against the IPMI 1.5 session machine, replaying ipmitool's MD5 session
 * with ipmi_sim: arbitrary datagrams, damaged and replayed copies of the BMC's packets, packets
 * with a valid AuthCode but the wrong session ID, lying lengths and downgraded auth types, before
 * every set-up step and in the established session. Each must be dropped and reported; nothing
 * escapes, and the session still sends byte-identical requests and completes them afterwards.
 */
class Ipmi15MachineFuzzTest {
    private static final InetSocketAddress BMC = new InetSocketAddress("127.0.0.1", 623);
    private static final String F = "lan/session-md5.hex";
    private static final byte[] PW16 = AuthCodes.pad("password".getBytes(StandardCharsets.US_ASCII));

    enum Kind {
        RANDOM, IPMI_HEADER_RANDOM, TRUNCATED, BIT_FLIP, REPLAY, WRONG_SESSION_ID, OVERSIZED_LENGTH,
        DOWNGRADED_TO_NONE, WRONG_AUTH_CODE, OLD_SEQUENCE
    }

    record Fault(Kind kind, byte[] bytes, int a, int b) {
        @Override
        public String toString() {
            return kind + "(" + a + ", " + b + ", " + Arrays.toString(bytes) + ")";
        }
    }

    private final List<DropReason> drops = new ArrayList<>();
    private final IpmiEventListener listener = new IpmiEventListener() {
        @Override
        public void packetDropped(SocketAddress bmc, DropReason reason, String detail) {
            drops.add(reason);
        }
    };

    @Provide
    Arbitrary<Fault> faults() {
        return Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.bytes().array(byte[].class).ofMaxSize(80),
                Arbitraries.integers().between(0, 0xFFFF), Arbitraries.integers()).as(Fault::new);
    }

    private MachineHarness harness(CompletableFuture<Ipmi15Machine.Established> opened) {
        RetryPolicy retry = new RetryPolicy(Duration.ofSeconds(1), 1.5, Duration.ofSeconds(4), 4, 0.0);
        return new MachineHarness(new Ipmi15Machine(BMC, "admin".getBytes(StandardCharsets.US_ASCII), PW16.clone(),
                AuthType.MD5, true, PrivilegeLevel.ADMINISTRATOR, retry, 8, Duration.ofSeconds(30), listener,
                new ScriptedRandom().bounded(1).unbounded(0x45A38FCB), opened)).start();
    }

    @Property(tries = 150)
    void establishedSessionDropsHostileDatagramsAndStaysUsable(@ForAll @Size(max = 12) List<@From("faults") Fault> faults) {
        CompletableFuture<Ipmi15Machine.Established> opened = new CompletableFuture<>();
        MachineHarness h = harness(opened);
        for (String step : List.of("auth_caps", "challenge", "activate", "set_privilege")) {
            assertThat(h.takeSent()).isEqualTo(Vectors.load(F, step + "_request"));
            h.deliver(Vectors.load(F, step + "_response"));
        }
        assertThat(opened).isCompleted();
        byte[] consumed = Vectors.load(F, "set_privilege_response");
        for (Fault f : faults) {
            int before = drops.size();
            h.deliver(make(f, consumed));
            assertThat(drops).as("drop for %s", f).hasSize(before + 1);
            assertThat(h.sentCount()).isZero();
            assertThat(h.ended()).isFalse();
        }
        CompletableFuture<byte[]> call = new CompletableFuture<>();
        h.submit(new IpmiCall(RequestTarget.BMC, RawRequest.of(0x2C, 0x3E).id(), new byte[] {0x00, 0x02}, call));
        assertThat(h.takeSent()).isEqualTo(Vectors.load(F, "first_command_request"));
        h.deliver(Vectors.load(F, "first_command_response"));
        assertThat(call).isCompleted();
        assertThat(call.join()).containsExactly(0xC1);
    }

    @Property(tries = 150)
    void setUpIgnoresHostileDatagramsBeforeEveryStep(@ForAll @Size(min = 4, max = 4) List<@From("faults") Fault> faults) {
        CompletableFuture<Ipmi15Machine.Established> opened = new CompletableFuture<>();
        MachineHarness h = harness(opened);
        CompletableFuture<byte[]> queued = new CompletableFuture<>();
        h.submit(new IpmiCall(RequestTarget.BMC, RawRequest.of(0x2C, 0x3E).id(), new byte[] {0x00, 0x02}, queued));
        byte[] previous = Vectors.load(F, "asf_pong");
        List<String> steps = List.of("auth_caps", "challenge", "activate", "set_privilege");
        for (int i = 0; i < steps.size(); i++) {
            String step = steps.get(i);
            assertThat(h.takeSent()).as(step).isEqualTo(Vectors.load(F, step + "_request"));
            byte[] reply = Vectors.load(F, step + "_response");
            Fault f = faults.get(i);
            // before activation the damaged copies of this step's own reply may not carry a checked AuthCode,
            // so they are built from the previous step's (already consumed) reply
            byte[] bad = f.kind() == Kind.RANDOM || f.kind() == Kind.IPMI_HEADER_RANDOM ? make(f, previous)
                    : make(new Fault(f.kind() == Kind.TRUNCATED ? Kind.TRUNCATED : Kind.REPLAY, f.bytes(), f.a(),
                    f.b()), previous);
            int before = drops.size();
            h.deliver(bad);
            assertThat(drops).as("%s before %s", f, step).hasSize(before + 1);
            assertThat(h.sentCount()).isZero();
            h.deliver(reply);
            previous = reply;
        }
        assertThat(opened).isCompleted();
        assertThat(h.takeSent()).isEqualTo(Vectors.load(F, "first_command_request"));
        h.deliver(Vectors.load(F, "first_command_response"));
        assertThat(queued.join()).containsExactly(0xC1);
    }

    @Property(tries = 100)
    void pendingCallsOnlyEverFailTyped(@ForAll @Size(max = 8) List<@From("faults") Fault> faults,
                                       @ForAll boolean close) {
        CompletableFuture<Ipmi15Machine.Established> opened = new CompletableFuture<>();
        MachineHarness h = harness(opened);
        CompletableFuture<byte[]> queued = new CompletableFuture<>();
        h.submit(new IpmiCall(RequestTarget.BMC, RawRequest.of(0x2C, 0x3E).id(), new byte[] {0x00, 0x02}, queued));
        byte[] previous = Vectors.load(F, "auth_caps_response");
        for (Fault f : faults) {
            h.deliver(make(f, previous));
            h.advanceMillis(f.a());
        }
        if (close) {
            h.close();
        }
        h.advanceMillis(120_000);
        assertThat(opened).isDone();
        assertThat(queued).isDone();
        for (CompletableFuture<?> f : List.of(opened, queued)) {
            assertThat(f.handle((v, e) -> e).join()).isInstanceOf(IpmiException.class);
        }
        assertThat(h.ended()).isTrue();
    }

    /**
     * An authentic reply (right rqSeq, command and AuthCode) whose body after a zero completion code
     * is arbitrary: what a buggy BMC could send at any set-up step. The login may fail, but only with
     * a typed exception, and nothing may escape the machine.
     */
    @Property(tries = 300)
    void authenticRepliesWithArbitraryBodiesFailTheLoginTypedOrAreUsed(@ForAll @net.jqwik.api.constraints.IntRange(max = 3) int step,
                                                                       @ForAll @Size(max = 24) byte[] data,
                                                                       @ForAll boolean zeroCompletionCode) {
        CompletableFuture<Ipmi15Machine.Established> opened = new CompletableFuture<>();
        MachineHarness h = harness(opened);
        List<String> steps = List.of("auth_caps", "challenge", "activate", "set_privilege");
        for (int i = 0; i < steps.size() && !h.ended(); i++) {
            byte[] request = h.takeSent();
            assertThat(request).isEqualTo(Vectors.load(F, steps.get(i) + "_request"));
            byte[] reply = Vectors.load(F, steps.get(i) + "_response");
            if (i == step) {
                Ipmi15Packet genuine = Ipmi15Packet.decode(reply);
                LanMessage req = LanMessage.decode(Ipmi15Packet.decode(request).message());
                byte[] body = new byte[data.length + 1];
                body[0] = zeroCompletionCode ? 0 : (byte) (data.length == 0 ? 0xC1 : data[0]);
                System.arraycopy(data, 0, body, 1, data.length);
                byte[] msg = req.response(body).encode();
                byte[] code = genuine.authType().equals(AuthType.NONE) ? new byte[0]
                        : AuthCodes.compute(genuine.authType(), PW16, genuine.sessionId(), msg, genuine.sequence());
                reply = new Ipmi15Packet(genuine.authType(), genuine.sequence(), genuine.sessionId(), code, msg).encode();
            }
            h.deliver(reply);
            if (i == step) {
                break;
            }
        }
        for (int guard = 0; guard < 20 && !opened.isDone(); guard++) {
            h.takeAllSent();
            h.advanceMillis(5_000);
        }
        assertThat(opened).isDone();
        if (opened.isCompletedExceptionally()) {
            assertThat(opened.handle((v, e) -> e).join()).isInstanceOf(IpmiException.class);
            assertThat(h.ended()).isTrue();
        }
    }

    private static byte[] make(Fault f, byte[] consumed) {
        byte[] junk = f.bytes();
        Ipmi15Packet p = Ipmi15Packet.decode(Vectors.load(F, "first_command_response"));
        return switch (f.kind()) {
            case RANDOM -> junk;
            case IPMI_HEADER_RANDOM -> concat(new byte[] {0x06, 0x00, (byte) 0xFF, 0x07}, junk);
            case TRUNCATED -> Arrays.copyOf(consumed, f.a() % consumed.length);
            case BIT_FLIP -> {
                // the RMCP header (bytes 0-3) is not covered by the AuthCode; damage the rest
                byte[] d = consumed.clone();
                int bit = 32 + f.a() % ((d.length - 4) * 8);
                d[bit / 8] ^= (byte) (1 << (bit % 8));
                yield d;
            }
            case REPLAY -> consumed.clone();
            case WRONG_SESSION_ID -> {
                int sid = p.sessionId() ^ (f.b() | 1);
                yield new Ipmi15Packet(AuthType.MD5, p.sequence(), sid,
                        AuthCodes.compute(AuthType.MD5, PW16, sid, p.message(), p.sequence()), p.message()).encode();
            }
            case OVERSIZED_LENGTH -> {
                byte[] d = p.encode();
                d[29] = (byte) (d[29] + 1 + f.a() % (0xFF - (d[29] & 0xFF)));
                yield d;
            }
            case DOWNGRADED_TO_NONE -> new Ipmi15Packet(AuthType.NONE, p.sequence(), p.sessionId(), new byte[0],
                    p.message()).encode();
            case WRONG_AUTH_CODE -> {
                byte[] code = Arrays.copyOf(junk, 16);
                if (Arrays.equals(code, p.authCode())) {
                    code[0] ^= 1;
                }
                yield new Ipmi15Packet(AuthType.MD5, p.sequence(), p.sessionId(), code, p.message()).encode();
            }
            case OLD_SEQUENCE -> {
                // authentic, but far behind the window: a recorded packet replayed much later
                int seq = p.sequence() - 9 - f.a() % 1000;
                LanMessage m = LanMessage.decode(p.message());
                yield new Ipmi15Packet(AuthType.MD5, seq, p.sessionId(),
                        AuthCodes.compute(AuthType.MD5, PW16, p.sessionId(), m.encode(), seq), m.encode()).encode();
            }
        };
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
