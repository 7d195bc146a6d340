package dev.ipmi.lanplus.internal;

import dev.ipmi.core.client.RetryPolicy;
import dev.ipmi.core.event.IpmiEventListener;
import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.lan.engine.RequestTracker;
import dev.ipmi.core.types.CipherSuite;
import dev.ipmi.core.options.CipherSuiteCache;
import dev.ipmi.core.options.Quirk;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Set;

/** What the {@link LanPlusMachine} needs from the options (secrets are copied in and wiped by the machine). */
public record LanPlusConfig(InetSocketAddress bmc, byte[] userName, byte[] password, byte[] kg,
                            PrivilegeLevel privilege, CipherSuite cipherSuite, boolean nameOnlyLookup,
                            RetryPolicy retryPolicy,
                            IpmiEventListener listener, CipherSuiteCache cache, Duration keepaliveInterval,
                            boolean reloginOnSessionLoss, Set<Quirk> quirks, int window) {
    /** With the default window ({@value RequestTracker#DEFAULT_WINDOW} requests in flight). */
    public LanPlusConfig(InetSocketAddress bmc, byte[] userName, byte[] password, byte[] kg, PrivilegeLevel privilege,
                         CipherSuite cipherSuite, boolean nameOnlyLookup, RetryPolicy retryPolicy,
                         IpmiEventListener listener, CipherSuiteCache cache, Duration keepaliveInterval,
                         boolean reloginOnSessionLoss, Set<Quirk> quirks) {
        this(bmc, userName, password, kg, privilege, cipherSuite, nameOnlyLookup, retryPolicy, listener, cache,
                keepaliveInterval, reloginOnSessionLoss, quirks, RequestTracker.DEFAULT_WINDOW);
    }

    @Override
    public String toString() {
        return "LanPlusConfig[" + bmc + ", " + privilege + ", " + cipherSuite + ", secrets redacted]";
    }
}
