package dev.ipmi.core;

import dev.ipmi.core.wire.ByteWriter;

/**
 * A decoded response body (the bytes after the completion code). Responses can encode themselves
 * again: the BMC side answers with them and the property tests round-trip them.
 */
public interface IpmiResponse {
    void encode(ByteWriter out);

    default byte[] toBytes() {
        ByteWriter w = new ByteWriter();
        encode(w);
        return w.toByteArray();
    }
}
