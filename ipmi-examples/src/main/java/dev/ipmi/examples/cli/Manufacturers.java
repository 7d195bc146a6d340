package dev.ipmi.examples.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Manufacturer names for "mc info", as ipmitool finds them: in the IANA Private Enterprise
 * Numbers registry installed at {@code /usr/share/misc/enterprise-numbers.txt} (Debian package
 * {@code ieee-data}/{@code ipmitool}), else "Unknown (0x…)".
 */
final class Manufacturers {
    static final Path REGISTRY = Path.of("/usr/share/misc/enterprise-numbers.txt");

    private Manufacturers() {}

    static String name(int iana) {
        if (iana == 0) {
            return "Unknown";
        }
        if (iana == 0x0FFFFF) {
            return "Unspecified";
        }
        return lookup(REGISTRY, iana);
    }

    static String lookup(Path registry, int iana) {
        String wanted = Integer.toString(iana);
        if (Files.isReadable(registry)) {
            try (BufferedReader r = Files.newBufferedReader(registry, StandardCharsets.UTF_8)) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.equals(wanted)) {
                        String org = r.readLine();
                        if (org != null && !org.isBlank()) {
                            return org.strip();
                        }
                        break;
                    }
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                // fall through to the same answer as without a registry
            }
        }
        return unknown(iana);
    }

    /** ipmitool's spelling for values it has no name for. */
    static String unknown(int value) {
        return String.format("Unknown (0x%02X)", value);
    }
}
