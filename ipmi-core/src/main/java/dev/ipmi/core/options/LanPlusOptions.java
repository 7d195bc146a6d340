package dev.ipmi.core.options;

import dev.ipmi.core.types.CipherSuite;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Everything needed to open an IPMI 2.0 / RMCP+ session (ipmitool's {@code -I lanplus}); immutable,
 * made by {@link #builder(String)} or {@code IpmiClient.lanplus(host)}. The shared settings are
 * described on {@link SessionOptions}; the RMCP+ ones are below.
 *
 * <pre>{@code
 * LanPlusOptions o = LanPlusOptions.builder("10.0.0.5").credentials("admin", pw)
 *         .cipherSuite(CipherSuite.AUTO).build();
 * try (IpmiClient bmc = IpmiClient.connect(o)) { ... }
 * }</pre>
 */
public final class LanPlusOptions extends SessionOptions {
    private final byte[] kg;
    private final CipherSuite cipherSuite;
    private final boolean allowCipherZero;
    private final boolean nameOnlyLookup;
    private final CipherSuiteCache cipherSuiteCache;
    private final boolean relogin;
    private final Set<Quirk> quirks;

    private LanPlusOptions(Builder b) {
        super(b);
        this.kg = b.kg == null ? null : b.kg.clone();
        this.cipherSuite = b.cipherSuite;
        this.allowCipherZero = b.allowCipherZero;
        this.nameOnlyLookup = b.nameOnlyLookup;
        this.cipherSuiteCache = b.cipherSuiteCache;
        this.relogin = b.relogin;
        this.quirks = b.quirks.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(b.quirks));
    }

    /** Options for the BMC at {@code host} (name or literal address), port 623. */
    public static Builder builder(String host) {
        return new Builder(host);
    }

    @Override
    public String transport() {
        return "lanplus";
    }

    /** The BMC's address, resolved now (a name is looked up on each call). */
    public InetSocketAddress address() {
        return new InetSocketAddress(host(), port());
    }

    /** Whether a BMC key was given (two-key login); the key itself has no getter. */
    public boolean hasKg() {
        return kg != null;
    }

    byte[] kgCopy() {
        return kg == null ? null : kg.clone();
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

    public CipherSuiteCache cipherSuiteCache() {
        return cipherSuiteCache;
    }

    /** Whether the session logs in again when the BMC stops answering it. */
    public boolean relogin() {
        return relogin;
    }

    public Set<Quirk> quirks() {
        return quirks;
    }

    @Override
    public void wipe() {
        super.wipe();
        if (kg != null) {
            Arrays.fill(kg, (byte) 0);
        }
    }

    @Override
    public String toString() {
        return "LanPlusOptions[" + commonToString() + ", kg=" + (kg == null ? "none" : "<redacted>") + ", "
                + cipherSuite + (allowCipherZero ? ", allowCipherZero" : "") + ", relogin=" + relogin
                + ", quirks=" + quirks + "]";
    }

    /** Builder; every setter documents its default. */
    public static final class Builder extends SessionOptions.Builder<LanPlusOptions, Builder> {
        private byte[] kg;
        private CipherSuite cipherSuite = CipherSuite.AUTO;
        private boolean allowCipherZero;
        private boolean nameOnlyLookup = true;
        private CipherSuiteCache cipherSuiteCache = CipherSuiteCache.shared();
        private boolean relogin = true;
        private Set<Quirk> quirks = Set.of();

        private Builder(String host) {
            super(host);
        }

        @Override
        Builder self() {
            return this;
        }

        @Override
        int maxPasswordBytes() {
            return 20;
        }

        @Override
        String passwordName() {
            return "RMCP+ passwords";
        }

        /**
         * BMC key K_G as raw bytes (ipmitool {@code -y} hex or {@code -k} text), at most 20; copied.
         * Default: none (the password keys the session, "one-key login").
         */
        public Builder kg(byte[] kg) {
            if (kg != null && kg.length > 20) {
                throw new IllegalArgumentException("K_G is at most 20 bytes, got " + kg.length);
            }
            if (this.kg != null) {
                Arrays.fill(this.kg, (byte) 0);
            }
            this.kg = kg == null ? null : kg.clone();
            return this;
        }

        /**
         * Cipher suite (ipmitool {@code -C}); {@link CipherSuite#of(int)} turns an ID into one. Default
         * {@link CipherSuite#AUTO}: the strongest suite both sides support. Suite 0 needs
         * {@link #allowCipherZero(boolean)}.
         */
        public Builder cipherSuite(CipherSuite suite) {
            this.cipherSuite = Objects.requireNonNull(suite, "cipherSuite");
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

        /** Where AUTO's outcome is remembered per BMC. Default {@link CipherSuiteCache#shared()}. */
        public Builder cipherSuiteCache(CipherSuiteCache cache) {
            this.cipherSuiteCache = Objects.requireNonNull(cache, "cipherSuiteCache");
            return this;
        }

        /** Log in again when the BMC stops answering the session (its requests time out). Default true. */
        public Builder relogin(boolean relogin) {
            this.relogin = relogin;
            return this;
        }

        /** BMC workarounds to apply from the start. Default: none (some are tried automatically, see {@link Quirk}). */
        public Builder quirks(Quirk... quirks) {
            return quirks(Set.of(quirks));
        }

        /** As {@link #quirks(Quirk...)}. */
        public Builder quirks(Set<Quirk> quirks) {
            this.quirks = Set.copyOf(Objects.requireNonNull(quirks, "quirks"));
            return this;
        }

        /** @throws IllegalArgumentException for cipher suite 0 without {@link #allowCipherZero(boolean)} */
        @Override
        public LanPlusOptions build() {
            if (cipherSuite.id() == 0 && !allowCipherZero) {
                throw new IllegalArgumentException("cipher suite 0 has no authentication, integrity or encryption; "
                        + "call allowCipherZero(true) to use it");
            }
            return new LanPlusOptions(this);
        }
    }
}
