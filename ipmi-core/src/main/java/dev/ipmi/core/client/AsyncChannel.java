package dev.ipmi.core.client;

import dev.ipmi.core.commands.app.ChannelAccessUpdate;
import dev.ipmi.core.commands.app.GetChannelAccess;
import dev.ipmi.core.commands.app.GetChannelAuthenticationCapabilities;
import dev.ipmi.core.commands.app.GetChannelCipherSuites;
import dev.ipmi.core.commands.app.GetChannelInfo;
import dev.ipmi.core.commands.app.SetChannelAccess;
import dev.ipmi.core.types.PrivilegeLevel;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Channel commands (ipmitool's {@code channel}), non-blocking. */
public final class AsyncChannel {
    private static final int PAYLOAD_IPMI = 0x00;

    private final AsyncIpmiClient client;

    AsyncChannel(AsyncIpmiClient client) {
        this.client = client;
    }

    /** Get Channel Info (0Eh = the channel this session runs on). */
    public CompletableFuture<GetChannelInfo.Response> info(int channel) {
        return client.execute(new GetChannelInfo.Request(channel));
    }

    /** Get Channel Access: the active (volatile) or stored (non-volatile) settings. */
    public CompletableFuture<GetChannelAccess.Response> access(int channel, ChannelAccessUpdate which) {
        return client.execute(new GetChannelAccess.Request(channel, which));
    }

    /** Set Channel Access. */
    public CompletableFuture<Void> setAccess(SetChannelAccess.Request request) {
        return client.execute(request).thenApply(r -> (Void) null);
    }

    /**
     * Get Channel Authentication Capabilities with the IPMI v2.0 extended data bit. Note that some
     * BMCs (ipmi_sim among them) answer this only outside a session.
     */
    public CompletableFuture<GetChannelAuthenticationCapabilities.Response> authCapabilities(
            int channel, PrivilegeLevel privilege) {
        return client.execute(new GetChannelAuthenticationCapabilities.Request(true, channel, privilege));
    }

    /**
     * The IPMI-payload cipher suites of a channel: reads pages until a short one (at most 64 pages)
     * and parses the record stream.
     */
    public CompletableFuture<List<GetChannelCipherSuites.CipherSuiteRecord>> cipherSuites(int channel) {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        return page(channel, 0, stream).thenApply(v -> GetChannelCipherSuites.parseRecords(stream.toByteArray()));
    }

    private CompletableFuture<Void> page(int channel, int index, ByteArrayOutputStream stream) {
        return client.execute(new GetChannelCipherSuites.Request(channel, PAYLOAD_IPMI, index)).thenCompose(r -> {
            stream.writeBytes(r.recordData().toByteArray());
            if (r.isLastPage() || index == GetChannelCipherSuites.MAX_LIST_INDEX) {
                return CompletableFuture.completedFuture(null);
            }
            return page(channel, index + 1, stream);
        });
    }
}
