package dev.ipmi.bmc.internal;

import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.types.CompletionCode;
import dev.ipmi.core.wire.ByteWriter;
import java.util.Objects;
import java.util.Optional;

/**
 * What the BMC answers to one request: a completion code and, when it is 00h, the same response
 * record the client decodes. Only the frame layer turns it into bytes.
 */
public record Reply(CompletionCode code, Optional<IpmiResponse> body) {
    public Reply {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(body, "body");
        if (body.isPresent() && !code.equals(CompletionCode.OK)) {
            throw new IllegalArgumentException("only a 00h reply carries response data: " + code);
        }
    }

    public static Reply ok(IpmiResponse body) {
        return new Reply(CompletionCode.OK, Optional.of(body));
    }

    /** 00h without response data (commands whose response is the completion code alone). */
    public static Reply ok() {
        return new Reply(CompletionCode.OK, Optional.empty());
    }

    public static Reply error(CompletionCode code) {
        return new Reply(code, Optional.empty());
    }

    /** A command-specific completion code (80h..BEh), named by the command's codec. */
    public static Reply error(int commandSpecificCode) {
        return error(CompletionCode.valueOf(commandSpecificCode));
    }

    /** Completion code followed by the encoded response data. */
    public byte[] toBytes() {
        ByteWriter w = new ByteWriter(32);
        w.u8(code.code());
        body.ifPresent(b -> b.encode(w));
        return w.toByteArray();
    }
}
