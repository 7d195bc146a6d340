package dev.ipmi.core.sel;

import java.time.Instant;
import java.util.Optional;

/**
 * An IPMI timestamp — IPMI v2.0 §37: seconds since 1970-01-01, except FFFFFFFFh (unspecified) and
 * 00000000h–20000000h, which count seconds since the BMC initialized because its clock had not
 * been set yet ("pre-init").
 */
public record SelTimestamp(long raw) {
    public static final long UNSPECIFIED = 0xFFFFFFFFL;
    public static final long PRE_INIT_MAX = 0x20000000L;

    public SelTimestamp {
        if (raw < 0 || raw > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("timestamp is an unsigned 32-bit value: " + raw);
        }
    }

    public boolean isUnspecified() {
        return raw == UNSPECIFIED;
    }

    /** True when the BMC's clock was not set: the value is seconds since its initialization. */
    public boolean isPreInit() {
        return raw <= PRE_INIT_MAX;
    }

    /** The wall-clock instant, or empty for pre-init and unspecified timestamps. */
    public Optional<Instant> instant() {
        return isPreInit() || isUnspecified() ? Optional.empty() : Optional.of(Instant.ofEpochSecond(raw));
    }

    public static SelTimestamp of(Instant instant) {
        return new SelTimestamp(instant.getEpochSecond());
    }

    @Override
    public String toString() {
        if (isUnspecified()) {
            return "unspecified";
        }
        return isPreInit() ? "pre-init +" + raw + "s" : Instant.ofEpochSecond(raw).toString();
    }
}
