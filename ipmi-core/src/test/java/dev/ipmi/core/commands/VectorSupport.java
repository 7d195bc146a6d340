package dev.ipmi.core.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipmi.core.Commands;
import dev.ipmi.core.CompletionCodeException;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.testing.Vectors;
import java.util.Arrays;
import java.util.function.Function;

/** Helpers for the golden-vector tests of the command codecs. */
public final class VectorSupport {
    private VectorSupport() {}

    public static byte[] bytes(String file, String section) {
        return Vectors.load(file, section);
    }

    /** Decodes a [..-response] section (completion code + data) the way the frame layer does. */
    public static <R> R decode(IpmiRequest<R> request, String file, String section) {
        return Commands.decodeResponse(request, bytes(file, section));
    }

    /** Our encoder must reproduce the captured request data exactly. */
    public static void assertEncodes(IpmiRequest<?> request, String file, String section) {
        assertThat(request.toBytes()).as("%s [%s]", file, section).containsExactly(bytes(file, section));
    }

    /** The request decoder reads the captured bytes back into an equal request. */
    public static <Q extends IpmiRequest<?>> void assertRequestRoundTrip(Q request, Function<ByteReader, Q> decoder,
                                                                        String file, String section) {
        assertEncodes(request, file, section);
        assertThat(decoder.apply(ByteReader.of(bytes(file, section)))).isEqualTo(request);
    }

    /** A response re-encodes to the vector's data bytes (vector without its completion code). */
    public static void assertReencodes(IpmiResponse response, String file, String section) {
        byte[] v = bytes(file, section);
        assertThat(response.toBytes()).as("%s [%s] re-encoded", file, section)
                .containsExactly(Arrays.copyOfRange(v, 1, v.length));
    }

    public static void assertCompletionCode(IpmiRequest<?> request, String file, String section, int code) {
        assertThatThrownBy(() -> decode(request, file, section))
                .isInstanceOfSatisfying(CompletionCodeException.class, e -> {
                    assertThat(e.code().code()).isEqualTo(code);
                    assertThat(e.command()).isEqualTo(request.id());
                });
    }
}
