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

    /**
     * Whether sending this request twice is harmless: the session retransmits it when no reply
     * came. False for commands whose second execution adds, acts or reports differently (see
     * {@link Idempotency}); those go out once, and a timeout on them says the command may have run.
     * The default consults {@link Idempotency#repeatable(CommandId, byte[])} by command alone; requests
     * whose answer depends on their data (Chassis Control, Set User Password, raw requests) override it.
     */
    default boolean idempotent() {
        return Idempotency.repeatable(id(), null);
    }

    default byte[] toBytes() {
        ByteWriter w = new ByteWriter();
        encode(w);
        return w.toByteArray();
    }
}
