package dev.ipmi.core.commands.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.MalformedMessageException;
import dev.ipmi.core.wire.ByteReader;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class PayloadCommandsPropertiesTest {

    @Provide
    Arbitrary<ActivatePayload.Request> activateRequests() {
        return Combinators.combine(Arbitraries.integers().between(0, 0x3F), Arbitraries.integers().between(1, 15),
                        Arbitraries.of(true, false), Arbitraries.of(true, false), Arbitraries.of(true, false),
                        Arbitraries.of(ActivatePayload.AlertBehaviour.class), Arbitraries.of(true, false))
                .as(ActivatePayload.Request::new);
    }

    @Provide
    Arbitrary<ActivatePayload.Response> activateResponses() {
        Arbitrary<Integer> u16 = Arbitraries.integers().between(0, 0xFFFF);
        return Combinators.combine(Arbitraries.longs().between(0, 0xFFFFFFFFL), u16, u16, u16, u16)
                .as(ActivatePayload.Response::new);
    }

    @Property
    void activateRequestRoundTrips(@ForAll("activateRequests") ActivatePayload.Request r) {
        assertThat(ActivatePayload.Request.decode(ByteReader.of(r.toBytes()))).isEqualTo(r);
    }

    @Property
    void activateResponseRoundTrips(@ForAll("activateResponses") ActivatePayload.Response r) {
        assertThat(ActivatePayload.Request.sol(false, false).decodeResponse(ByteReader.of(r.toBytes()))).isEqualTo(r);
    }

    @Property
    void deactivateRequestRoundTrips(@ForAll("types") int type, @ForAll("instances") int instance) {
        DeactivatePayload.Request r = new DeactivatePayload.Request(type, instance);
        assertThat(DeactivatePayload.Request.decode(ByteReader.of(r.toBytes()))).isEqualTo(r);
    }

    @Property
    void activationStatusRoundTrips(@ForAll("nibbles") int capacity, @ForAll("u16") int bitmap) {
        GetPayloadActivationStatus.Response r = new GetPayloadActivationStatus.Response(capacity, bitmap);
        assertThat(new GetPayloadActivationStatus.Request(1).decodeResponse(ByteReader.of(r.toBytes()))).isEqualTo(r);
        for (int i = 1; i <= 16; i++) {
            assertThat(r.isActive(i)).isEqualTo((bitmap >> (i - 1) & 1) == 1);
        }
    }

    @Property
    void instanceInfoRoundTrips(@ForAll int sid, @ForAll("eightBytes") byte[] specific) {
        GetPayloadInstanceInfo.Response r = new GetPayloadInstanceInfo.Response(sid, specific);
        assertThat(new GetPayloadInstanceInfo.Request(1, 1).decodeResponse(ByteReader.of(r.toBytes()))).isEqualTo(r);
    }

    @Property
    void channelPayloadSupportRoundTrips(@ForAll("u16") int a, @ForAll("u16") int b, @ForAll("u16") int c,
                                         @ForAll("u16") int d) {
        GetChannelPayloadSupport.Response r = new GetChannelPayloadSupport.Response(a, b, c, d);
        assertThat(new GetChannelPayloadSupport.Request(1).decodeResponse(ByteReader.of(r.toBytes()))).isEqualTo(r);
    }

    @Property
    void arbitraryBytesDecodeOrFailTyped(@ForAll byte[] bytes) {
        decodes(bytes, in -> ActivatePayload.Request.decode(in));
        decodes(bytes, in -> DeactivatePayload.Request.decode(in));
        decodes(bytes, in -> ActivatePayload.Request.sol(true, true).decodeResponse(in));
        decodes(bytes, in -> DeactivatePayload.Request.sol().decodeResponse(in));
        decodes(bytes, in -> new GetPayloadActivationStatus.Request(1).decodeResponse(in));
        decodes(bytes, in -> new GetPayloadInstanceInfo.Request(1, 1).decodeResponse(in));
        decodes(bytes, in -> new GetChannelPayloadSupport.Request(1).decodeResponse(in));
    }

    private static void decodes(byte[] bytes, Function<ByteReader, Object> decoder) {
        try {
            Object v = decoder.apply(ByteReader.of(bytes));
            assertThat(v).isNotNull();
            if (v instanceof IpmiResponse r) {
                r.toBytes();
            }
        } catch (MalformedMessageException expected) {
            assertThat(expected.field()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<Integer> types() {
        return Arbitraries.integers().between(0, 0x3F);
    }

    @Provide
    Arbitrary<Integer> instances() {
        return Arbitraries.integers().between(1, 15);
    }

    @Provide
    Arbitrary<Integer> nibbles() {
        return Arbitraries.integers().between(0, 15);
    }

    @Provide
    Arbitrary<Integer> u16() {
        return Arbitraries.integers().between(0, 0xFFFF);
    }

    @Provide
    Arbitrary<byte[]> eightBytes() {
        return Arbitraries.bytes().array(byte[].class).ofSize(8);
    }

    @Property
    void payloadVersionRequestRoundTrips(@ForAll @IntRange(max = 0x0F) int channel,
                                         @ForAll @IntRange(max = 0x3F) int type) {
        GetChannelPayloadVersion.Request r = new GetChannelPayloadVersion.Request(channel, type);
        assertThat(GetChannelPayloadVersion.Request.decode(ByteReader.of(r.toBytes()))).isEqualTo(r);
    }

    @Property
    void payloadVersionResponseRoundTrips(@ForAll @IntRange(max = 0xFF) int version) {
        GetChannelPayloadVersion.Response r = new GetChannelPayloadVersion.Response(version);
        assertThat(new GetChannelPayloadVersion.Request(1, Payloads.SOL).decodeResponse(ByteReader.of(r.toBytes())))
                .isEqualTo(r);
    }
}
