package dev.ipmi.core.client;

import dev.ipmi.core.commands.app.GetUserAccess;
import dev.ipmi.core.commands.app.GetUserName;
import dev.ipmi.core.commands.app.SetUserAccess;
import dev.ipmi.core.commands.app.SetUserName;
import dev.ipmi.core.commands.app.SetUserPassword;
import dev.ipmi.core.commands.app.SetUserPassword.PasswordSize;
import dev.ipmi.core.internal.Futures;
import dev.ipmi.core.types.PrivilegeLevel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** User management (ipmitool's {@code user}), non-blocking. */
public final class AsyncUsers {
    private static final int INVALID_DATA_FIELD = 0xCC;
    private static final int PASSWORD_INCORRECT = 0x80;
    private static final int PASSWORD_WRONG_SIZE = 0x81;

    private final AsyncIpmiClient client;

    AsyncUsers(AsyncIpmiClient client) {
        this.client = client;
    }

    /** Get User Access for one user on one channel (also carries the channel's user counts). */
    public CompletableFuture<GetUserAccess.Response> access(int channel, int userId) {
        return client.execute(new GetUserAccess.Request(channel, userId));
    }

    /** Set User Access (ipmitool's {@code channel setaccess}). */
    public CompletableFuture<Void> setAccess(SetUserAccess.Request request) {
        return client.execute(request).thenApply(r -> (Void) null);
    }

    /** Only the privilege limit on a channel (ipmitool's {@code user priv}). */
    public CompletableFuture<Void> setPrivilege(int channel, int userId, PrivilegeLevel privilege) {
        return setAccess(SetUserAccess.Request.privilegeOnly(channel, userId, privilege));
    }

    /** Get User Name; an empty name for slots the BMC answers with CCh (unused on some BMCs). */
    public CompletableFuture<String> name(int userId) {
        return client.execute(new GetUserName.Request(userId)).thenApply(GetUserName.Response::name)
                .exceptionallyCompose(e -> AsyncChassis.isCompletionCode(e, INVALID_DATA_FIELD)
                        ? CompletableFuture.completedFuture("")
                        : CompletableFuture.failedFuture(Futures.unwrap(e)));
    }

    public CompletableFuture<Void> setName(int userId, String name) {
        return client.execute(new SetUserName.Request(userId, name)).thenApply(r -> (Void) null);
    }

    /**
     * Set User Password with the given stored size; the characters are encoded as UTF-8 and the
     * intermediate bytes wiped. The caller's array is not modified.
     */
    public CompletableFuture<Void> setPassword(int userId, char[] password, PasswordSize size) {
        byte[] pw = encode(password);
        try {
            return client.execute(new SetUserPassword.Request(userId, size, SetUserPassword.Operation.SET_PASSWORD, pw))
                    .thenApply(r -> (Void) null);
        } finally {
            Arrays.fill(pw, (byte) 0);
        }
    }

    /** Set User Password, 20-byte form when longer than 16 bytes (ipmitool's default). */
    public CompletableFuture<Void> setPassword(int userId, char[] password) {
        byte[] pw = encode(password);
        try {
            return setPassword(userId, password, pw.length > 16 ? PasswordSize.TWENTY : PasswordSize.SIXTEEN);
        } finally {
            Arrays.fill(pw, (byte) 0);
        }
    }

    /** Test whether {@code password} is the user's password in the given stored size. */
    public CompletableFuture<PasswordTest> testPassword(int userId, char[] password, PasswordSize size) {
        byte[] pw = encode(password);
        try {
            return client.execute(SetUserPassword.Request.test(userId, size, pw))
                    .thenApply(r -> PasswordTest.CORRECT)
                    .exceptionallyCompose(e -> {
                        if (AsyncChassis.isCompletionCode(e, PASSWORD_INCORRECT)) {
                            return CompletableFuture.completedFuture(PasswordTest.INCORRECT);
                        }
                        if (AsyncChassis.isCompletionCode(e, PASSWORD_WRONG_SIZE)) {
                            return CompletableFuture.completedFuture(PasswordTest.WRONG_SIZE);
                        }
                        return CompletableFuture.failedFuture(Futures.unwrap(e));
                    });
        } finally {
            Arrays.fill(pw, (byte) 0);
        }
    }

    public CompletableFuture<Void> enable(int userId) {
        return client.execute(SetUserPassword.Request.enable(userId)).thenApply(r -> (Void) null);
    }

    public CompletableFuture<Void> disable(int userId) {
        return client.execute(SetUserPassword.Request.disable(userId)).thenApply(r -> (Void) null);
    }

    /** The user counts of a channel (Get User Access for user 1). */
    public CompletableFuture<UserSummary> summary(int channel) {
        return access(channel, 1).thenApply(a -> new UserSummary(a.maxUserIds(), a.enabledUserIds(),
                a.fixedNameUserIds()));
    }

    /**
     * Every user slot 1..max on a channel, the way ipmitool's {@code user list} walks them: Get User
     * Access (which also says how many slots there are), then Get User Name, one slot after another.
     */
    public CompletableFuture<List<UserEntry>> list(int channel) {
        return access(channel, 1).thenCompose(first -> {
            int max = Math.min(first.maxUserIds(), 63);
            List<UserEntry> out = new ArrayList<>(max);
            CompletableFuture<Void> chain = name(1).thenAccept(n -> out.add(entry(1, n, first)));
            for (int id = 2; id <= max; id++) {
                int uid = id;
                chain = chain.thenCompose(v -> access(channel, uid))
                        .thenCompose(a -> name(uid).thenAccept(n -> out.add(entry(uid, n, a))));
            }
            return chain.thenApply(v -> List.copyOf(out));
        });
    }

    private static UserEntry entry(int id, String name, GetUserAccess.Response a) {
        return new UserEntry(id, name, !a.callbackOnly(), a.linkAuthEnabled(), a.ipmiMessagingEnabled(),
                a.privilegeLimit(), a.enableStatus());
    }

    private static byte[] encode(char[] password) {
        return dev.ipmi.core.internal.Secrets.utf8(password);
    }
}
