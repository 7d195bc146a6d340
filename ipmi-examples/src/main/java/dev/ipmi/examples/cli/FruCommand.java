package dev.ipmi.examples.cli;

import dev.ipmi.core.CompletionCodeException;
import dev.ipmi.core.client.AsyncFru;
import dev.ipmi.core.client.IpmiClient;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code fru print [id]}, as ipmitool 1.8.19. */
@Command(name = "fru", description = "FRU inventory: print [id].")
final class FruCommand extends CliCommand implements Callable<Integer> {

    /** {@code fru} alone prints every FRU device, as ipmitool does. */
    @Override
    public Integer call() {
        return print(null);
    }

    @Command(name = "print", description = "Decoded FRU inventory of one device, or of every device the BMC lists.")
    int print(@Parameters(index = "0", arity = "0..1", paramLabel = "id") String id) {
        PrintWriter out = out();
        IpmiClient bmc = client();
        try {
            if (id != null) {
                int fruId = parseId(id);
                try {
                    // "fru print <id>" prints the fields only, without the description line
                    List<String> lines = bmc.fru().print(new AsyncFru.Device(fruId, ""));
                    if (!printJson(List.of(deviceJson(fruId, null, lines.subList(1, lines.size()), null)))) {
                        lines.subList(1, lines.size()).forEach(out::println);
                    }
                    return 0;
                } catch (CompletionCodeException e) {
                    if (!printJson(List.of(deviceJson(fruId, null, List.of(), e.code().description())))) {
                        out.printf(" Device not present (%s)%n", e.code().description());
                    }
                    return 1;
                }
            }
            List<Object> devices = new ArrayList<>();
            for (AsyncFru.Device d : bmc.fru().devices()) {
                try {
                    List<String> lines = bmc.fru().print(d);
                    if (json()) {
                        devices.add(deviceJson(d.fruId(), d.description(), lines.subList(1, lines.size()), null));
                        continue;
                    }
                    lines.forEach(out::println);
                } catch (CompletionCodeException e) {
                    if (json()) {
                        devices.add(deviceJson(d.fruId(), d.description(), List.of(), e.code().description()));
                        continue;
                    }
                    out.printf("FRU Device Description : %s (ID %d)%n", d.description(), d.fruId());
                    out.printf(" Device not present (%s)%n", e.code().description());
                }
                out.println();
            }
            printJson(devices);
            return 0;
        } finally {
            out.flush();
        }
    }

    /**
     * The JSON shape of one device of {@code fru print}: the ipmitool field lines as name/value
     * pairs in order (names repeat, e.g. "Board Extra"), and the error when the device did not answer.
     */
    static Map<String, Object> deviceJson(int fruId, String description, List<String> lines, String error) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fruId", fruId);
        m.put("description", description);
        List<Map<String, String>> fields = new ArrayList<>();
        for (String line : lines) {
            int colon = line.indexOf(" : ");
            if (colon < 0) {
                continue;
            }
            Map<String, String> f = new LinkedHashMap<>();
            f.put("name", line.substring(0, colon).strip());
            f.put("value", line.substring(colon + 3).strip());
            fields.add(f);
        }
        m.put("fields", fields);
        m.put("error", error);
        return m;
    }

    private static int parseId(String text) {
        try {
            int v = Integer.decode(text);
            if (v >= 0 && v <= 0xFE) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CliException("Invalid FRU ID: " + text);
    }
}
