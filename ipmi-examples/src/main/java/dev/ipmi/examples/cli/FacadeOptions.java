package dev.ipmi.examples.cli;

import picocli.CommandLine.Option;

/**
 * Global options of the facade commands: bridging target (ipmitool's {@code -t}/{@code -b}, and
 * {@code -T}/{@code -B} for a transit controller in between) and
 * {@code --json}. Kept apart from {@link ConnectionOptions} so transports and commands evolve separately.
 */
public final class FacadeOptions {
    @Option(names = "-t", paramLabel = "address", converter = Numbers.IntConverter.class,
            description = "Bridge the request to this IPMB address (e.g. 0x2c).")
    Integer target;

    @Option(names = "-b", paramLabel = "channel", converter = Numbers.IntConverter.class,
            description = "Channel to bridge on (with -t). Default: 0.")
    Integer channel;

    @Option(names = "-T", paramLabel = "address", converter = Numbers.IntConverter.class,
            description = "Double bridging: reach the -t target through this transit controller's IPMB address.")
    Integer transitAddress;

    @Option(names = "-B", paramLabel = "channel", converter = Numbers.IntConverter.class,
            description = "Channel from the BMC to the transit controller (with -T). Default: 0.")
    Integer transitChannel;

    @Option(names = "--json", description = "Print the typed result as JSON instead of ipmitool's text.")
    boolean json;
}
