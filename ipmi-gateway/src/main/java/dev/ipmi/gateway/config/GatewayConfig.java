package dev.ipmi.gateway.config;

import dev.ipmi.gateway.auth.Command;
import dev.ipmi.gateway.auth.Role;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The gateway's configuration, parsed once at start-up by {@link ConfigLoader}. Every key is
 * documented in {@code ipmi-gateway/README.md}. Secrets (BMC passwords, the key store password)
 * are held as {@code char[]} and never appear in {@code toString()}.
 */
public record GatewayConfig(String listenHost, int listenPort, Optional<Tls> tls, List<String> corsOrigins,
                            Limits limits, List<Bmc> bmcs, List<ApiKey> apiKeys, List<User> users,
                            Optional<String> sidecarBmc) {

    public GatewayConfig {
        tls = Optional.ofNullable(tls).flatMap(t -> t);
        sidecarBmc = Optional.ofNullable(sidecarBmc).flatMap(b -> b);
        corsOrigins = List.copyOf(corsOrigins);
        bmcs = List.copyOf(bmcs);
        apiKeys = List.copyOf(apiKeys);
        users = List.copyOf(users);
    }

    /** A copy listening elsewhere (tests bind to port 0). */
    public GatewayConfig withListen(String host, int port) {
        return new GatewayConfig(host, port, tls, corsOrigins, limits, bmcs, apiKeys, users, sidecarBmc);
    }

    /**
     * The BMC of the sidecar routes ({@code /power/...}): {@code sidecar.bmc} when configured, else
     * the only BMC of the file; empty when there are none or several and none is named.
     */
    public Optional<String> sidecar() {
        if (sidecarBmc.isPresent()) {
            return sidecarBmc;
        }
        return bmcs.size() == 1 ? Optional.of(bmcs.get(0).name()) : Optional.empty();
    }

    public Optional<Bmc> bmc(String name) {
        return bmcs.stream().filter(b -> b.name().equals(name)).findFirst();
    }

    /** TLS with a PKCS#12 key store. */
    public record Tls(String keystore, char[] password) {
        @Override
        public String toString() {
            return "Tls[keystore=" + keystore + ", password=***]";
        }
    }

    /**
     * Numbers that bound what one client can make the gateway do.
     *
     * @param maxBodyBytes        largest request body accepted (413 above)
     * @param tokenTtl            lifetime of a login token
     * @param loginFailures       failed logins per user name (and per client address) before a lockout
     * @param loginLockout        how long a lockout lasts
     * @param powerWait           longest wait for {@code "wait": true} power actions
     * @param bmcTimeout          first timeout of a BMC request (grows ×1.5 per retry)
     * @param bmcRetries          retransmissions of a BMC request
     * @param consoleBufferBytes  output queued for one console client before it is dropped as too slow
     */
    public record Limits(long maxBodyBytes, Duration tokenTtl, int loginFailures, Duration loginLockout,
                         Duration powerWait, Duration bmcTimeout, int bmcRetries, int consoleBufferBytes) {
        public static Limits defaults() {
            return new Limits(64 * 1024, Duration.ofMinutes(15), 5, Duration.ofMinutes(1), Duration.ofSeconds(60),
                    Duration.ofSeconds(1), 3, 256 * 1024);
        }
    }

    /** One BMC the gateway may reach; {@code name} is used in URLs. {@code cipherSuite} -1 = auto. */
    public record Bmc(String name, String host, int port, String username, char[] password, int cipherSuite,
                      Map<String, String> labels) {
        public Bmc {
            // insertion order kept: labels are shown as written in the file
            labels = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(labels));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Bmc b && b.name.equals(name) && b.host.equals(host) && b.port == port
                    && b.username.equals(username) && Arrays.equals(b.password, password)
                    && b.cipherSuite == cipherSuite && b.labels.equals(labels);
        }

        @Override
        public int hashCode() {
            return name.hashCode();
        }

        @Override
        public String toString() {
            return "Bmc[name=" + name + ", host=" + host + ", port=" + port + ", username=" + username
                    + ", password=***, cipherSuite=" + (cipherSuite < 0 ? "auto" : cipherSuite) + ", labels=" + labels + "]";
        }
    }

    /**
     * A machine client: the key's SHA-256 (hex), its role, the BMC name globs it may see and the
     * commands it may run ({@link Command#all()} when the file gives no {@code commands:} list).
     */
    public record ApiKey(String name, String sha256, Role role, List<String> bmcs, Set<Command> commands) {
        public ApiKey {
            bmcs = List.copyOf(bmcs);
            commands = Set.copyOf(commands);
        }

        @Override
        public String toString() {
            return "ApiKey[name=" + name + ", role=" + role + ", bmcs=" + bmcs + ", commands=" + commands.size() + "]";
        }
    }

    /** A person: a PBKDF2 password hash (see {@code hash-password}), a role, BMC name globs and an allow-list as for keys. */
    public record User(String name, String passwordHash, Role role, List<String> bmcs, Set<Command> commands) {
        public User {
            bmcs = List.copyOf(bmcs);
            commands = Set.copyOf(commands);
        }

        @Override
        public String toString() {
            return "User[name=" + name + ", role=" + role + ", bmcs=" + bmcs + ", commands=" + commands.size() + "]";
        }
    }
}
