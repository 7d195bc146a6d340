package dev.ipmi.core.commands.sol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.core.MalformedMessageException;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.testing.SolFixtures;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class SolConfigurationPropertiesTest {

    @Provide
    Arbitrary<SolParameter> parameters() {
        return SolFixtures.parameters();
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
