package dev.ipmi.core.commands.session;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.types.AuthType;
import dev.ipmi.core.types.ByteString;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;
import java.util.Arrays;
import java.util.Objects;

/**
 * Get Session Challenge — IPMI v2.0 §22.16, table 22-18. NetFn App (06h), cmd 39h. First step of
 * an IPMI 1.5 session; sent without a session.
 */
public final class GetSessionChallenge {
    public static final CommandId ID = CommandId.of(NetFn.APP, 0x39, "Get Session Challenge");
    public static final int USER_NAME_LENGTH = 16;
    public static final int CHALLENGE_LENGTH = 16;
    /** Completion code 81h: invalid user name. */
    public static final int INVALID_USER_NAME = 0x81;
    /** Completion code 82h: null user name (user 1) not enabled. */
    public static final int NULL_USER_DISABLED = 0x82;

    private GetSessionChallenge() {}

    /**
     * @param authType the auth type the session will use
     * @param userName up to 16 bytes (sent NUL-padded); empty = null user
     */
    public record Request(AuthType authType, byte[] userName) implements IpmiRequest<Response> {
        public Request {
            Objects.requireNonNull(authType, "authType");
            if (userName.length > USER_NAME_LENGTH) {
                throw new IllegalArgumentException("user name longer than 16 bytes: " + userName.length);
            }
            userName = userName.clone();
        }

        @Override
        public byte[] userName() {
            return userName.clone();
        }

        @Override
        public CommandId id() {
            return ID;
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8(authType.code() & 0x0F).padded(userName, USER_NAME_LENGTH);
        }

        @Override
        public Response decodeResponse(ByteReader in) {
            return Response.decode(in);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Request r && r.authType.equals(authType) && Arrays.equals(r.userName, userName);
        }

        @Override
        public int hashCode() {
            return authType.hashCode() * 31 + Arrays.hashCode(userName);
        }

        @Override
        public String toString() {
            return "GetSessionChallenge.Request[" + authType + ", user of " + userName.length + " bytes]";
        }
    }

    /**
     * @param temporarySessionId session ID to use for Activate Session
     * @param challenge          16-byte challenge string
     */
    public record Response(int temporarySessionId, ByteString challenge) implements IpmiResponse {
        public Response {
            Objects.requireNonNull(challenge, "challenge");
            if (challenge.size() != CHALLENGE_LENGTH) {
                throw new IllegalArgumentException("challenge is 16 bytes, got " + challenge.size());
            }
        }

        /** Copies the byte array. */
        public Response(int temporarySessionId, byte[] challenge) {
            this(temporarySessionId, ByteString.of(challenge));
        }

        static Response decode(ByteReader in) {
            int id = in.i32("temporary session ID");
            return new Response(id, in.bytes(CHALLENGE_LENGTH, "challenge string"));
        }

        @Override
        public void encode(ByteWriter out) {
            out.i32(temporarySessionId).bytes(challenge);
        }
    }
}
