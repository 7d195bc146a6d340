package dev.ipmi.core.client;

import dev.ipmi.core.commands.app.GetUserAccess;
import dev.ipmi.core.commands.app.SetUserAccess;
import dev.ipmi.core.commands.app.SetUserPassword.PasswordSize;
import dev.ipmi.core.internal.Futures;
import dev.ipmi.core.types.PrivilegeLevel;
import java.util.List;

/** User management (ipmitool's {@code user}); waits on {@link AsyncUsers}. */
public final class Users {
    private final AsyncUsers async;

    Users(AsyncUsers async) {
        this.async = async;
    }

    public GetUserAccess.Response access(int channel, int userId) {
        return Futures.await(async.access(channel, userId));
    }

    public void setAccess(SetUserAccess.Request request) {
        Futures.await(async.setAccess(request));
    }

    public void setPrivilege(int channel, int userId, PrivilegeLevel privilege) {
        Futures.await(async.setPrivilege(channel, userId, privilege));
    }

    public String name(int userId) {
        return Futures.await(async.name(userId));
    }

    public void setName(int userId, String name) {
        Futures.await(async.setName(userId, name));
    }

    public void setPassword(int userId, char[] password) {
        Futures.await(async.setPassword(userId, password));
    }

    public void setPassword(int userId, char[] password, PasswordSize size) {
        Futures.await(async.setPassword(userId, password, size));
    }

    public PasswordTest testPassword(int userId, char[] password, PasswordSize size) {
        return Futures.await(async.testPassword(userId, password, size));
    }

    public void enable(int userId) {
        Futures.await(async.enable(userId));
    }

    public void disable(int userId) {
        Futures.await(async.disable(userId));
    }

    public UserSummary summary(int channel) {
        return Futures.await(async.summary(channel));
    }

    /** Every user slot on the channel, like ipmitool's {@code user list}. */
    public List<UserEntry> list(int channel) {
        return Futures.await(async.list(channel));
    }
}
