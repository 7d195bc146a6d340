package dev.ipmi.examples.cli;

import dev.ipmi.core.commands.app.GetDeviceId;
import dev.ipmi.core.spi.IpmiTransport;
import dev.ipmi.lan.LanSession;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code mc}: management controller commands. */
@Command(name = "mc", description = "Management controller status.", subcommands = {McCommand.Info.class, McGroupCommands.GuidCmd.class,
        McGroupCommands.SelftestCmd.class, McGroupCommands.ResetCmd.class})
final class McCommand implements Runnable {
    @ParentCommand
    IpmiCli root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code mc info}: Get Device ID printed the way ipmitool 1.8.19 prints it. */
    @Command(name = "info", description = "Print Get Device ID information (as ipmitool mc info).")
    static final class Info implements Runnable {
        private static final String[] SUPPORT = {"Sensor Device", "SDR Repository Device", "SEL Device",
            "FRU Inventory Device", "IPMB Event Receiver", "IPMB Event Generator", "Bridge", "Chassis Device"};

        @ParentCommand
        McCommand mc;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            GetDeviceId.Response id;
            try (IpmiTransport t = Facade.open(mc.root)) {
                id = LanSession.await(t.send(new GetDeviceId.Request()));
            }
            print(id, spec.commandLine().getOut());
        }

        static void print(GetDeviceId.Response id, PrintWriter out) {
            out.printf("Device ID                 : %d%n", id.deviceId());
            out.printf("Device Revision           : %d%n", id.deviceRevision());
            out.printf("Firmware Revision         : %s%n", id.firmwareRevisionText());
            out.printf("IPMI Version              : %x.%x%n", id.ipmiVersion() & 0x0F, (id.ipmiVersion() >>> 4) & 0x0F);
            out.printf("Manufacturer ID           : %d%n", id.manufacturerId());
            out.printf("Manufacturer Name         : %s%n", Manufacturers.name(id.manufacturerId()));
            out.printf("Product ID                : %d (0x%04x)%n", id.productId(), id.productId());
            out.printf("Product Name              : %s%n", Manufacturers.unknown(id.productId()));
            out.printf("Device Available          : %s%n", id.deviceAvailable() ? "yes" : "no");
            out.printf("Provides Device SDRs      : %s%n", id.providesDeviceSdrs() ? "yes" : "no");
            out.printf("Additional Device Support :%n");
            for (int bit = 0; bit < 8; bit++) {
                if ((id.additionalSupport() & (1 << bit)) != 0) {
                    out.printf("    %s%n", SUPPORT[bit]);
                }
            }
            id.auxFirmwareRevision().ifPresent(aux -> {
                out.printf("Aux Firmware Rev Info     : %n");
                for (byte b : aux.toByteArray()) {
                    out.printf("    0x%02x%n", b & 0xFF);
                }
            });
            out.flush();
        }
    }
}
