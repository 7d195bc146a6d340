package dev.ipmi.lanplus.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipmi.core.MalformedMessageException;
import dev.ipmi.core.types.CipherSuite;
import dev.ipmi.lanplus.RmcpPlusStatus;
import dev.ipmi.lanplus.internal.RakpMessage.OpenSessionRequest;
import dev.ipmi.lanplus.internal.RakpMessage.OpenSessionResponse;
import dev.ipmi.lanplus.internal.RakpMessage.Rakp1;
import dev.ipmi.lanplus.internal.RakpMessage.Rakp2;
import dev.ipmi.lanplus.internal.RakpMessage.Rakp3;
import dev.ipmi.lanplus.internal.RakpMessage.Rakp4;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class RmcpPlusPropertiesTest {

    @Provide
    Arbitrary<RakpMessage> messages() {
        Arbitrary<Integer> u8 = Arbitraries.integers().between(0, 0xFF);
        Arbitrary<Integer> i32 = Arbitraries.integers();
        Arbitrary<Integer> alg = Arbitraries.integers().between(0, 0x3F);
        Arbitrary<byte[]> b16 = Arbitraries.bytes().array(byte[].class).ofSize(16);
        Arbitrary<byte[]> code = Arbitraries.bytes().array(byte[].class).ofMaxSize(32);
        Arbitrary<RmcpPlusStatus> status = u8.map(RmcpPlusStatus::valueOf);
        return Arbitraries.oneOf(
                Combinators.combine(u8, Arbitraries.integers().between(0, 15), i32, alg, alg, alg)
                        .as(OpenSessionRequest::new),
                Combinators.combine(u8, Arbitraries.integers().between(0, 15), i32, i32, alg, alg, alg)
                        .as((t, p, s, b, x, y, z) -> new OpenSessionResponse(t, RmcpPlusStatus.NO_ERRORS, p, s, b, x, y, z)),
                Combinators.combine(u8, i32, b16, u8, Arbitraries.bytes().array(byte[].class).ofMaxSize(16))
                        .as(Rakp1::new),
                Combinators.combine(u8, i32, b16, b16, code).as((t, s, r, g, c) ->
                        new Rakp2(t, RmcpPlusStatus.NO_ERRORS, s, r, g, c)),
                Combinators.combine(u8, status, i32, code).as(Rakp3::new),
                Combinators.combine(u8, status, i32, code).as(Rakp4::new));
    }

    @Property(tries = 300)
    void setupMessagesRoundTrip(@ForAll("messages") RakpMessage m) {
        byte[] bytes = m.toBytes();
        RakpMessage back = RakpMessage.decode(m.payloadType(), bytes);
        assertThat(back.getClass()).isEqualTo(m.getClass());
        assertThat(back.toBytes()).isEqualTo(bytes);
    }

    @Property(tries = 500)
    void setupDecodersTakeAnyBytes(@ForAll @IntRange(min = 0x10, max = 0x15) int type,
                                   @ForAll @Size(max = 60) byte[] junk) {
        try {
            RakpMessage m = RakpMessage.decode(type, junk);
            assertThat(m.payloadType()).isEqualTo(type);
        } catch (MalformedMessageException expected) {
            assertThat(expected.field()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<CipherSuite> suites() {
        return Arbitraries.of(CipherSuite.supported());
    }

    private static RmcpPlusCodec codec(CipherSuite s, long seed) {
        Random r = new Random(seed);
        byte[] k1 = new byte[32];
        byte[] k2 = new byte[32];
        r.nextBytes(k1);
        r.nextBytes(k2);
        return RmcpPlusCodec.forSession(s, k1, k2, "pw".getBytes());
    }

    @Property(tries = 300)
    void sessionPacketsRoundTripForEverySuite(@ForAll("suites") CipherSuite suite, @ForAll long seed,
                                              @ForAll @Size(max = 100) byte[] payload, @ForAll int sid,
                                              @ForAll int seq) {
        int sessionId = sid == 0 ? 1 : sid;
        try (RmcpPlusCodec c = codec(suite, seed)) {
            byte[] wire = c.encode(RmcpPlusCodec.PAYLOAD_IPMI, sessionId, seq, payload);
            RmcpPlusCodec.Packet p = c.decode(wire);
            assertThat(p.payload()).isEqualTo(payload);
            assertThat(p.sessionId()).isEqualTo(sessionId);
            assertThat(p.sequence()).isEqualTo(seq);
            assertThat(p.authenticated()).isEqualTo(suite.integrity().code() != 0);
            assertThat(p.encrypted()).isEqualTo(suite.confidentiality().code() != 0);
            if (p.authenticated()) {
                assertThat((wire.length - 4 - suite.integrity().authCodeLength()) % 4).isZero();
            }
        }
    }

    @Property(tries = 300)
    void aesPaddingIsOneToNThenN(@ForAll @Size(max = 70) byte[] payload) {
        try (RmcpPlusCodec c = codec(CipherSuite.SUITE_3, 1)) {
            byte[] iv = new byte[16];
            byte[] wire = c.encrypt(payload, iv);
            assertThat((wire.length - 16) % 16).isZero();
            assertThat(wire.length - 16).isLessThanOrEqualTo(payload.length + 16);
            byte[] k2 = new byte[32];
            byte[] k1 = new byte[32];
            Random r = new Random(1);
            r.nextBytes(k1);
            r.nextBytes(k2);
            byte[] plain = Crypto.aesCbc(false, k2, iv, wire, 16, wire.length - 16);
            int n = plain[plain.length - 1];
            assertThat(plain.length).isEqualTo(payload.length + n + 1);
            for (int i = 0; i < n; i++) {
                assertThat(plain[payload.length + i]).isEqualTo((byte) (i + 1));
            }
            assertThat(c.decrypt(wire)).isEqualTo(payload);
        }
    }

    @Property(tries = 500)
    void sessionDecoderTakesAnyBytes(@ForAll("suites") CipherSuite suite, @ForAll @Size(max = 80) byte[] junk,
                                     @ForAll boolean rmcpPlusHeader) {
        if (rmcpPlusHeader && junk.length > 6) {
            junk[0] = 6;
            junk[3] = 7;
            junk[4] = 6;
        }
        try (RmcpPlusCodec c = codec(suite, 5)) {
            c.decode(junk);
        } catch (MalformedMessageException | IntegrityCheckException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 200)
    void anyAlteredByteOfAnAuthenticatedPacketIsRejected(@ForAll @Size(max = 40) byte[] payload,
                                                        @ForAll @IntRange(min = 4, max = 200) int position,
                                                        @ForAll @IntRange(min = 1, max = 255) int flip) {
        try (RmcpPlusCodec c = codec(CipherSuite.SUITE_3, 9)) {
            byte[] wire = c.encode(0, 0x1234, 7, payload);
            int at = position % wire.length;
            if (at < 4 || at == 5) {
                return;
            }
            wire[at] ^= (byte) flip;
            assertThatThrownBy(() -> c.decode(wire))
                    .isInstanceOfAny(IntegrityCheckException.class, MalformedMessageException.class);
        }
    }

    @Property(tries = 300)
    void replayWindowNeverAcceptsANumberTwice(@ForAll @Size(max = 200) List<@IntRange(min = 1, max = 60) Integer> seqs,
                                              @ForAll int base) {
        ReplayWindow w = new ReplayWindow();
        Set<Integer> accepted = new HashSet<>();
        for (int s : seqs) {
            int seq = base + s;
            if (w.accept(seq)) {
                assertThat(accepted.add(seq)).as("accepted %d twice", seq).isTrue();
            }
        }
        assertThat(w.rejected()).isEqualTo(seqs.size() - accepted.size());
    }

    /** Reordering within chunks of up to 8 keeps every jump within 15 ahead / 16 behind. */
    @Property(tries = 200)
    void replayWindowAcceptsEveryNumberOfAReorderedRunOnce(@ForAll @IntRange(min = 1, max = 8) int width,
                                                           @ForAll long seed, @ForAll int base) {
        int first = base == 0 ? 1 : base;
        ReplayWindow w = new ReplayWindow();
        assertThat(w.accept(first)).isTrue();
        List<Integer> run = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            if (first + i != 0) {
                run.add(first + i);
            }
        }
        Random r = new Random(seed);
        List<Integer> delivered = new ArrayList<>();
        for (int i = 0; i < run.size(); i += width) {
            List<Integer> chunk = new ArrayList<>(run.subList(i, Math.min(run.size(), i + width)));
            Collections.shuffle(chunk, r);
            delivered.addAll(chunk);
        }
        for (int s : delivered) {
            assertThat(w.accept(s)).as("first delivery of %d", s).isTrue();
        }
        for (int s : delivered.subList(delivered.size() - 10, delivered.size())) {
            assertThat(w.accept(s)).as("second delivery of %d", s).isFalse();
        }
    }

    @Property(tries = 100)
    void replayWindowDropsZeroAndStale(@ForAll int base) {
        ReplayWindow w = new ReplayWindow();
        int first = base == 0 ? 1 : base;
        assertThat(w.accept(first)).isTrue();
        assertThat(w.accept(0)).isFalse();
        assertThat(w.accept(first - 17)).isFalse();
        assertThat(w.accept(first + 16)).isFalse();
        assertThat(w.rejected()).isEqualTo(3);
    }
}
