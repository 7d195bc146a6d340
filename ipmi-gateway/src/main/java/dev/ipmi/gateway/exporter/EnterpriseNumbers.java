package dev.ipmi.gateway.exporter;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Organization names for the {@code manufacturer_id} label, which bmc-info prints as
 * "Name (number)" from the IANA enterprise-numbers registry. Read from the registry file the
 * system has (Debian's {@code /usr/share/misc/enterprise-numbers.txt}, the one ipmitool reads),
 * scanned once per manufacturer number and remembered; without the file the label is the number.
 */
final class EnterpriseNumbers {
    private static final Logger LOG = LoggerFactory.getLogger(EnterpriseNumbers.class);
    static final List<Path> DEFAULT_FILES = List.of(Path.of("/usr/share/misc/enterprise-numbers.txt"),
            Path.of("/usr/share/misc/enterprise-numbers"));

    private final Optional<Path> file;
    private final Map<Integer, Optional<String>> names = new ConcurrentHashMap<>();

    EnterpriseNumbers(Optional<Path> file) {
        this.file = file;
    }

    static EnterpriseNumbers system() {
        return new EnterpriseNumbers(DEFAULT_FILES.stream().filter(Files::isReadable).findFirst());
    }

    /** "MontaVista Software, Inc. (4753)", or "4753" when the registry does not name it. */
    String describe(int number) {
        return name(number).map(n -> n + " (" + number + ")").orElse(Integer.toString(number));
    }

    Optional<String> name(int number) {
        return names.computeIfAbsent(number, this::lookup);
    }

    private Optional<String> lookup(int number) {
        if (file.isEmpty()) {
            return Optional.empty();
        }
        String wanted = Integer.toString(number);
        try (BufferedReader r = Files.newBufferedReader(file.get(), StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                // entries: the number alone on a line, the organization on the next, indented
                if (line.equals(wanted)) {
                    String org = r.readLine();
                    return org == null || org.isBlank() ? Optional.empty() : Optional.of(org.strip());
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("cannot read {}: {}", file.get(), e.toString());
        }
        return Optional.empty();
    }
}
