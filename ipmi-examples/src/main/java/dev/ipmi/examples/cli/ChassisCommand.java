package dev.ipmi.examples.cli;

import dev.ipmi.core.CompletionCodeException;
import dev.ipmi.core.client.IpmiClient;
import dev.ipmi.core.commands.chassis.BootDevice;
import dev.ipmi.core.commands.chassis.BootFlags;
import dev.ipmi.core.commands.chassis.GetChassisStatus;
import dev.ipmi.core.commands.chassis.GetPohCounter;
import dev.ipmi.core.commands.chassis.GetSystemBootOptions;
import dev.ipmi.core.commands.chassis.GetSystemRestartCause;
import dev.ipmi.core.commands.chassis.PowerRestorePolicy;
import dev.ipmi.core.commands.chassis.SetPowerRestorePolicy;
import dev.ipmi.core.wire.ByteWriter;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HexFormat;
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
            printStatus(s, out());
        }
    }

    static void printStatus(GetChassisStatus.Response s, PrintWriter out) {
        out.printf("System Power         : %s%n", s.powerOn() ? "on" : "off");
        out.printf("Power Overload       : %s%n", s.powerOverload());
        out.printf("Power Interlock      : %s%n", s.interlockActive() ? "active" : "inactive");
        out.printf("Main Power Fault     : %s%n", s.mainPowerFault());
        out.printf("Power Control Fault  : %s%n", s.powerControlFault());
        out.printf("Power Restore Policy : %s%n", policyName(s.restorePolicy()));
        StringBuilder last = new StringBuilder();
        GetChassisStatus.LastPowerEvent e = s.lastPowerEvent();
        if (e.acFailed()) {
            last.append("ac-failed ");
        }
        if (e.powerOverload()) {
            last.append("overload ");
        }
        if (e.powerInterlock()) {
            last.append("interlock ");
        }
        if (e.powerFault()) {
            last.append("fault ");
        }
        if (e.powerOnByIpmiCommand()) {
            last.append("command");
        }
        out.printf("Last Power Event     : %s%n", last);
        out.printf("Chassis Intrusion    : %s%n", s.intrusionActive() ? "active" : "inactive");
        out.printf("Front-Panel Lockout  : %s%n", s.frontPanelLockout() ? "active" : "inactive");
        out.printf("Drive Fault          : %s%n", s.driveFault());
        out.printf("Cooling/Fan Fault    : %s%n", s.coolingFault());
        s.frontPanel().ifPresent(f -> {
            boolean any = f.standbyDisableAllowed() || f.diagnosticDisableAllowed() || f.resetDisableAllowed()
                    || f.powerOffDisableAllowed() || f.standbyDisabled() || f.diagnosticDisabled()
                    || f.resetDisabled() || f.powerOffDisabled();
            if (!any) {
                out.printf("Front Panel Control  : none%n");
            } else {
                out.printf("Sleep Button Disable : %s%n", f.standbyDisableAllowed() ? "allowed" : "not allowed");
                out.printf("Diag Button Disable  : %s%n", f.diagnosticDisableAllowed() ? "allowed" : "not allowed");
                out.printf("Reset Button Disable : %s%n", f.resetDisableAllowed() ? "allowed" : "not allowed");
                out.printf("Power Button Disable : %s%n", f.powerOffDisableAllowed() ? "allowed" : "not allowed");
                out.printf("Sleep Button Disabled: %s%n", f.standbyDisabled());
                out.printf("Diag Button Disabled : %s%n", f.diagnosticDisabled());
                out.printf("Reset Button Disabled: %s%n", f.resetDisabled());
                out.printf("Power Button Disabled: %s%n", f.powerOffDisabled());
            }
        });
        out.flush();
    }

    private static String policyName(PowerRestorePolicy p) {
        return switch (p.code()) {
            case 0 -> "always-off";
            case 1 -> "previous";
            case 2 -> "always-on";
            default -> "unknown";
        };
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
            printBootParameter(r, out());
        }
    }

    static void printBootParameter(GetSystemBootOptions.Response r, PrintWriter out) {
        ByteWriter w = new ByteWriter();
        r.parameter().encodeData(w);
        byte[] d = w.toByteArray();
        out.printf("Boot parameter version: %d%n", r.parameterVersion());
        out.printf("Boot parameter %d is %s%n", r.parameter().selector(), r.invalid() ? "invalid/locked" : "valid/unlocked");
        out.printf("Boot parameter data: %s%n", HexFormat.of().formatHex(d));
        if (r.parameter() instanceof BootFlags f) {
            printBootFlags(f, out);
        }
        out.flush();
    }

    static void printBootFlags(BootFlags f, PrintWriter out) {
        out.println(" Boot Flags :");
        out.println(f.valid() ? "   - Boot Flag Valid" : "   - Boot Flag Invalid");
        out.println(f.persistent() ? "   - Options apply to all future boots" : "   - Options apply to only next boot");
        out.println(f.efi() ? "   - BIOS EFI boot " : "   - BIOS PC Compatible (legacy) boot ");
        if (f.clearCmos()) {
            out.println("   - CMOS Clear");
        }
        if (f.lockKeyboard()) {
            out.println("   - Lock Keyboard");
        }
        BootDevice dev = f.device();
        out.println("   - Boot Device Selector : " + (dev.isKnown() ? dev.displayName() : "Flag error"));
        if (f.screenBlank()) {
            out.println("   - Screen blank");
        }
        if (f.lockResetButton()) {
            out.println("   - Lock out Reset buttons");
        }
        if (f.lockPowerButton()) {
            out.println("   - Lock out (power off/sleep request) via Power Button");
        }
        out.println("   - BIOS verbosity : " + switch (f.verbosity().code()) {
            case 0 -> "System Default";
            case 1 -> "Request Quiet Display";
            case 2 -> "Request Verbose Display";
            default -> "Flag error";
        });
        if (f.forceProgressEventTraps()) {
            out.println("   - Force progress event traps");
        }
        if (f.userPasswordBypass()) {
            out.println("   - User password bypass");
        }
        if (f.lockSleepButton()) {
            out.println("   - Lock Out Sleep Button");
        }
        out.println("   - Console Redirection control : " + switch (f.consoleRedirection().code()) {
            case 0 -> "Console redirection occurs per BIOS configuration setting (default)";
            case 1 -> "Suppress (skip) console redirection if enabled";
            case 2 -> "Request console redirection be enabled";
            default -> "Flag error";
        });
        if (f.biosSharedModeOverride()) {
            out.println("   - BIOS Shared Mode Override");
        }
        out.println("   - BIOS Mux Control Override : " + switch (f.biosMuxControl()) {
            case 0 -> "BIOS uses recommended setting of the mux at the end of POST";
            case 1 -> "Requests BIOS to force mux to BMC at conclusion of POST/start of OS boot";
            case 2 -> "Requests BIOS to force mux to system at conclusion of POST/start of OS boot";
            default -> "Flag error";
        });
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
            out().println(pohText(r));
            out().flush();
        }
    }

    /** ipmitool 1.8.19's arithmetic: minutes as a float, then whole days and hours. */
    static String pohText(GetPohCounter.Response r) {
        float minutes = (float) r.counter() * r.minutesPerCount();
        long days = (long) (minutes / 1440);
        minutes -= (float) days * 1440;
        long hours = (long) (minutes / 60);
        minutes -= hours * 60;
        if (r.minutesPerCount() < 60) {
            return String.format("POH Counter  : %d days, %d hours, %d minutes", days, hours, (long) minutes);
        }
        return String.format("POH Counter  : %d days, %d hours", days, hours);
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
