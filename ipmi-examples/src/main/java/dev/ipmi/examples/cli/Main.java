package dev.ipmi.examples.cli;

/**
 * The entry point of {@code ipmi.jar}. {@code -V}/{@code --version}, the probe scripts run most,
 * is answered here from the jar's manifest without loading {@link IpmiCli} (a large class whose
 * loading and verification cost ~7 ms of CPU, a tenth of the whole run); everything else, and the
 * version outside the jar (no manifest), goes to {@link IpmiCli#main}.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        if (args.length == 1 && (args[0].equals("-V") || args[0].equals("--version"))) {
            String version = Main.class.getPackage().getImplementationVersion();
            if (version != null) {
                System.out.println("ipmi-java " + version);
                return;
            }
        }
        IpmiCli.main(args);
    }
}
