package dev.ipmi.core.commands.sol;

import dev.ipmi.core.types.ByteString;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.core.MalformedMessageException;
import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.core.wire.ByteReader;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class SolConfigurationPropertiesTest {

    @Provide
    Arbitrary<SolParameter> parameters() {
        Arbitrary<Integer> u8 = Arbitraries.integers().between(0, 0xFF);
        Arbitrary<SolBitRate> rates = Arbitraries.integers().between(0, 15).map(SolBitRate::new);
        return Arbitraries.oneOf(List.of(
                Arbitraries.of(SolParameter.SetInProgress.State.class).map(SolParameter.SetInProgress::new),
                Arbitraries.of(true, false).map(SolParameter.Enable::new),
                Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false),
                                Arbitraries.integers().between(0, 15).map(PrivilegeLevel::valueOf))
                        .as(SolParameter.Authentication::new),
                Combinators.combine(u8, u8).as(SolParameter.CharacterAccumulate::new),
                Combinators.combine(Arbitraries.integers().between(0, 7), u8).as(SolParameter.Retry::new),
                rates.map(SolParameter.NonVolatileBitRate::new),
                rates.map(SolParameter.VolatileBitRate::new),
                Arbitraries.integers().between(0, 15).map(SolParameter.PayloadChannel::new),
                Arbitraries.integers().between(0, 0xFFFF).map(SolParameter.PayloadPort::new),
                Combinators.combine(Arbitraries.integers().between(9, 0xFF),
                                Arbitraries.bytes().array(byte[].class).ofMaxSize(16))
                        .as((selector, data) -> SolParameter.raw(selector, ByteString.of(data)))));
    }

    @Property
    void setRequestRoundTrips(@ForAll("parameters") SolParameter p, @ForAll("channels") int channel) {
        SetSolConfigurationParameters.Request r = new SetSolConfigurationParameters.Request(channel, p);
        assertThat(SetSolConfigurationParameters.Request.decode(ByteReader.of(r.toBytes()))).isEqualTo(r);
    }

    @Property
    void getResponseRoundTrips(@ForAll("parameters") SolParameter p, @ForAll("revisions") int revision) {
        GetSolConfigurationParameters.Response r = new GetSolConfigurationParameters.Response(revision, Optional.of(p));
        GetSolConfigurationParameters.Request req = GetSolConfigurationParameters.Request.of(1, p.selector());
        assertThat(req.decodeResponse(ByteReader.of(r.toBytes()))).isEqualTo(r);
    }

    @Property
    void getRequestRoundTrips(@ForAll("channels") int channel, @ForAll("revisions") int sel,
                              @ForAll boolean revOnly, @ForAll("revisions") int set, @ForAll("revisions") int block) {
        GetSolConfigurationParameters.Request r = new GetSolConfigurationParameters.Request(channel, sel, revOnly, set, block);
        assertThat(GetSolConfigurationParameters.Request.decode(ByteReader.of(r.toBytes()))).isEqualTo(r);
    }

    @Property
    void configKeepsTheLastValueOfEachParameter(@ForAll("parameterLists") List<SolParameter> params) {
        SolConfig c = SolConfig.of(params);
        for (int i = params.size() - 1; i >= 0; i--) {
            if (params.get(i) instanceof SolParameter.Retry r) {
                assertThat(c.retry()).hasValue(r);
                break;
            }
        }
    }

    @Provide
    Arbitrary<List<SolParameter>> parameterLists() {
        return parameters().list().ofMaxSize(12);
    }

    @Property
    void arbitraryBytesDecodeOrFailTyped(@ForAll byte[] bytes, @ForAll("revisions") int selector) {
        try {
            GetSolConfigurationParameters.Request.of(1, selector).decodeResponse(ByteReader.of(bytes)).toBytes();
        } catch (MalformedMessageException expected) {
            assertThat(expected.field()).isNotBlank();
        }
        try {
            SetSolConfigurationParameters.Request.decode(ByteReader.of(bytes)).toBytes();
        } catch (MalformedMessageException expected) {
            assertThat(expected.field()).isNotBlank();
        }
        try {
            GetSolConfigurationParameters.Request.decode(ByteReader.of(bytes));
        } catch (MalformedMessageException expected) {
            assertThat(expected.field()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<Integer> channels() {
        return Arbitraries.integers().between(0, 15);
    }

    @Provide
    Arbitrary<Integer> revisions() {
        return Arbitraries.integers().between(0, 0xFF);
    }
}
