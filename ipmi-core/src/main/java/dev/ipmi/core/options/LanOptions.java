package dev.ipmi.core.options;

import dev.ipmi.core.types.AuthType;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything needed to open an IPMI 1.5 LAN session (ipmitool's {@code -I lan}); immutable, made
 * by {@link #builder(String)} or {@code IpmiClient.lan(host)}. The shared settings are described
 * on {@link SessionOptions}. The auth type is chosen automatically unless forced: the strongest the
 * BMC offers of MD5, then MD2; straight password and NONE only after
 * {@link Builder#allowInsecureAuth(boolean)}.
 */
public final class LanOptions extends SessionOptions {
    private final AuthType authType;
    private final boolean allowInsecureAuth;
    private final java.util.Set<Quirk> quirks;

    private LanOptions(Builder b) {
        super(b);
        authType = b.authType;
        allowInsecureAuth = b.allowInsecureAuth;
        quirks = b.quirks;
    }

    /** A builder for a session to {@code host} (name or address literal). */
    public static Builder builder(String host) {
        return new Builder(host);
    }

    @Override
    public String transport() {
        return "lan";
    }

    /** The auth type forced by the caller, or empty for automatic choice. */
    public Optional<AuthType> authType() {
        return Optional.ofNullable(authType);
    }

    public boolean allowInsecureAuth() {
        return allowInsecureAuth;
    }

    /** Workarounds enabled by the caller (the opt-in ones; the others are detected on their own). */
    public java.util.Set<Quirk> quirks() {
        return quirks;
    }

    @Override
    public String toString() {
        return "LanOptions[" + commonToString() + ", auth=" + (authType == null ? "auto" : authType)
                + (allowInsecureAuth ? ", allowInsecureAuth" : "") + (quirks.isEmpty() ? "" : ", quirks=" + quirks)
                + "]";
    }

    /** Builder; see {@link LanOptions} and {@link SessionOptions} for defaults. */
    public static final class Builder extends SessionOptions.Builder<LanOptions, Builder> {
        private AuthType authType;
        private boolean allowInsecureAuth;
        private java.util.Set<Quirk> quirks = java.util.Set.of();

        private Builder(String host) {
            super(host);
        }

        @Override
        Builder self() {
            return this;
        }

        @Override
        int maxPasswordBytes() {
            return 16;
        }

        @Override
        String passwordName() {
            return "IPMI 1.5 passwords";
        }

        /**
         * Forces an auth type (ipmitool {@code -A}): MD5, MD2, PASSWORD or NONE. PASSWORD (the
         * password in clear text in every packet) and NONE also need {@link #allowInsecureAuth(boolean)}.
         */
        public Builder authType(AuthType type) {
            Objects.requireNonNull(type, "authType");
            if (!(type.equals(AuthType.MD5) || type.equals(AuthType.MD2) || type.equals(AuthType.PASSWORD)
                    || type.equals(AuthType.NONE))) {
                throw new IllegalArgumentException("auth type " + type + " is not supported (use MD5, MD2, PASSWORD or NONE)");
            }
            this.authType = type;
            return this;
        }

        /**
         * Vendor workarounds to apply from the start; only {@link Quirk#NO_CHECKSUM_CHECK} and
         * {@link Quirk#NO_AUTHCODE_CHECK} need this (the others are detected). Default: none.
         */
        public Builder quirks(Quirk... quirks) {
            this.quirks = java.util.Set.of(quirks);
            return this;
        }

        /** Permits straight-password and NONE authentication. Default false. */
        public Builder allowInsecureAuth(boolean allow) {
            this.allowInsecureAuth = allow;
            return this;
        }

        /** @throws IllegalArgumentException when PASSWORD or NONE is forced without {@link #allowInsecureAuth(boolean)} */
        @Override
        public LanOptions build() {
            if (authType != null && (authType.equals(AuthType.PASSWORD) || authType.equals(AuthType.NONE))
                    && !allowInsecureAuth) {
                throw new IllegalArgumentException("IPMI 1.5 auth type " + authType
                        + " sends the password in clear or not at all; call allowInsecureAuth(true) to use it");
            }
            return new LanOptions(this);
        }
    }
}
