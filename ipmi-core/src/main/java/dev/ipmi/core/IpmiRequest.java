package dev.ipmi.core;

import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;

/**
 * A request that encodes its data bytes and decodes the matching response. Open to users: an OEM
 * command is just another implementation.
 *
 * @param <R> the response type
 */
public interface IpmiRequest<R> {
    CommandId id();

    /** Writes the request data (the bytes after the command byte). */
    void encode(ByteWriter out);

    /**
     * Decodes the response data that follows a 00h completion code. The completion code has
     * already been checked by the frame layer. Must throw nothing but {@link MalformedMessageException}.
     */
    R decodeResponse(ByteReader in);

    default byte[] toBytes() {
        ByteWriter w = new ByteWriter();
        encode(w);
        return w.toByteArray();
    }
}
