package dev.ipmi.core.fleet;

import dev.ipmi.core.client.RetryPolicy;
import dev.ipmi.core.spi.ConnectionSpec;
import dev.ipmi.core.types.AuthType;
import dev.ipmi.core.types.PrivilegeLevel;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * How to reach and log in to one BMC of a fleet: transport, address, credentials, cipher suite and
 * vendor quirks. Immutable; the password and Kg are copied in and out and never appear in
 * {@link #toString()}. Made by {@link #builder(String)}; a {@link BmcDirectory} hands them out by name.
 *
 * <p>Defaults: RMCP+ ({@code "lanplus"}), port 623, the null user with an empty password,
 * privilege ADMINISTRATOR, cipher suite AUTO, no Kg, no quirks, {@link RetryPolicy#defaults()}.
 */
public final class BmcEndpoint {
    private final String name;
    private final String kind;
    private final String host;
    private final int port;
    private final String username;
    private final char[] password;
    private final byte[] kg;
    private final PrivilegeLevel privilege;
    private final int cipherSuite;
    private final AuthType authType;
    private final Set<String> quirks;
    private final RetryPolicy retry;

    private BmcEndpoint(Builder b) {
        this.host = b.host;
        this.port = b.port;
        this.name = b.name != null ? b.name : (port == 623 ? host : HostNames.join(host, port));
        this.kind = b.kind;
        this.username = b.username;
        this.password = b.password.clone();
        this.kg = b.kg == null ? null : b.kg.clone();
        this.privilege = b.privilege;
        this.cipherSuite = b.cipherSuite;
        this.authType = b.authType;
        this.quirks = Set.copyOf(b.quirks);
        this.retry = b.retry;
    }

    /** A builder for the BMC at {@code host} (a name or address; no port). */
    public static Builder builder(String host) {
        return new Builder(host);
    }

    /** The name the fleet knows this BMC by: the directory's key; default host, or host:port off 623. */
    public String name() {
        return name;
    }

    /** "lanplus" (IPMI 2.0 / RMCP+) or "lan" (IPMI 1.5). */
    public String kind() {
        return kind;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String username() {
        return username;
    }

    /** A copy of the password; wipe it after use. */
    public char[] password() {
        return password.clone();
    }

    /** A copy of the BMC key, or null for a one-key login. */
    public byte[] kg() {
        return kg == null ? null : kg.clone();
    }

    public PrivilegeLevel privilege() {
        return privilege;
    }

    /** RMCP+ cipher suite ID, or {@link ConnectionSpec#CIPHER_SUITE_AUTO}. */
    public int cipherSuite() {
        return cipherSuite;
    }

    /** IPMI 1.5 authentication type, or null for the strongest the BMC offers. */
    public AuthType authType() {
        return authType;
    }

    public Set<String> quirks() {
        return quirks;
    }

    public RetryPolicy retry() {
        return retry;
    }

    /** This endpoint with another builder step applied (e.g. a per-host password from a vault). */
    public Builder toBuilder() {
        Builder b = new Builder(host).name(name).kind(kind).port(port).credentials(username, password)
                .privilege(privilege).cipherSuite(cipherSuite).authType(authType).retry(retry);
        if (kg != null) {
            b.kg(kg);
        }
        quirks.forEach(b::quirk);
        return b;
    }

    @Override
    public String toString() {
        return "BmcEndpoint[" + name + " = " + kind + "://" + username + "@" + HostNames.join(host, port)
                + ", privilege=" + privilege + ", cipherSuite="
                + (cipherSuite == ConnectionSpec.CIPHER_SUITE_AUTO ? "AUTO" : cipherSuite)
                + ", password=<redacted>, kg=" + (kg == null ? "none" : "<redacted>") + ", quirks=" + quirks + "]";
    }

    public static final class Builder {
        private String name;
        private String kind = "lanplus";
        private final String host;
        private int port = 623;
        private String username = "";
        private char[] password = new char[0];
        private byte[] kg;
        private PrivilegeLevel privilege = PrivilegeLevel.ADMINISTRATOR;
        private int cipherSuite = ConnectionSpec.CIPHER_SUITE_AUTO;
        private AuthType authType;
        private final Set<String> quirks = new LinkedHashSet<>();
        private RetryPolicy retry = RetryPolicy.defaults();

        private Builder(String host) {
            this.host = Objects.requireNonNull(host, "host");
            if (host.isBlank()) {
                throw new IllegalArgumentException("host must not be blank");
            }
        }

        /** The fleet's name for this BMC (default: host, or host:port when the port is not 623). */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /** "lanplus" (default) or "lan". */
        public Builder kind(String kind) {
            if (!"lan".equals(kind) && !"lanplus".equals(kind)) {
                throw new IllegalArgumentException("kind must be \"lan\" or \"lanplus\": " + kind);
            }
            this.kind = kind;
            return this;
        }

        public Builder port(int port) {
            if (port < 1 || port > 0xFFFF) {
                throw new IllegalArgumentException("port out of range 1..65535: " + port);
            }
            this.port = port;
            return this;
        }

        /** User name and password (copied). */
        public Builder credentials(String username, char[] password) {
            this.username = Objects.requireNonNull(username, "username");
            Arrays.fill(this.password, '\0');
            this.password = Objects.requireNonNull(password, "password").clone();
            return this;
        }

        /** The BMC key for RMCP+ two-key logins (copied); null for none. */
        public Builder kg(byte[] kg) {
            this.kg = kg == null ? null : kg.clone();
            return this;
        }

        public Builder privilege(PrivilegeLevel privilege) {
            this.privilege = Objects.requireNonNull(privilege, "privilege");
            return this;
        }

        public Builder cipherSuite(int id) {
            if (id < ConnectionSpec.CIPHER_SUITE_AUTO || id > 0xFF) {
                throw new IllegalArgumentException("cipherSuite out of range: " + id);
            }
            this.cipherSuite = id;
            return this;
        }

        public Builder authType(AuthType authType) {
            this.authType = authType;
            return this;
        }

        /** A named vendor workaround (see the transport's {@code Quirk}). */
        public Builder quirk(String quirk) {
            quirks.add(Objects.requireNonNull(quirk, "quirk"));
            return this;
        }

        public Builder retry(RetryPolicy retry) {
            this.retry = Objects.requireNonNull(retry, "retry");
            return this;
        }

        public BmcEndpoint build() {
            return new BmcEndpoint(this);
        }
    }
}
