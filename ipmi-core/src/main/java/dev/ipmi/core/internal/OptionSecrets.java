package dev.ipmi.core.internal;

import dev.ipmi.core.options.LanPlusOptions;
import dev.ipmi.core.options.SessionOptions;
import java.util.Objects;

/**
 * How the transports read the password and K_G held by the options, which have no public getter
 * for them (a copy handed to anyone who asks would outlive every wipe). The options package installs
 * the reader once; every call returns a fresh copy that the caller wipes after deriving its keys.
 */
public final class OptionSecrets {
    /** Implemented inside {@code dev.ipmi.core.options}, which alone sees the fields. */
    public interface Reader {
        byte[] password(SessionOptions options);

        byte[] kg(LanPlusOptions options);
    }

    private static volatile Reader reader;

    private OptionSecrets() {}

    /** Called by the options classes when they load; later calls are ignored. */
    public static synchronized void install(Reader r) {
        if (reader == null) {
            reader = Objects.requireNonNull(r, "reader");
        }
    }

    /** A copy of the password bytes (UTF-8); wipe it after use. */
    public static byte[] password(SessionOptions options) {
        return reader().password(Objects.requireNonNull(options, "options"));
    }

    /** A copy of K_G, or null when none was set (one-key login); wipe it after use. */
    public static byte[] kg(LanPlusOptions options) {
        return reader().kg(Objects.requireNonNull(options, "options"));
    }

    private static Reader reader() {
        Reader r = reader;
        if (r == null) {
            throw new IllegalStateException("options classes not initialised");
        }
        return r;
    }
}
