package dev.ipmi.core.client;

import dev.ipmi.core.commands.app.ChannelAccessUpdate;
import dev.ipmi.core.commands.app.GetChannelAccess;
import dev.ipmi.core.commands.app.GetChannelAuthenticationCapabilities;
import dev.ipmi.core.commands.app.GetChannelCipherSuites;
import dev.ipmi.core.commands.app.GetChannelInfo;
import dev.ipmi.core.commands.app.SetChannelAccess;
import dev.ipmi.core.internal.Futures;
import dev.ipmi.core.types.PrivilegeLevel;
import java.util.List;

/** Channel commands (ipmitool's {@code channel}); waits on {@link AsyncChannel}. */
public final class Channel {
    private final AsyncChannel async;

    Channel(AsyncChannel async) {
        this.async = async;
    }

    public GetChannelInfo.Response info(int channel) {
        return Futures.await(async.info(channel));
    }

    public GetChannelAccess.Response access(int channel, ChannelAccessUpdate which) {
        return Futures.await(async.access(channel, which));
    }

    public void setAccess(SetChannelAccess.Request request) {
        Futures.await(async.setAccess(request));
    }

    public GetChannelAuthenticationCapabilities.Response authCapabilities(int channel, PrivilegeLevel privilege) {
        return Futures.await(async.authCapabilities(channel, privilege));
    }

    public List<GetChannelCipherSuites.CipherSuiteRecord> cipherSuites(int channel) {
        return Futures.await(async.cipherSuites(channel));
    }
}
