package dev.ipmi.examples.cli;

import dev.ipmi.core.CompletionCodeException;
import dev.ipmi.core.client.IpmiClient;
import dev.ipmi.core.commands.chassis.BootFlags;
import dev.ipmi.core.commands.chassis.GetChassisStatus;
import dev.ipmi.core.commands.chassis.GetPohCounter;
import dev.ipmi.core.commands.chassis.GetSystemBootOptions;
import dev.ipmi.core.commands.chassis.GetSystemRestartCause;
import dev.ipmi.core.commands.chassis.PowerRestorePolicy;
import dev.ipmi.core.commands.chassis.SetPowerRestorePolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code chassis ...}: status, power, identify, bootdev, bootparam get, poh, restart_cause, policy (ipmitool 1.8.19 text). */
@Command(name = "chassis", description = "Chassis status and control.")
final class ChassisCommand extends CliCommand implements Runnable {
    @Override
    public void run() {
        usage();
    }

    @Command(name = "status", description = "Chassis status (Get Chassis Status).")
    void status() {
        GetChassisStatus.Response s;
        IpmiClient bmc = client();
        s = bmc.chassis().status();
        if (!printJson(s)) {
            IpmitoolText.chassisStatus(s, out());
        }
    }



    @Command(name = "power", description = "status, on, off, cycle, reset, soft, diag.")
    void power(@Parameters(paramLabel = "status|on|off|cycle|reset|soft|diag") String what) {
        PowerCommand.run(this, what);
    }

    @Command(name = "identify", description = "Identify light: [seconds] (0 = off, default 15) or force.")
    void identify(@Parameters(arity = "0..1", paramLabel = "sec|force") String arg) {
        IpmiClient bmc = client();
        String text;
        try {
            if (arg == null) {
                bmc.chassis().identify();
                text = "default (15 seconds)";
            } else if (arg.equals("force")) {
                bmc.chassis().identifyForce();
                text = "indefinite";
            } else {
                int sec = Numbers.parse(arg);
                if (sec < 0 || sec > 255) {
                    throw new CliException("Given identify interval \"" + arg + "\" is invalid.");
                }
                bmc.chassis().identify(sec);
                text = sec == 0 ? "off" : sec + " seconds";
            }
        } catch (CompletionCodeException e) {
            throw new CliException("Set Chassis Identify failed: " + e.code().description());
        }
        if (!printJson(Map.of("interval", text))) {
            out().println("Chassis identify interval: " + text);
            out().flush();
        }
    }

    @Command(name = "bootdev", description = "Set the boot device: none|pxe|disk|safe|diag|cdrom|bios|floppy "
            + "[clear-cmos=yes|no] [options=persistent,efiboot,...].")
    void bootdev(@Parameters(index = "0", paramLabel = "device") String device,
                 @Parameters(index = "1..*", arity = "0..*", paramLabel = "clear-cmos=yes|options=...") List<String> rest) {
        boolean clearCmos = false;
        List<String> options = new ArrayList<>();
        if (rest != null) {
            for (String r : rest) {
                if (r.startsWith("clear-cmos=")) {
                    clearCmos = r.substring("clear-cmos=".length()).equals("yes");
                } else if (r.startsWith("options=")) {
                    options.addAll(List.of(r.substring("options=".length()).split(",")));
                } else {
                    throw new CliException("Invalid argument: " + r);
                }
            }
        }
        BootFlags flags;
        try {
            flags = BootFlags.ipmitoolBootdev(device, clearCmos, options.toArray(String[]::new));
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
        IpmiClient bmc = client();
        try {
            bmc.chassis().setBootFlags(flags);
        } catch (CompletionCodeException e) {
            throw new CliException("Error setting Chassis Boot Parameter 5: " + e.code().description());
        }
        if (!printJson(flags)) {
            out().println("Set Boot Device to " + device);
            out().flush();
        }
    }

    @Command(name = "bootparam", description = "get <param #>: read a system boot options parameter.")
    void bootparam(@Parameters(index = "0", paramLabel = "get") String verb,
                   @Parameters(index = "1", paramLabel = "param") String param) {
        if (!verb.equals("get")) {
            throw new CliException("bootparam: only 'get' is supported");
        }
        int selector = Numbers.parse(param);
        GetSystemBootOptions.Response r;
        IpmiClient bmc = client();
        try {
            r = bmc.chassis().bootParameter(selector);
        } catch (CompletionCodeException e) {
            throw new CliException("Get Chassis Boot Parameter " + selector + " failed: " + e.code().description());
        }
        if (!printJson(r)) {
            IpmitoolText.bootParameter(r, out());
        }
    }



    @Command(name = "poh", description = "Power-on hours (Get POH Counter).")
    void poh() {
        GetPohCounter.Response r;
        IpmiClient bmc = client();
        try {
            r = bmc.chassis().powerOnHours();
        } catch (CompletionCodeException e) {
            throw new CliException("Get Chassis Power-On-Hours failed: " + e.code().description());
        }
        if (!printJson(r)) {
            out().println(IpmitoolText.poh(r));
            out().flush();
        }
    }


    @Command(name = "restart_cause", description = "Why the system last restarted (Get System Restart Cause).")
    void restartCause() {
        GetSystemRestartCause.Response r;
        IpmiClient bmc = client();
        try {
            r = bmc.chassis().restartCause();
        } catch (CompletionCodeException e) {
            throw new CliException("Get Chassis Restart Cause failed: " + e.code().description());
        }
        if (!printJson(r)) {
            out().println("System restart cause: " + (r.cause().isKnown() ? r.cause().displayName() : "invalid"));
            out().flush();
        }
    }

    @Command(name = "policy", description = "Power restore policy: list, always-on, previous, always-off.")
    void policy(@Parameters(paramLabel = "list|always-on|previous|always-off") String what) {
        PowerRestorePolicy p = switch (what) {
            case "list" -> null;
            case "always-on" -> PowerRestorePolicy.ALWAYS_ON;
            case "previous" -> PowerRestorePolicy.PREVIOUS;
            case "always-off" -> PowerRestorePolicy.ALWAYS_OFF;
            default -> throw new CliException("Invalid chassis power policy: " + what);
        };
        SetPowerRestorePolicy.Response r;
        IpmiClient bmc = client();
        try {
            r = p == null ? bmc.chassis().powerRestorePolicies() : bmc.chassis().setPowerRestorePolicy(p);
        } catch (CompletionCodeException e) {
            throw new CliException("Power Restore Policy command failed: " + e.code().description());
        }
        if (printJson(r)) {
            return;
        }
        if (p == null) {
            StringBuilder sb = new StringBuilder("Supported chassis power policy:  ");
            if (r.alwaysOffSupported()) {
                sb.append("always-off ");
            }
            if (r.alwaysOnSupported()) {
                sb.append("always-on ");
            }
            if (r.previousSupported()) {
                sb.append("previous ");
            }
            out().println(sb);
        } else {
            out().println("Set chassis power restore policy to " + what);
        }
        out().flush();
    }
}
