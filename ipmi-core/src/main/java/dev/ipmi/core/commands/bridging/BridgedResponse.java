package dev.ipmi.core.commands.bridging;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.types.CompletionCode;
import dev.ipmi.core.wire.Hex;
import java.util.Arrays;

/**
 * The response of a bridged target, taken out of whatever the BMC delivered.
 *
 * @param responderAddress the target's slave address (rsSA of the embedded response)
 * @param netFn            response netFn (odd)
 * @param command          command byte
 * @param seq              rqSeq, to match against the request
 * @param ccAndData        completion code followed by the response data, as {@link dev.ipmi.core.Commands#decodeResponse} takes it
 */
public record BridgedResponse(int responderAddress, int netFn, int command, int seq, byte[] ccAndData) {
    public BridgedResponse {
        ccAndData = ccAndData.clone();
    }

    @Override
    public byte[] ccAndData() {
        return ccAndData.clone();
    }

    /** The completion code, or {@code null} for an empty body. */
    public CompletionCode completionCode() {
        return ccAndData.length == 0 ? null : CompletionCode.valueOf(ccAndData[0] & 0xFF);
    }

    /** Whether this answers {@code id} sent with {@code seq}. */
    public boolean answers(CommandId id, int seq) {
        return command == id.cmd() && netFn == (id.netFn().code() | 1) && this.seq == seq;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BridgedResponse r && r.responderAddress == responderAddress && r.netFn == netFn
                && r.command == command && r.seq == seq && Arrays.equals(r.ccAndData, ccAndData);
    }

    @Override
    public int hashCode() {
        return ((responderAddress * 31 + netFn) * 31 + command) * 31 + seq + Arrays.hashCode(ccAndData);
    }

    @Override
    public String toString() {
        return String.format("BridgedResponse[from %02Xh netFn=%02Xh cmd=%02Xh seq=%d body=%s]", responderAddress,
                netFn, command, seq, Hex.dump(ccAndData));
    }
}
