package dev.ipmi.examples.cli;

import dev.ipmi.core.CompletionCodeException;
import dev.ipmi.core.client.IpmiClient;
import dev.ipmi.core.commands.chassis.PowerAction;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code power status|on|off|cycle|reset|soft|diag} (also {@code chassis power ...}), as ipmitool 1.8.19. */
@Command(name = "power", description = "Chassis power: status, on, off, cycle, reset, soft, diag.")
final class PowerCommand extends CliCommand implements Runnable {
    static final Map<String, PowerAction> ACTIONS = Map.of("on", PowerAction.POWER_UP, "up", PowerAction.POWER_UP,
            "off", PowerAction.POWER_DOWN, "down", PowerAction.POWER_DOWN, "cycle", PowerAction.POWER_CYCLE,
            "reset", PowerAction.HARD_RESET, "soft", PowerAction.SOFT_SHUTDOWN, "diag",
            PowerAction.DIAGNOSTIC_INTERRUPT);

    @Parameters(index = "0", paramLabel = "status|on|off|cycle|reset|soft|diag")
    String what;

    @Override
    public void run() {
        run(this, what);
    }

    static void run(CliCommand ctx, String what) {
        PrintWriter out = ctx.out();
        if (!what.equals("status") && !ACTIONS.containsKey(what)) {
            throw new CliException("chassis power Commands: status, on, off, cycle, reset, diag, soft");
        }
        try {
            IpmiClient bmc = ctx.client();
            if (what.equals("status")) {
                boolean on = bmc.chassis().isPowerOn();
                if (!ctx.printJson(Map.of("powerOn", on))) {
                    out.println("Chassis Power is " + (on ? "on" : "off"));
                }
                return;
            }
            PowerAction action = ACTIONS.get(what);
            try {
                // ipmitool sends the action unconditionally; the no-op rule lives in chassis().power()
                bmc.chassis().control(action);
            } catch (CompletionCodeException e) {
                throw new CliException("Set Chassis Power Control to " + action.displayName() + " failed: "
                        + e.code().description());
            }
            if (!ctx.printJson(Map.of("action", action))) {
                out.println("Chassis Power Control: " + action.displayName());
            }
        } finally {
            out.flush();
        }
    }
}
