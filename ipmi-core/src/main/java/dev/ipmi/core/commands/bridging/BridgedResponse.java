package dev.ipmi.core.commands.bridging;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.types.ByteString;
import dev.ipmi.core.types.CompletionCode;
import java.util.Objects;

/**
 * The response of a bridged target, taken out of whatever the BMC delivered.
 *
 * @param responderAddress the target's slave address (rsSA of the embedded response)
 * @param netFn            response netFn (odd)
 * @param command          command byte
 * @param seq              rqSeq, to match against the request
 * @param ccAndData        completion code followed by the response data, as {@link dev.ipmi.core.Commands#decodeResponse} takes it
 */
public record BridgedResponse(int responderAddress, int netFn, int command, int seq, ByteString ccAndData) {
    public BridgedResponse {
        Objects.requireNonNull(ccAndData, "ccAndData");
    }

    /** Copies the byte array. */
    public BridgedResponse(int responderAddress, int netFn, int command, int seq, byte[] ccAndData) {
        this(responderAddress, netFn, command, seq, ByteString.of(ccAndData));
    }

    /** The completion code, or {@code null} for an empty body. */
    public CompletionCode completionCode() {
        return ccAndData.isEmpty() ? null : CompletionCode.valueOf(ccAndData.u8(0));
    }

    /** Whether this answers {@code id} sent with {@code seq}. */
    public boolean answers(CommandId id, int seq) {
        return command == id.cmd() && netFn == (id.netFn().code() | 1) && this.seq == seq;
    }
}
