package dev.ipmi.bmc;

import dev.ipmi.bmc.internal.BmcDispatcher;
import dev.ipmi.bmc.internal.RmcpPlusResponder;
import dev.ipmi.core.types.AuthType;
import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.lan.engine.Rmcp;
import dev.ipmi.bmc.BmcUser;
import dev.ipmi.bmc.internal.Ipmi15Responder;
import dev.ipmi.bmc.internal.ResponderConfig;
import dev.ipmi.bmc.internal.SessionSlots;
import dev.ipmi.bmc.Sink;
import dev.ipmi.core.types.CipherSuite;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * A virtual BMC: the IPMI 1.5 and RMCP+ responders, the command dispatcher and a {@link BmcBackend},
 * for one UDP port. It owns no socket and no thread: host it in a {@link VirtualBmcServer} (one
 * server, one I/O thread, any number of BMCs), or drive it directly with {@link #onDatagram} and
 * {@link #onTimer} in tests.
 *
 * <pre>{@code
 * VirtualBmc bmc = VirtualBmc.builder()
 *         .user("admin", "password".getBytes(US_ASCII), PrivilegeLevel.ADMINISTRATOR)
 *         .cipherSuites(CipherSuite.SUITE_3, CipherSuite.SUITE_17)
 *         .backend(InMemoryBackend.create())
 *         .build();
 * try (VirtualBmcServer server = VirtualBmcServer.start()) {
 *     int port = server.add(bmc).getPort();
 *     ...
 * }
 * }</pre>
 */
public final class VirtualBmc {
    private final int port;
    private final java.net.InetAddress address;
    private final BmcBackend backend;
    private final List<CipherSuite> suites;
    private final Set<BmcQuirk> quirks;
    private final ResponderConfig config;
    private final Ipmi15Responder ipmi15;
    private final RmcpPlusResponder rmcpPlus;
    private int boundPort;
    private final long serviceNanos;
    private final long jitterNanos;

    private VirtualBmc(Builder b) {
        this.port = b.port;
        this.address = b.address;
        this.backend = b.backend;
        this.suites = List.copyOf(b.suites);
        this.quirks = b.quirks.isEmpty() ? Set.of() : EnumSet.copyOf(b.quirks);
        this.config = new ResponderConfig(b.channel, b.users, b.authTypes, !suites.isEmpty(), b.kg != null,
                b.sessionLimit, b.idleTimeout.toNanos(), quirks, b.halfOpenLimit, b.halfOpenTimeout.toNanos());
        SessionSlots slots = new SessionSlots(b.sessionLimit);
        BmcDispatcher dispatcher = new BmcDispatcher(backend, b.users, suites, quirks, b.channel,
                b.authTypes.stream().mapToInt(AuthType::mask).reduce(0, (x, y) -> x | y));
        RandomGenerator random = b.random != null ? b.random : new SecureRandom();
        this.ipmi15 = new Ipmi15Responder(config, dispatcher, slots, random);
        this.rmcpPlus = new RmcpPlusResponder(config, suites, b.kg, backend.systemGuid(), quirks, this::boundPort, dispatcher,
                slots, backend::solConsole, random);
        this.boundPort = port;
        this.serviceNanos = b.serviceTime.toNanos();
        this.jitterNanos = b.jitter.toNanos();
    }

    /** The simulated service time of a reply (zero: answered at once). */
    public Duration serviceTime() {
        return Duration.ofNanos(serviceNanos);
    }

    /** How long the next reply waits: the service time plus a uniform jitter. */
    long replyDelayNanos(java.util.random.RandomGenerator random) {
        return serviceNanos + (jitterNanos > 0 ? random.nextLong(jitterNanos + 1) : 0);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The configured port (0 = any free port, see {@link VirtualBmcServer#add}). */
    public int port() {
        return port;
    }

    /** The address to bind, if this BMC asks for its own (otherwise the server's). */
    public java.util.Optional<java.net.InetAddress> address() {
        return java.util.Optional.ofNullable(address);
    }

    public BmcBackend backend() {
        return backend;
    }

    public List<CipherSuite> cipherSuites() {
        return suites;
    }

    public Set<BmcQuirk> quirks() {
        return quirks;
    }

    /** Sessions open over both protocols (including RMCP+ sessions still in their handshake). */
    public int sessions() {
        return ipmi15.activeSessions() + rmcpPlus.sessions();
    }

    /** Sessions logged in over both protocols: the session slots in use. */
    public int activeSessions() {
        return ipmi15.activeSessions() + rmcpPlus.activeSessions();
    }

    /** The session slot count (see {@link Builder#sessionLimit}). */
    public int sessionLimit() {
        return config.sessionLimit();
    }

    void boundTo(int actualPort) {
        this.boundPort = actualPort;
    }

    /** Replies a backend finishes later are sent from {@code ioThread} (the hosting server's loop). */
    void runDeferredRepliesOn(java.util.concurrent.Executor ioThread) {
        ipmi15.deferredReplies().runOn(ioThread);
        rmcpPlus.deferredReplies().runOn(ioThread);
    }

    /** The port it is bound to once hosted. */
    public int boundPort() {
        return boundPort;
    }

    /** Routes one datagram: RMCP+ (auth type 06h) or IPMI 1.5 / ASF. Never throws for bad input. */
    public void onDatagram(SocketAddress from, byte[] datagram, long now, Sink sink) {
        if (Rmcp.sessionAuthType(datagram).orElse(-1) == AuthType.RMCP_PLUS.code()) {
            rmcpPlus.onDatagram(from, datagram, now, sink);
        } else {
            ipmi15.onDatagram(from, datagram, now, sink);
        }
    }

    /** Expires idle sessions and moves SOL output. */
    public void onTimer(long now, Sink sink) {
        ipmi15.onTimer(now);
        rmcpPlus.onTimer(now, sink);
    }

    boolean hasSessions() {
        return ipmi15.activeSessions() > 0 || rmcpPlus.hasSessions();
    }

    public long dropped() {
        return ipmi15.dropped() + rmcpPlus.dropped();
    }

    @Override
    public String toString() {
        return "VirtualBmc[port " + boundPort + ", suites " + suites.stream().map(CipherSuite::id).toList()
                + ", quirks " + quirks + ", " + config.users().size() + " users]";
    }

    /**
     * Defaults: port 0 (a free port chosen when hosted); no users (add at least one);
     * cipher suites 3 and 17; IPMI 1.5 auth types MD5 and straight password; channel 1; 8 sessions;
     * 60 s idle timeout; at most 64 logins in their handshake, each forgotten after 3 s; no K_G; no quirks;
     * an {@link InMemoryBackend}.
     */
    public static final class Builder {
        private int port;
        private java.net.InetAddress address;
        private final List<BmcUser> users = new ArrayList<>();
        private List<CipherSuite> suites = List.of(CipherSuite.SUITE_3, CipherSuite.SUITE_17);
        private Set<AuthType> authTypes = Set.of(AuthType.MD5, AuthType.PASSWORD);
        private byte[] kg;
        private final Set<BmcQuirk> quirks = new LinkedHashSet<>();
        private BmcBackend backend;
        private int channel = 1;
        private int sessionLimit = 8;
        private Duration idleTimeout = Duration.ofSeconds(60);
        private Duration serviceTime = Duration.ZERO;
        private Duration jitter = Duration.ZERO;
        private int halfOpenLimit = ResponderConfig.DEFAULT_HALF_OPEN_LIMIT;
        private Duration halfOpenTimeout = Duration.ofNanos(ResponderConfig.DEFAULT_HALF_OPEN_TIMEOUT_NANOS);
        private RandomGenerator random;

        public Builder port(int port) {
            if (port < 0 || port > 0xFFFF) {
                throw new IllegalArgumentException("port must be 0..65535: " + port);
            }
            this.port = port;
            return this;
        }

        /** The address to bind (default: the hosting server's). */
        public Builder address(java.net.InetAddress address) {
            this.address = address;
            return this;
        }

        /** Adds a user with the next free user ID (starting at 2, as BMCs keep 1 for the anonymous user). */
        public Builder user(String name, byte[] password, PrivilegeLevel maxPrivilege) {
            users.add(new BmcUser(users.size() + 2, name, password, maxPrivilege));
            return this;
        }

        public Builder user(String name, String password, PrivilegeLevel maxPrivilege) {
            return user(name, password.getBytes(StandardCharsets.UTF_8), maxPrivilege);
        }

        /** Cipher suites offered over RMCP+, in preference order; empty disables RMCP+. */
        public Builder cipherSuites(CipherSuite... suites) {
            this.suites = List.of(suites);
            return this;
        }

        public Builder cipherSuites(List<CipherSuite> suites) {
            this.suites = List.copyOf(suites);
            return this;
        }

        /** IPMI 1.5 auth types accepted; empty disables IPMI 1.5 sessions. */
        public Builder authTypes(Set<AuthType> types) {
            for (AuthType t : types) {
                if (!(t.equals(AuthType.NONE) || t.equals(AuthType.MD2) || t.equals(AuthType.MD5)
                        || t.equals(AuthType.PASSWORD))) {
                    throw new IllegalArgumentException("unsupported IPMI 1.5 auth type " + t);
                }
            }
            this.authTypes = Set.copyOf(types);
            return this;
        }

        /** The BMC key K_G (at most 20 bytes); copied. */
        public Builder kg(byte[] kg) {
            if (kg != null && kg.length > 20) {
                throw new IllegalArgumentException("K_G is at most 20 bytes");
            }
            this.kg = kg == null ? null : kg.clone();
            return this;
        }

        public Builder quirk(BmcQuirk quirk) {
            quirks.add(Objects.requireNonNull(quirk));
            return this;
        }

        public Builder quirks(Set<BmcQuirk> quirks) {
            this.quirks.addAll(quirks);
            return this;
        }

        public Builder backend(BmcBackend backend) {
            this.backend = Objects.requireNonNull(backend);
            return this;
        }

        public Builder channel(int channel) {
            this.channel = channel;
            return this;
        }

        /** Most sessions logged in at once over both protocols (session slots); logins still in their handshake do not count. */
        public Builder sessionLimit(int limit) {
            if (limit < 1 || limit > 0xFFFF) {
                throw new IllegalArgumentException("sessionLimit must be 1..65535: " + limit);
            }
            this.sessionLimit = limit;
            return this;
        }

        /**
         * Most RMCP+ logins in their handshake (Open Session or RAKP1 seen, RAKP3 not yet); when full, the
         * oldest is forgotten for a new one. They take no session slot, so half-open logins never lock
         * out a user who completes RAKP3.
         */
        public Builder halfOpenLimit(int limit) {
            if (limit < 1 || limit > 0xFFFF) {
                throw new IllegalArgumentException("halfOpenLimit must be 1..65535: " + limit);
            }
            this.halfOpenLimit = limit;
            return this;
        }

        /** A login that has not finished its handshake within this time is forgotten. */
        public Builder halfOpenTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("halfOpenTimeout must be positive: " + timeout);
            }
            this.halfOpenTimeout = timeout;
            return this;
        }

        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = timeout;
            return this;
        }

        /**
         * Answers every datagram after {@code serviceTime} plus a uniform random {@code jitter}, as a
         * real BMC's firmware takes milliseconds per command: fan-out and pooling measured against
         * BMC-like timing, not loopback speed. Default zero (at once).
         */
        public Builder serviceTime(Duration serviceTime, Duration jitter) {
            if (serviceTime.isNegative() || jitter.isNegative()) {
                throw new IllegalArgumentException("serviceTime and jitter must not be negative");
            }
            this.serviceTime = serviceTime;
            this.jitter = jitter;
            return this;
        }

        /** Source of session IDs, challenges and random numbers; default SecureRandom. For tests. */
        public Builder random(RandomGenerator random) {
            this.random = random;
            return this;
        }

        public VirtualBmc build() {
            if (users.isEmpty()) {
                throw new IllegalArgumentException("a virtual BMC needs at least one user");
            }
            if (suites.isEmpty() && authTypes.isEmpty()) {
                throw new IllegalArgumentException("neither RMCP+ suites nor IPMI 1.5 auth types are enabled");
            }
            for (CipherSuite s : suites) {
                if (s.isAuto()) {
                    throw new IllegalArgumentException("AUTO is not a suite a BMC can offer");
                }
            }
            if (backend == null) {
                backend = InMemoryBackend.create();
            }
            return new VirtualBmc(this);
        }
    }
}
