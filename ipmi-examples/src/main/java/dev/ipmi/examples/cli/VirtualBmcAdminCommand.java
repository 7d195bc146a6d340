package dev.ipmi.examples.cli;

import dev.ipmi.bmc.VirtualBmcAdmin;
import dev.ipmi.bmc.VirtualBmcConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ipmi virtual-bmc admin list|show NAME|add FILE|remove NAME}: talks to a running
 * {@code ipmi virtual-bmc --config} through the admin socket named in its configuration, as VirtualBMC's
 * {@code vbmc} does. Never prints a password (the running process does not send any).
 */
@Command(name = "admin", mixinStandardHelpOptions = true,
        description = {"Administers a running 'ipmi virtual-bmc --config FILE' whose FILE names an admin-socket:",
                "list, show NAME, add FILE (a configuration with one BMC), remove NAME. Added and removed BMCs "
                        + "persist in FILE.admin/ and survive a restart."})
public final class VirtualBmcAdminCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", description = "the running process's configuration file (for its admin-socket)")
    Path config;

    @Option(names = "--socket", description = "the admin socket (instead of --config)")
    Path socket;

    @Parameters(index = "0", description = "list, show, add or remove")
    String command;

    @Parameters(index = "1..*", arity = "0..1", description = "NAME (show, remove) or FILE (add)")
    List<String> arguments = List.of();

    @Override
    public void run() {
        Path to = socket != null ? socket : socketOf(config);
        String request = switch (command) {
            case "list" -> "list";
            case "show", "remove", "delete" -> {
                if (arguments.size() != 1) {
                    throw new CliException("Error: admin " + command + " takes one BMC name");
                }
                yield command + " " + arguments.get(0);
            }
            case "add" -> {
                if (arguments.size() != 1) {
                    throw new CliException("Error: admin add takes a YAML file with one BMC");
                }
                try {
                    yield "add\n" + Files.readString(Path.of(arguments.get(0)));
                } catch (IOException e) {
                    throw new CliException("Error: cannot read " + arguments.get(0) + ": " + e.getMessage());
                }
            }
            default -> throw new CliException("Error: unknown admin command '" + command
                    + "'; known: list, show NAME, add FILE, remove NAME");
        };
        String answer;
        try {
            answer = VirtualBmcAdmin.send(to, request);
        } catch (IOException e) {
            throw new CliException("Error: no virtual BMC answers on " + to + ": " + e.getMessage());
        }
        if (answer.startsWith("error: ")) {
            throw new CliException("Error: " + answer.substring("error: ".length()).strip());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(answer);
        out.flush();
    }

    private static Path socketOf(Path config) {
        if (config == null) {
            throw new CliException("Error: admin needs --config FILE (with an admin-socket) or --socket PATH");
        }
        try {
            return VirtualBmcConfig.parse(Files.readString(config)).adminSocket().orElseThrow(() ->
                    new CliException("Error: " + config + " names no admin-socket"));
        } catch (IOException e) {
            throw new CliException("Error: cannot read --config " + config + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new CliException("Error: " + config + ": " + e.getMessage());
        }
    }
}
