package dev.ipmi.examples.cli;

import dev.ipmi.core.CompletionCodeException;
import dev.ipmi.core.client.AsyncFru;
import dev.ipmi.core.client.IpmiClient;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code fru print [id]}, as ipmitool 1.8.19. */
@Command(name = "fru", description = "FRU inventory: print [id].", subcommands = FruCommand.Print.class)
final class FruCommand implements Callable<Integer> {
    @ParentCommand
    IpmiCli root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** {@code fru} alone prints every FRU device, as ipmitool does. */
    @Override
    public Integer call() {
        return Print.print(root, null, spec.commandLine().getOut());
    }

    @Command(name = "print", description = "Decoded FRU inventory of one device, or of every device the BMC lists.")
    static final class Print implements Callable<Integer> {
        @ParentCommand
        FruCommand fru;
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;
        @Parameters(index = "0", arity = "0..1", paramLabel = "id")
        String id;

        @Override
        public Integer call() {
            return print(fru.root, id, spec.commandLine().getOut());
        }

        static int print(IpmiCli root, String id, PrintWriter out) {
            try (IpmiClient bmc = Facade.connect(root)) {
                if (id != null) {
                    int fruId = parseId(id);
                    try {
                        // "fru print <id>" prints the fields only, without the description line
                        List<String> lines = bmc.fru().print(new AsyncFru.Device(fruId, ""));
                        lines.subList(1, lines.size()).forEach(out::println);
                        return 0;
                    } catch (CompletionCodeException e) {
                        out.printf(" Device not present (%s)%n", e.code().description());
                        return 1;
                    }
                }
                for (AsyncFru.Device d : bmc.fru().devices()) {
                    try {
                        bmc.fru().print(d).forEach(out::println);
                    } catch (CompletionCodeException e) {
                        out.printf("FRU Device Description : %s (ID %d)%n", d.description(), d.fruId());
                        out.printf(" Device not present (%s)%n", e.code().description());
                    }
                    out.println();
                }
                return 0;
            } finally {
                out.flush();
            }
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
}
