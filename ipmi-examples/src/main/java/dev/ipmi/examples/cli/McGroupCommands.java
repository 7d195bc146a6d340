package dev.ipmi.examples.cli;

import dev.ipmi.core.CompletionCodeException;
import dev.ipmi.core.client.IpmiClient;
import dev.ipmi.core.client.McReset;
import dev.ipmi.core.commands.app.GetSelfTestResults;
import dev.ipmi.core.commands.app.SelfTestResult;
import dev.ipmi.core.types.Guid;
import java.io.PrintWriter;
import java.util.Map;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code mc guid|selftest|reset}: the facade's mc group (registered under {@link McCommand}). */
final class McGroupCommands {
    private McGroupCommands() {}

    @Command(name = "guid", description = "System GUID (Get System GUID).")
    static final class GuidCmd implements Runnable {
        @ParentCommand
        McCommand mc;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            Guid g;
            try (IpmiClient bmc = Facade.connect(mc.root)) {
                try {
                    g = bmc.mc().systemGuid();
                } catch (CompletionCodeException e) {
                    throw new CliException("Get GUID command failed: " + e.code().description());
                }
            }
            PrintWriter out = spec.commandLine().getOut();
            if (!Facade.printJson(mc.root, out, g)) {
                printGuid(g, out);
            }
        }

        /**
         * Like ipmitool 1.8.19: try the IPMI encoding, then RFC 4122, and accept the first whose version
         * is 1 (time-based, what IPMI requires); otherwise fall back to SMBIOS order and say so.
         */
        static void printGuid(Guid g, PrintWriter out) {
            UUID ipmi = g.asIpmiUuid();
            UUID rfc = rfc4122(g);
            UUID chosen;
            String encoding;
            if (ipmi.version() == 1) {
                chosen = ipmi;
                encoding = "IPMI";
            } else if (rfc.version() == 1) {
                chosen = rfc;
                encoding = "RFC4122 (WARNING: IPMI Specification violation!)";
            } else {
                chosen = g.asSmbiosUuid();
                encoding = "SMBIOS (WARNING: IPMI Specification violation!)";
            }
            out.printf("System GUID   : %s%n", chosen);
            out.printf("GUID Encoding : %s%n", encoding);
            out.printf("GUID Version  : %s%n", switch (chosen.version()) {
                case 1 -> "Time-based";
                case 2 -> "DCE Security with POSIX UIDs (not for IPMI)";
                case 3 -> "Name-based using MD5 (not for IPMI)";
                case 4 -> "Random (not for IPMI)";
                case 5 -> "Name-based using SHA-1 (not for IPMI)";
                default -> "Unknown (not for IPMI)";
            });
            out.flush();
        }

        private static UUID rfc4122(Guid g) {
            byte[] b = g.bytes();
            long msb = 0;
            long lsb = 0;
            for (int i = 0; i < 8; i++) {
                msb = msb << 8 | (b[i] & 0xFF);
                lsb = lsb << 8 | (b[i + 8] & 0xFF);
            }
            return new UUID(msb, lsb);
        }
    }

    @Command(name = "selftest", description = "Self test results (Get Self Test Results).")
    static final class SelftestCmd implements Runnable {
        @ParentCommand
        McCommand mc;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            GetSelfTestResults.Response r;
            try (IpmiClient bmc = Facade.connect(mc.root)) {
                try {
                    r = bmc.mc().selfTest();
                } catch (CompletionCodeException e) {
                    throw new CliException("Bad response: (" + e.code().description() + ")");
                }
            }
            PrintWriter out = spec.commandLine().getOut();
            if (!Facade.printJson(mc.root, out, r)) {
                out.print(selftestText(r));
                out.flush();
            }
        }

        static String selftestText(GetSelfTestResults.Response r) {
            StringBuilder sb = new StringBuilder();
            int d = r.detail();
            if (r.result().equals(SelfTestResult.PASSED)) {
                sb.append("Selftest: passed\n");
            } else if (r.result().equals(SelfTestResult.NOT_IMPLEMENTED)) {
                sb.append("Selftest: not implemented\n");
            } else if (r.result().equals(SelfTestResult.CORRUPTED_OR_INACCESSIBLE)) {
                sb.append("Selftest: device corrupted\n");
                String[] lines = {" -> SEL device not accessible", " -> SDR repository not accesible",
                    "FRU device not accessible", "IPMB signal lines do not respond", "SDR repository empty",
                    "Internal Use Area corrupted", "Controller update boot block corrupted",
                    "controller operational firmware corrupted"};
                for (int i = 0; i < 8; i++) {
                    if ((d & (0x80 >> i)) != 0) {
                        sb.append(lines[i]).append('\n');
                    }
                }
            } else if (r.result().equals(SelfTestResult.FATAL_HARDWARE_ERROR)) {
                sb.append("Selftest     : fatal error\n");
                sb.append(String.format("Failure code : %02x%n", d));
            } else {
                sb.append(String.format("Selftest     : device specific (%02Xh)%n", r.result().code()));
                sb.append(String.format("Failure code : %02Xh%n", d));
            }
            return sb.toString();
        }
    }

    @Command(name = "reset", description = "Reset the BMC: warm or cold.")
    static final class ResetCmd implements Runnable {
        @ParentCommand
        McCommand mc;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "warm|cold")
        String kind;

        @Override
        public void run() {
            McReset k = switch (kind) {
                case "warm" -> McReset.WARM;
                case "cold" -> McReset.COLD;
                default -> throw new CliException("Invalid mc/bmc reset command: " + kind);
            };
            try (IpmiClient bmc = Facade.connect(mc.root)) {
                try {
                    bmc.mc().reset(k);
                } catch (CompletionCodeException e) {
                    throw new CliException("MC reset command failed: " + e.code().description());
                }
            }
            PrintWriter out = spec.commandLine().getOut();
            if (!Facade.printJson(mc.root, out, Map.of("reset", k))) {
                out.printf("Sent %s reset command to MC%n", kind);
                out.flush();
            }
        }
    }
}
