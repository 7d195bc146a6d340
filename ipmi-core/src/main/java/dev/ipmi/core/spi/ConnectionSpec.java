package dev.ipmi.core.spi;

import dev.ipmi.core.client.RetryPolicy;
import dev.ipmi.core.event.IpmiEventListener;
import dev.ipmi.core.types.AuthType;
import dev.ipmi.core.types.PrivilegeLevel;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * Everything a {@link TransportProvider} needs to open a session. Built by
 * {@code IpmiClient.Builder}; secrets are held as arrays that the provider wipes once the session
 * keys are derived, and never appear in {@link #toString()}.
 *
 * @param kind              "lan" (IPMI 1.5) or "lanplus" (IPMI 2.0 / RMCP+)
 * @param host              BMC host name or address
 * @param port              UDP port
 * @param username          user name, empty for the null user
 * @param password          password characters (wiped by the provider after use)
 * @param kg                BMC key for RMCP+ two-key logins, or null (one-key login)
 * @param privilege         privilege level to request
 * @param cipherSuite       RMCP+ cipher suite ID, or {@link #CIPHER_SUITE_AUTO}
 * @param authType          IPMI 1.5 authentication type, or null for the strongest offered
 * @param allowCipherZero   whether suite 0 (no authentication) may be used
 * @param allowInsecureAuth whether IPMI 1.5 auth types NONE and PASSWORD may be used
 * @param retry             retransmission policy
 * @param listener          event listener (never null)
 * @param quirks            names of vendor workarounds to enable
 * @param callbackExecutor  where futures complete, or null for the transport's default pool (the
 *                          facade applies it; providers may ignore it)
 */
public record ConnectionSpec(String kind, String host, int port, String username, char[] password, byte[] kg,
                             PrivilegeLevel privilege, int cipherSuite, AuthType authType, boolean allowCipherZero,
                             boolean allowInsecureAuth, RetryPolicy retry, IpmiEventListener listener,
                             Set<String> quirks, Executor callbackExecutor) {
    public static final int CIPHER_SUITE_AUTO = -1;

    public ConnectionSpec {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(privilege, "privilege");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(listener, "listener");
        quirks = Set.copyOf(quirks);
        if (port < 1 || port > 0xFFFF) {
            throw new IllegalArgumentException("port out of range 1..65535: " + port);
        }
        if (cipherSuite < CIPHER_SUITE_AUTO || cipherSuite > 0xFF) {
            throw new IllegalArgumentException("cipher suite out of range: " + cipherSuite);
        }
    }

    /** Overwrites the password and Kg arrays with zeros. */
    public void wipeSecrets() {
        Arrays.fill(password, '\0');
        if (kg != null) {
            Arrays.fill(kg, (byte) 0);
        }
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return "ConnectionSpec[" + kind + "://" + username + "@" + host + ":" + port + ", privilege=" + privilege
                + ", cipherSuite=" + (cipherSuite == CIPHER_SUITE_AUTO ? "AUTO" : cipherSuite)
                + ", authType=" + (authType == null ? "strongest" : authType)
                + ", password=<redacted>, kg=" + (kg == null ? "none" : "<redacted>") + ", quirks=" + quirks + "]";
    }
}
