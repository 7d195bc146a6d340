package dev.ipmi.core.commands.session;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;

/**
 * Close Session — IPMI v2.0 §22.19, table 22-21. NetFn App (06h), cmd 3Ch. (The optional session
 * handle form for session ID 0 is not used by a LAN console.)
 */
public final class CloseSession {
    public static final CommandId ID = CommandId.of(NetFn.APP, 0x3C, "Close Session");
    /** Completion code 87h: invalid session ID in request. */
    public static final int INVALID_SESSION_ID = 0x87;

    private CloseSession() {}

    /** @param sessionId the session to close (the BMC's session ID for RMCP+) */
    public record Request(int sessionId) implements IpmiRequest<Response> {
        @Override
        public CommandId id() {
            return ID;
        }

        @Override
        public void encode(ByteWriter out) {
            out.i32(sessionId);
        }

        @Override
        public Response decodeResponse(ByteReader in) {
            return new Response();
        }
    }

    public record Response() implements IpmiResponse {
        @Override
        public void encode(ByteWriter out) {}
    }
}
