package dev.ipmi.core.commands.session;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.IpmiResponse;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;
import java.util.Objects;

/**
 * Set Session Privilege Level — IPMI v2.0 §22.18, table 22-20. NetFn App (06h), cmd 3Bh. A new
 * session starts at USER; this raises (or lowers) it up to the session's maximum.
 */
public final class SetSessionPrivilegeLevel {
    public static final CommandId ID = CommandId.of(NetFn.APP, 0x3B, "Set Session Privilege Level");
    /** Completion code 81h: the requested level exceeds the user's or the channel's privilege limit. */
    public static final int EXCEEDS_LIMIT = 0x81;

    private SetSessionPrivilegeLevel() {}

    /** @param level requested level; {@link PrivilegeLevel#HIGHEST} (0) = no change, just report the present level */
    public record Request(PrivilegeLevel level) implements IpmiRequest<Response> {
        public Request {
            Objects.requireNonNull(level, "level");
        }

        @Override
        public CommandId id() {
            return ID;
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8(level.code());
        }

        @Override
        public Response decodeResponse(ByteReader in) {
            return Response.decode(in);
        }
    }

    /** @param level the session's privilege level now */
    public record Response(PrivilegeLevel level) implements IpmiResponse {
        public Response {
            Objects.requireNonNull(level, "level");
        }

        static Response decode(ByteReader in) {
            return new Response(PrivilegeLevel.valueOf(in.u8("new privilege level") & 0x0F));
        }

        @Override
        public void encode(ByteWriter out) {
            out.u8(level.code());
        }
    }
}
