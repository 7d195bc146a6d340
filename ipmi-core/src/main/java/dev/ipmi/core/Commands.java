package dev.ipmi.core;

import dev.ipmi.core.types.CompletionCode;
import dev.ipmi.core.wire.ByteReader;

/** The one place where a response's completion code is checked before its decoder runs. */
public final class Commands {
    private Commands() {}

    /**
     * Decodes a response body as it arrives in the frame: completion code first, then data.
     *
     * @throws CompletionCodeException when the code is not 00h
     * @throws MalformedMessageException when the body is empty or the data does not decode
     */
    public static <R> R decodeResponse(IpmiRequest<R> request, byte[] ccAndData) {
        ByteReader in = ByteReader.of(ccAndData);
        CompletionCode cc = CompletionCode.valueOf(in.u8("completion code"));
        if (!cc.isSuccess()) {
            throw new CompletionCodeException(request.id(), cc);
        }
        try {
            return request.decodeResponse(in);
        } catch (MalformedMessageException e) {
            throw e;
        } catch (RuntimeException e) {
            // A decoder bug must still surface as a typed error about the bytes, not leak.
            throw new MalformedMessageException(request.id().name() + " response", in.position(), ccAndData,
                    "decoder failed: " + e);
        }
    }
}
