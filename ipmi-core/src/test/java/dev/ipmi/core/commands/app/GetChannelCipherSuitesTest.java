package dev.ipmi.core.commands.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipmi.core.MalformedMessageException;
import dev.ipmi.core.commands.app.GetChannelCipherSuites.CipherSuiteRecord;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;
import dev.ipmi.core.wire.Hex;
import dev.ipmi.core.wire.LanMessage;
import dev.ipmi.testing.Vectors;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class GetChannelCipherSuitesTest {

    @Test
    void requestMatchesTheBytesSentToIpmiSim() {
        byte[] datagram = Vectors.load("app/get-channel-cipher-suites.hex", "request_index_0");
        LanMessage m = LanMessage.decode(datagram, 14, datagram.length - 14);
        assertThat(m.command()).isEqualTo(0x54);
        assertThat(new GetChannelCipherSuites.Request(0x0E, 0, 0).toBytes()).isEqualTo(m.body());
    }

    @Test
    void ipmiSimPagesParseIntoSuites0To14() {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        boolean last = false;
        for (int i = 0; i <= 4; i++) {
            byte[] d = Vectors.load("app/get-channel-cipher-suites.hex", "reply_index_" + i);
            byte[] body = LanMessage.decode(d, 14, d.length - 14).body();
            assertThat(body[0]).isEqualTo((byte) 0);
            GetChannelCipherSuites.Response r = new GetChannelCipherSuites.Request(0x0E, 0, i)
                    .decodeResponse(ByteReader.of(body, 1, body.length - 1));
            assertThat(r.channel()).isEqualTo(1);
            stream.writeBytes(r.recordData().toByteArray());
            last = r.isLastPage();
            assertThat(last).isEqualTo(i == 4);
        }
        List<CipherSuiteRecord> records = GetChannelCipherSuites.parseRecords(stream.toByteArray());
        assertThat(records).extracting(CipherSuiteRecord::suiteId).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
                11, 12, 13, 14);
        assertThat(records.get(3)).isEqualTo(new CipherSuiteRecord(3, OptionalInt.empty(), List.of(1), List.of(1),
                List.of(1)));
        assertThat(records.get(12)).isEqualTo(new CipherSuiteRecord(12, OptionalInt.empty(), List.of(2), List.of(3),
                List.of(1)));
        assertThat(records.get(0)).isEqualTo(new CipherSuiteRecord(0, OptionalInt.empty(), List.of(0), List.of(0),
                List.of(0)));
    }

    @Test
    void recordsOfAnyLengthOemRecordsAndTrailingPadding() {
        byte[] stream = Hex.parse("c0 11 03 44 81   c1 80 a2 a2 00 01 41 42 80   c0 01 01   c0 02 01 41 00 00");
        List<CipherSuiteRecord> r = GetChannelCipherSuites.parseRecords(stream);
        assertThat(r).hasSize(4);
        assertThat(r.get(0).integrity()).containsExactly(4);
        assertThat(r.get(1).oemIana()).hasValue(0x00a2a2);
        assertThat(r.get(1).integrity()).containsExactly(1, 2);
        assertThat(r.get(2).integrity()).isEmpty();
        assertThat(r.get(3).integrity()).containsExactly(1);
    }

    @Test
    void badStartByteIsMalformed() {
        assertThatThrownBy(() -> GetChannelCipherSuites.parseRecords(Hex.parse("05 c0 01")))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("C0h or C1h");
        assertThatThrownBy(() -> GetChannelCipherSuites.parseRecords(Hex.parse("c1 01 02")))
                .isInstanceOf(MalformedMessageException.class);
    }

    @Provide
    Arbitrary<CipherSuiteRecord> records() {
        Arbitrary<List<Integer>> algs = Arbitraries.integers().between(0, 0x3F).list().ofMaxSize(3);
        Arbitrary<OptionalInt> iana = Arbitraries.integers().between(0, 0xFFFFFF).optional()
                .map(o -> o.map(OptionalInt::of).orElse(OptionalInt.empty()));
        return Combinators.combine(Arbitraries.integers().between(0, 0xFF), iana, algs, algs, algs)
                .as(CipherSuiteRecord::new);
    }

    @Property(tries = 300)
    void recordStreamsRoundTrip(@ForAll @Size(max = 8) List<@net.jqwik.api.From("records") CipherSuiteRecord> rs) {
        List<CipherSuiteRecord> safe = new ArrayList<>();
        for (CipherSuiteRecord r : rs) {
            // an OEM IANA byte or a suite ID equal to C0h/C1h would read as the next record's start
            if (r.suiteId() >= 0xC0 || (r.oemIana().isPresent() && containsStartByte(r.oemIana().getAsInt()))) {
                continue;
            }
            safe.add(r);
        }
        ByteWriter w = new ByteWriter();
        safe.forEach(r -> r.encode(w));
        assertThat(GetChannelCipherSuites.parseRecords(w.toByteArray())).isEqualTo(safe);
    }

    private static boolean containsStartByte(int iana) {
        for (int i = 0; i < 3; i++) {
            int b = (iana >>> (8 * i)) & 0xFF;
            if (b == 0xC0 || b == 0xC1) {
                return true;
            }
        }
        return false;
    }

    @Property(tries = 500)
    void parserTakesAnyBytes(@ForAll @Size(max = 64) byte[] junk) {
        try {
            assertThat(GetChannelCipherSuites.parseRecords(junk)).isNotNull();
        } catch (MalformedMessageException expected) {
            assertThat(expected.field()).isNotBlank();
        }
    }

    @Property(tries = 200)
    void responseRoundTrips(@ForAll @Size(max = 16) byte[] data, @ForAll byte channel) {
        GetChannelCipherSuites.Response r = new GetChannelCipherSuites.Response(channel & 0x0F, data);
        ByteWriter w = new ByteWriter();
        r.encode(w);
        assertThat(GetChannelCipherSuites.Response.decode(ByteReader.of(w.toByteArray()))).isEqualTo(r);
    }
}
