package dev.ipmi.bmc.internal;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.MalformedMessageException;
import dev.ipmi.core.commands.app.GetChannelAuthenticationCapabilities;
import dev.ipmi.core.commands.session.CloseSession;
import dev.ipmi.core.commands.session.SetSessionPrivilegeLevel;
import dev.ipmi.core.types.CompletionCode;
import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.LanMessage;
import java.util.Optional;

/**
 * The in-session commands every session protocol answers alike (IPMI v2.0 §22.13, §22.18, §22.19): Get
 * Channel Authentication Capabilities, Set Session Privilege Level and Close Session. One instance per
 * responder; the IPMI 1.5 and the RMCP+ responder differ only in how they find and end a session
 * ({@link Table}).
 *
 * @param <S> the responder's session type
 */
public final class SessionCommands<S extends SessionCommands.Session> {
    /** What this class needs of a session. */
    public interface Session {
        PrivilegeLevel privilege();

        PrivilegeLevel maxPrivilege();

        void privilege(PrivilegeLevel level);
    }

    /** The responder's session table. */
    public interface Table<S> {
        /** The active session with this BMC-side ID, or null. */
        S active(int sessionId);

        /** Ends another session (its slot is released); the caller's own session ends after the reply. */
        void close(S session);
    }

    /**
     * @param reply       the answer to send in the caller's session
     * @param closeCaller true when the caller closed its own session: end it once the reply is sent
     */
    public record Outcome(Reply reply, boolean closeCaller) {}

    private final ResponderConfig config;
    private final Table<S> table;

    public SessionCommands(ResponderConfig config, Table<S> table) {
        this.config = config;
        this.table = table;
    }

    /** The answer when {@code request} is one of the session commands, empty otherwise. */
    public Optional<Outcome> handle(S caller, LanMessage request) {
        try {
            if (is(request, GetChannelAuthenticationCapabilities.ID)) {
                return Optional.of(new Outcome(AuthCapabilities.answer(config, request.body()), false));
            }
            if (is(request, SetSessionPrivilegeLevel.ID)) {
                return Optional.of(new Outcome(setPrivilege(caller, ByteReader.of(request.body())), false));
            }
            if (is(request, CloseSession.ID)) {
                return Optional.of(close(caller, ByteReader.of(request.body())));
            }
        } catch (MalformedMessageException e) {
            return Optional.of(new Outcome(Reply.error(CompletionCode.REQUEST_LENGTH_INVALID), false));
        }
        return Optional.empty();
    }

    static boolean is(LanMessage request, CommandId id) {
        return request.netFn() == id.netFn().code() && request.command() == id.cmd();
    }

    private static Reply setPrivilege(Session s, ByteReader in) {
        int level = in.u8("requested privilege level") & 0x0F;
        if (level != 0) {
            if (level < PrivilegeLevel.USER.code() || level > PrivilegeLevel.OEM.code()) {
                return Reply.error(CompletionCode.INVALID_DATA_FIELD);
            }
            if (level > s.maxPrivilege().code()) {
                return Reply.error(SetSessionPrivilegeLevel.EXCEEDS_LIMIT);
            }
            s.privilege(PrivilegeLevel.valueOf(level));
        }
        return Reply.ok(new SetSessionPrivilegeLevel.Response(s.privilege()));
    }

    private Outcome close(S caller, ByteReader in) {
        S target = table.active(in.i32("session ID"));
        if (target == null) {
            return new Outcome(Reply.error(CloseSession.INVALID_SESSION_ID), false);
        }
        if (target != caller && caller.privilege().code() < PrivilegeLevel.ADMINISTRATOR.code()) {
            return new Outcome(Reply.error(CompletionCode.INSUFFICIENT_PRIVILEGE), false);
        }
        if (target == caller) {
            return new Outcome(Reply.ok(), true);
        }
        table.close(target);
        return new Outcome(Reply.ok(), false);
    }
}
