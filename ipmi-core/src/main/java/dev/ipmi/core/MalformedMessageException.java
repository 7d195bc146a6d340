package dev.ipmi.core;

import dev.ipmi.core.wire.Hex;

/**
 * A message from the network could not be decoded: it ran short, or a field held a value the
 * specification forbids. Names the field, the offset into the decoded buffer and the bytes.
 */
public class MalformedMessageException extends IpmiException {
    private final String field;
    private final int offset;
    private final byte[] bytes;
    private final String problem;

    public MalformedMessageException(String field, int offset, byte[] bytes, String problem) {
        super(problem + " (field '" + field + "' at offset " + offset + " in " + Hex.dump(bytes) + ")");
        this.field = field;
        this.offset = offset;
        this.bytes = bytes == null ? new byte[0] : bytes.clone();
        this.problem = problem;
    }

    /** What was wrong, without the field or the bytes. */
    public String problem() {
        return problem;
    }

    /**
     * The message without the hex dump: for logs and drop reports of packets that may carry secrets
     * (decrypted payloads, Set User Password, straight-password AuthCodes).
     */
    public String withoutBytes() {
        return problem + " (field '" + field + "' at offset " + offset + ")";
    }

    public String field() {
        return field;
    }

    public int offset() {
        return offset;
    }

    public byte[] bytes() {
        return bytes.clone();
    }
}
