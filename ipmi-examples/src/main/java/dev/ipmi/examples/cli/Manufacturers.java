package dev.ipmi.examples.cli;

import dev.ipmi.core.commands.app.ManufacturerNames;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CLI's one source of manufacturer names: the IANA Private Enterprise Numbers registry where
 * ipmitool reads it ({@code /usr/share/misc/enterprise-numbers.txt}, shipped with Debian's
 * ipmitool), so that "mc info" prints what ipmitool prints; on a machine without that file, the
 * library's built-in table ({@link ManufacturerNames}); else ipmitool's "Unknown (0x…)".
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
        if (Files.isReadable(REGISTRY)) {
            return lookup(REGISTRY, iana);
        }
        return ManufacturerNames.of(iana).orElseGet(() -> unknown(iana));
    }

    /** The registry's name for {@code iana}, or "Unknown (0x…)" when the file lacks it or cannot be read. */
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
