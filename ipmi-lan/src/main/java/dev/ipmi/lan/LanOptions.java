package dev.ipmi.lan;

import dev.ipmi.core.types.AuthType;
import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.core.event.IpmiEventListener;
import dev.ipmi.lan.engine.RequestTracker;
import dev.ipmi.core.client.RetryPolicy;
import dev.ipmi.lan.engine.UdpEngine;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of an IPMI 1.5 LAN session ({@link LanSession}). Immutable, built with {@link #builder(String)}.
 *
 * <p>Defaults:
 * <ul>
 *   <li>port 623</li>
 *   <li>user name empty (the null user), password empty</li>
 *   <li>auth type: automatic — the strongest the BMC offers of MD5, then MD2; straight password
 *       and NONE only after {@link Builder#allowInsecureAuthentication(boolean)}</li>
 *   <li>privilege {@link PrivilegeLevel#ADMINISTRATOR} (as ipmitool)</li>
 *   <li>retry {@link RetryPolicy#DEFAULT} (1 s, growing, 4 retries)</li>
 *   <li>window {@value RequestTracker#DEFAULT_WINDOW} requests in flight</li>
 *   <li>keepalive after 30 s without traffic (Get Device ID); {@link Duration#ZERO} disables it</li>
 *   <li>engine {@link UdpEngine#shared()}; listener {@link IpmiEventListener#NONE} (events are
 *       also logged at DEBUG)</li>
 * </ul>
 *
 * <p>The password is copied into the options (as bytes); {@link #toString()} never shows it.
 * Call {@link #wipePassword()} when the options are no longer needed; sessions keep their own
 * copy and wipe it when they end.
 */
public final class LanOptions {
    public static final int DEFAULT_PORT = 623;
    public static final Duration DEFAULT_KEEPALIVE = Duration.ofSeconds(30);

    private final String host;
    private final int port;
    private final byte[] userName;
    private final byte[] password;
    private final AuthType authType;
    private final boolean allowInsecure;
    private final PrivilegeLevel privilege;
    private final RetryPolicy retry;
    private final int window;
    private final Duration keepalive;
    private final UdpEngine engine;
    private final IpmiEventListener listener;

    private LanOptions(Builder b) {
        host = b.host;
        port = b.port;
        userName = b.userName.clone();
        password = b.password.clone();
        authType = b.authType;
        allowInsecure = b.allowInsecure;
        privilege = b.privilege;
        retry = b.retry;
        window = b.window;
        keepalive = b.keepalive;
        engine = b.engine;
        listener = b.listener;
    }

    /** A builder for a session to {@code host} (name or address literal). */
    public static Builder builder(String host) {
        return new Builder(host);
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public byte[] userName() {
        return userName.clone();
    }

    /** A copy of the password bytes; the caller should wipe it after use. */
    byte[] passwordCopy() {
        return password.clone();
    }

    /** Overwrites this object's copy of the password with zeros. Sessions opened later then use an empty password. */
    public void wipePassword() {
        Arrays.fill(password, (byte) 0);
    }

    /** The auth type forced by the caller, or empty for automatic choice. */
    public Optional<AuthType> authType() {
        return Optional.ofNullable(authType);
    }

    public boolean allowInsecureAuthentication() {
        return allowInsecure;
    }

    public PrivilegeLevel privilege() {
        return privilege;
    }

    public RetryPolicy retry() {
        return retry;
    }

    public int window() {
        return window;
    }

    public Duration keepalive() {
        return keepalive;
    }

    public UdpEngine engine() {
        return engine;
    }

    public IpmiEventListener listener() {
        return listener;
    }

    @Override
    public String toString() {
        return "LanOptions[" + host + ":" + port + ", user=" + new String(userName, StandardCharsets.UTF_8)
                + ", auth=" + (authType == null ? "auto" : authType) + ", privilege=" + privilege + ", retry=" + retry
                + ", window=" + window + ", keepalive=" + keepalive + "]";
    }

    /** Builder; see {@link LanOptions} for defaults. */
    public static final class Builder {
        private final String host;
        private int port = DEFAULT_PORT;
        private byte[] userName = new byte[0];
        private byte[] password = new byte[0];
        private AuthType authType;
        private boolean allowInsecure;
        private PrivilegeLevel privilege = PrivilegeLevel.ADMINISTRATOR;
        private RetryPolicy retry = RetryPolicy.DEFAULT;
        private int window = RequestTracker.DEFAULT_WINDOW;
        private Duration keepalive = DEFAULT_KEEPALIVE;
        private UdpEngine engine;
        private IpmiEventListener listener = IpmiEventListener.NONE;

        private Builder(String host) {
            this.host = Objects.requireNonNull(host, "host");
            if (host.isBlank()) {
                throw new IllegalArgumentException("host is empty");
            }
        }

        public Builder port(int port) {
            if (port < 1 || port > 0xFFFF) {
                throw new IllegalArgumentException("port must be 1..65535: " + port);
            }
            this.port = port;
            return this;
        }

        /** User name, at most 16 bytes in UTF-8. */
        public Builder userName(String name) {
            this.userName = dev.ipmi.core.internal.SessionChecks.userName(name);
            return this;
        }

        /**
         * Password, at most 16 bytes in UTF-8 (IPMI 1.5 cannot carry more). The characters are
         * copied; wipe your array afterwards.
         */
        public Builder password(char[] password) {
            byte[] b = dev.ipmi.core.internal.Secrets.utf8(password, 16, "IPMI 1.5 passwords");
            Arrays.fill(this.password, (byte) 0);
            this.password = b;
            return this;
        }

        /**
         * Forces an auth type. {@link AuthType#PASSWORD} (the password in clear text in every
         * packet) and {@link AuthType#NONE} also need {@link #allowInsecureAuthentication(boolean)}.
         */
        public Builder authType(AuthType type) {
            Objects.requireNonNull(type, "type");
            if (!(type.equals(AuthType.MD5) || type.equals(AuthType.MD2) || type.equals(AuthType.PASSWORD)
                    || type.equals(AuthType.NONE))) {
                throw new IllegalArgumentException("auth type " + type + " is not supported (use MD5, MD2, PASSWORD or NONE)");
            }
            this.authType = type;
            return this;
        }

        /** Permits straight-password and NONE authentication. Default false. */
        public Builder allowInsecureAuthentication(boolean allow) {
            this.allowInsecure = allow;
            return this;
        }

        /** Privilege level to request. Default ADMINISTRATOR. */
        public Builder privilege(PrivilegeLevel level) {
            this.privilege = dev.ipmi.core.internal.SessionChecks.requestablePrivilege(level);
            return this;
        }

        public Builder retry(RetryPolicy policy) {
            this.retry = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** Maximum requests in flight, 1..32. Default 8. */
        public Builder window(int window) {
            this.window = dev.ipmi.core.internal.SessionChecks.window(window);
            return this;
        }

        /** Idle time after which a keepalive is sent; zero disables. Default 30 s. */
        public Builder keepalive(Duration idle) {
            if (idle.isNegative()) {
                throw new IllegalArgumentException("keepalive must not be negative");
            }
            this.keepalive = idle;
            return this;
        }

        public Builder engine(UdpEngine engine) {
            this.engine = Objects.requireNonNull(engine, "engine");
            return this;
        }

        public Builder listener(IpmiEventListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * @throws IllegalArgumentException when PASSWORD or NONE is forced without
         *                                  {@link #allowInsecureAuthentication(boolean)}
         */
        public LanOptions build() {
            if (authType != null && (authType.equals(AuthType.PASSWORD) || authType.equals(AuthType.NONE))
                    && !allowInsecure) {
                throw new IllegalArgumentException("auth type " + authType
                        + " does not protect the password or the session; call allowInsecureAuthentication(true) to use it");
            }
            if (engine == null) {
                engine = UdpEngine.shared();
            }
            return new LanOptions(this);
        }
    }
}
