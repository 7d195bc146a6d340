package dev.ipmi.lanplus;

import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.core.event.IpmiEventListener;
import dev.ipmi.core.client.RetryPolicy;
import dev.ipmi.lan.engine.RequestTracker;
import dev.ipmi.lan.engine.UdpEngine;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Everything needed to open an RMCP+ session; immutable, made by {@link #builder(String)}. Holds
 * copies of the password and K_G; {@link #toString()} never shows them. Call {@link #wipe()} when the
 * options are no longer needed (sessions keep their own copies and wipe those on close).
 */
public final class LanPlusOptions {
    public static final int DEFAULT_PORT = 623;

    private final InetSocketAddress address;
    private final byte[] userName;
    private final byte[] password;
    private final byte[] kg;
    private final PrivilegeLevel privilege;
    private final CipherSuite cipherSuite;
    private final boolean allowCipherZero;
    private final boolean nameOnlyLookup;
    private final RetryPolicy retryPolicy;
    private final IpmiEventListener listener;
    private final UdpEngine engine;
    private final CipherSuiteCache cache;
    private final Duration keepaliveInterval;
    private final boolean reloginOnSessionLoss;
    private final Set<Quirk> quirks;
    private final int window;

    private LanPlusOptions(Builder b) {
        this.address = b.address;
        this.userName = b.userName.clone();
        this.password = b.password.clone();
        this.kg = b.kg == null ? null : b.kg.clone();
        this.privilege = b.privilege;
        this.cipherSuite = b.cipherSuite;
        this.allowCipherZero = b.allowCipherZero;
        this.nameOnlyLookup = b.nameOnlyLookup;
        this.retryPolicy = b.retryPolicy;
        this.listener = b.listener;
        this.engine = b.engine;
        this.cache = b.cache;
        this.keepaliveInterval = b.keepaliveInterval;
        this.reloginOnSessionLoss = b.reloginOnSessionLoss;
        this.quirks = b.quirks.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(b.quirks));
        this.window = b.window;
    }

    /** Options for the BMC at {@code host} (name or literal address), port 623. */
    public static Builder builder(String host) {
        return new Builder(host);
    }

    public InetSocketAddress address() {
        return address;
    }

    public byte[] userName() {
        return userName.clone();
    }

    /** A copy of the password bytes (UTF-8); the caller should wipe it. */
    public byte[] password() {
        return password.clone();
    }

    /** A copy of K_G, or null when none was given (the password then keys the session, "one-key login"). */
    public byte[] kg() {
        return kg == null ? null : kg.clone();
    }

    public PrivilegeLevel privilege() {
        return privilege;
    }

    public CipherSuite cipherSuite() {
        return cipherSuite;
    }

    public boolean allowCipherZero() {
        return allowCipherZero;
    }

    public boolean nameOnlyLookup() {
        return nameOnlyLookup;
    }

    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    public IpmiEventListener listener() {
        return listener;
    }

    public UdpEngine engine() {
        return engine;
    }

    public CipherSuiteCache cipherSuiteCache() {
        return cache;
    }

    public Duration keepaliveInterval() {
        return keepaliveInterval;
    }

    public boolean reloginOnSessionLoss() {
        return reloginOnSessionLoss;
    }

    public Set<Quirk> quirks() {
        return quirks;
    }

    /** Maximum requests in flight in the session (see {@link Builder#window(int)}). */
    public int window() {
        return window;
    }

    /** Zeroes the copies of the password and K_G held here. */
    public void wipe() {
        Arrays.fill(password, (byte) 0);
        if (kg != null) {
            Arrays.fill(kg, (byte) 0);
        }
    }

    @Override
    public String toString() {
        return "LanPlusOptions[" + address + ", user=" + new String(userName, StandardCharsets.UTF_8)
                + ", password=<redacted>, kg=" + (kg == null ? "none" : "<redacted>") + ", privilege=" + privilege
                + ", " + cipherSuite + "]";
    }

    /** Builder; every setter documents its default. */
    public static final class Builder {
        private final String host;
        private int port = DEFAULT_PORT;
        private InetSocketAddress address;
        private byte[] userName = new byte[0];
        private byte[] password = new byte[0];
        private byte[] kg;
        private PrivilegeLevel privilege = PrivilegeLevel.ADMINISTRATOR;
        private CipherSuite cipherSuite = CipherSuite.AUTO;
        private boolean allowCipherZero;
        private boolean nameOnlyLookup = true;
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private IpmiEventListener listener = IpmiEventListener.NONE;
        private UdpEngine engine;
        private CipherSuiteCache cache = CipherSuiteCache.shared();
        private Duration keepaliveInterval = Duration.ofSeconds(30);
        private boolean reloginOnSessionLoss = true;
        private Set<Quirk> quirks = Set.of();
        private int window = RequestTracker.DEFAULT_WINDOW;

        private Builder(String host) {
            this.host = Objects.requireNonNull(host, "host");
        }

        /** UDP port of the BMC. Default 623. */
        public Builder port(int port) {
            if (port < 1 || port > 0xFFFF) {
                throw new IllegalArgumentException("port out of range 1..65535: " + port);
            }
            this.port = port;
            return this;
        }

        /** User name, at most 16 bytes in UTF-8. Default: empty (the null user, anonymous login). */
        public Builder user(String name) {
            this.userName = dev.ipmi.core.internal.SessionChecks.userName(name);
            return this;
        }

        /**
         * Password (K_UID), at most 20 bytes in UTF-8; copied, the caller may wipe its array right
         * after. Default: empty.
         */
        public Builder password(char[] password) {
            byte[] b = dev.ipmi.core.internal.Secrets.utf8(password, 20, "RMCP+ passwords");
            Arrays.fill(this.password, (byte) 0);
            this.password = b;
            return this;
        }

        /** BMC key K_G as raw bytes (ipmitool {@code -y} hex or {@code -k} text), at most 20; copied. Default: none. */
        public Builder kg(byte[] kg) {
            if (kg != null && kg.length > 20) {
                throw new IllegalArgumentException("K_G is at most 20 bytes, got " + kg.length);
            }
            this.kg = kg == null ? null : kg.clone();
            return this;
        }

        /** Privilege level requested in Open Session and RAKP1 and set afterwards. Default ADMINISTRATOR. */
        public Builder privilege(PrivilegeLevel privilege) {
            this.privilege = dev.ipmi.core.internal.SessionChecks.requestablePrivilege(privilege);
            return this;
        }

        /** Cipher suite. Default {@link CipherSuite#AUTO}. Suite 0 needs {@link #allowCipherZero(boolean)}. */
        public Builder cipherSuite(CipherSuite suite) {
            this.cipherSuite = Objects.requireNonNull(suite, "suite");
            return this;
        }

        /** Permit cipher suite 0 (no authentication, no integrity, no encryption). Default false. */
        public Builder allowCipherZero(boolean allow) {
            this.allowCipherZero = allow;
            return this;
        }

        /** RAKP1 name-only lookup (role bit 4), as ipmitool sends it. Default true. */
        public Builder nameOnlyLookup(boolean nameOnly) {
            this.nameOnlyLookup = nameOnly;
            return this;
        }

        /** Timeouts and retransmissions, for the login steps and for requests. Default {@link RetryPolicy#DEFAULT}. */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** Event hooks. Default {@link IpmiEventListener#NONE}. */
        public Builder listener(IpmiEventListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** The I/O engine. Default {@link UdpEngine#shared()}. */
        public Builder engine(UdpEngine engine) {
            this.engine = Objects.requireNonNull(engine, "engine");
            return this;
        }

        /** Where AUTO's outcome is remembered per BMC. Default {@link CipherSuiteCache#shared()}. */
        public Builder cipherSuiteCache(CipherSuiteCache cache) {
            this.cache = Objects.requireNonNull(cache, "cache");
            return this;
        }

        /** Idle time after which a keepalive (Get Device ID) is sent. Default 30 s. */
        public Builder keepaliveInterval(Duration interval) {
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("keepalive interval must be positive");
            }
            this.keepaliveInterval = interval;
            return this;
        }

        /** Log in again when the BMC stops answering the session (its requests time out). Default true. */
        public Builder reloginOnSessionLoss(boolean relogin) {
            this.reloginOnSessionLoss = relogin;
            return this;
        }

        /**
         * Maximum requests in flight, 1..32. Default {@value RequestTracker#DEFAULT_WINDOW}, as ipmi-lan's
         * {@code LanOptions}. Each outstanding request needs its own IPMB sequence number and a slot in the
         * BMC's receive queue; many BMCs handle only a few requests per session at a time and drop the rest
         * (which then cost a retry timeout each), so do not raise it above 8 unless the BMC is known to
         * cope; lower it (even to 1) for a BMC that loses replies under load.
         */
        public Builder window(int window) {
            this.window = dev.ipmi.core.internal.SessionChecks.window(window);
            return this;
        }

        /** BMC workarounds to apply from the start. Default: none (some are tried automatically, see {@link Quirk}). */
        public Builder quirks(Set<Quirk> quirks) {
            this.quirks = Set.copyOf(quirks);
            return this;
        }

        /**
         * @throws IllegalArgumentException for cipher suite 0 without the opt-in
         */
        public LanPlusOptions build() {
            if (cipherSuite.id() == 0 && !allowCipherZero) {
                throw new IllegalArgumentException(
                        "cipher suite 0 has no authentication, integrity or encryption; enable allowCipherZero to use it");
            }
            address = new InetSocketAddress(host, port);
            if (engine == null) {
                engine = UdpEngine.shared();
            }
            return new LanPlusOptions(this);
        }
    }
}
