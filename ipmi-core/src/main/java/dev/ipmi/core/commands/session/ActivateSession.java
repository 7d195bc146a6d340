package dev.ipmi.core.commands.session;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.types.AuthType;
import dev.ipmi.core.types.ByteString;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;
import java.util.Objects;

/**
 * Activate Session — IPMI v2.0 §22.17, table 22-19. NetFn App (06h), cmd 3Ah. Sent authenticated
 * with the temporary session ID and session sequence number 0.
 */
public final class ActivateSession {
    public static final CommandId ID = CommandId.of(NetFn.APP, 0x3A, "Activate Session");
    /** Completion code 81h: no session slot available. */
    public static final int NO_SLOT_AVAILABLE = 0x81;
    /** Completion code 84h: initial outbound session sequence number out of range (0). */
    public static final int SEQUENCE_OUT_OF_RANGE = 0x84;
    /** Completion code 86h: requested maximum privilege exceeds the user's or the channel's limit. */
    public static final int PRIVILEGE_EXCEEDS_LIMIT = 0x86;

    private ActivateSession() {}

    /**
     * @param authType           auth type for this request (must equal the session header's)
     * @param maxPrivilege       maximum privilege level requested for the session
     * @param challenge          the 16-byte challenge from Get Session Challenge
     * @param initialOutboundSeq first session sequence number the BMC will use towards us; non-zero
     */
    public record Request(AuthType authType, PrivilegeLevel maxPrivilege, ByteString challenge, int initialOutboundSeq)
            implements IpmiRequest<Response> {
        public Request {
            Objects.requireNonNull(authType, "authType");
            Objects.requireNonNull(maxPrivilege, "maxPrivilege");
            Objects.requireNonNull(challenge, "challenge");
            if (challenge.size() != GetSessionChallenge.CHALLENGE_LENGTH) {
                throw new IllegalArgumentException("challenge is 16 bytes, got " + challenge.size());
            }
        }

        /** Copies the byte array. */
        public Request(AuthType authType, PrivilegeLevel maxPrivilege, byte[] challenge, int initialOutboundSeq) {
            this(authType, maxPrivilege, ByteString.of(challenge), initialOutboundSeq);
        }

        @Override
        public CommandId id() {
            return ID;
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8(authType.code() & 0x0F).u8(maxPrivilege.code()).bytes(challenge).i32(initialOutboundSeq);
        }

        @Override
        public Response decodeResponse(ByteReader in) {
            return Response.decode(in);
        }

        /** Leaves the challenge out: it keys the AuthCode of the Activate Session request. */
        @Override
        public String toString() {
            return "ActivateSession.Request[" + authType + ", " + maxPrivilege + "]";
        }
    }

    /**
     * @param authType          auth type for the rest of the session (NONE = per-message auth disabled)
     * @param sessionId         session ID from now on
     * @param initialInboundSeq first session sequence number we use towards the BMC
     * @param maxPrivilege      maximum privilege level allowed for this session
     */
    public record Response(AuthType authType, int sessionId, int initialInboundSeq, PrivilegeLevel maxPrivilege)
            implements IpmiResponse {
        public Response {
            Objects.requireNonNull(authType, "authType");
            Objects.requireNonNull(maxPrivilege, "maxPrivilege");
        }

        static Response decode(ByteReader in) {
            AuthType auth = AuthType.valueOf(in.u8("authentication type") & 0x0F);
            int sid = in.i32("session ID");
            int seq = in.i32("initial inbound sequence number");
            PrivilegeLevel priv = PrivilegeLevel.valueOf(in.u8("maximum privilege level") & 0x0F);
            return new Response(auth, sid, seq, priv);
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8(authType.code() & 0x0F).i32(sessionId).i32(initialInboundSeq).u8(maxPrivilege.code());
        }
    }
}
