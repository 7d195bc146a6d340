package dev.ipmi.examples.cli;

import dev.ipmi.core.CompletionCodeException;
import dev.ipmi.core.client.McReset;
import dev.ipmi.core.commands.app.GetDeviceId;
import dev.ipmi.core.commands.app.GetSelfTestResults;
import dev.ipmi.core.commands.app.SelfTestResult;
import dev.ipmi.core.types.Guid;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code mc info|guid|selftest|reset}: management controller commands, as ipmitool 1.8.19. */
@Command(name = "mc", description = "Management controller: info, guid, selftest, reset.")
final class McCommand extends CliCommand implements Runnable {
    private static final String[] SUPPORT = {"Sensor Device", "SDR Repository Device", "SEL Device",
        "FRU Inventory Device", "IPMB Event Receiver", "IPMB Event Generator", "Bridge", "Chassis Device"};

    @Override
    public void run() {
        usage();
    }

    /** {@code mc info}: Get Device ID printed the way ipmitool 1.8.19 prints it. */
    @Command(name = "info", description = "Print Get Device ID information (as ipmitool mc info).")
    void info() {
        GetDeviceId.Response id = client().execute(new GetDeviceId.Request());
        if (!printJson(infoJson(id))) {
            printInfo(id, out());
        }
    }

    /** The JSON shape of {@code mc info}: the fields ipmitool prints, names as in the README table. */
    static Map<String, Object> infoJson(GetDeviceId.Response id) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("deviceId", id.deviceId());
        m.put("deviceRevision", id.deviceRevision());
        m.put("firmwareRevision", id.firmwareRevisionText());
        m.put("ipmiVersion", String.format("%x.%x", id.ipmiVersion() & 0x0F, (id.ipmiVersion() >>> 4) & 0x0F));
        m.put("manufacturerId", id.manufacturerId());
        m.put("manufacturerName", Manufacturers.name(id.manufacturerId()));
        m.put("productId", id.productId());
        m.put("deviceAvailable", id.deviceAvailable());
        m.put("providesDeviceSdrs", id.providesDeviceSdrs());
        List<String> support = new ArrayList<>();
        for (int bit = 0; bit < 8; bit++) {
            if ((id.additionalSupport() & (1 << bit)) != 0) {
                support.add(SUPPORT[bit]);
            }
        }
        m.put("additionalDeviceSupport", support);
        m.put("auxFirmwareRevision", id.auxFirmwareRevision().map(a -> HexFormat.of().formatHex(a)).orElse(null));
        return m;
    }

    static void printInfo(GetDeviceId.Response id, PrintWriter out) {
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
            for (byte b : aux) {
                out.printf("    0x%02x%n", b & 0xFF);
            }
        });
        out.flush();
    }

    @Command(name = "guid", description = "System GUID (Get System GUID).")
    void guid() {
        Guid g;
        try {
            g = client().mc().systemGuid();
        } catch (CompletionCodeException e) {
            throw new CliException("Get GUID command failed: " + e.code().description());
        }
        if (!printJson(g)) {
            printGuid(g, out());
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

    @Command(name = "selftest", description = "Self test results (Get Self Test Results).")
    void selftest() {
        GetSelfTestResults.Response r;
        try {
            r = client().mc().selfTest();
        } catch (CompletionCodeException e) {
            throw new CliException("Bad response: (" + e.code().description() + ")");
        }
        if (!printJson(r)) {
            out().print(selftestText(r));
            out().flush();
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

    @Command(name = "reset", description = "Reset the BMC: warm or cold.")
    void reset(@Parameters(paramLabel = "warm|cold") String kind) {
        McReset k = switch (kind) {
            case "warm" -> McReset.WARM;
            case "cold" -> McReset.COLD;
            default -> throw new CliException("Invalid mc/bmc reset command: " + kind);
        };
        try {
            client().mc().reset(k);
        } catch (CompletionCodeException e) {
            throw new CliException("MC reset command failed: " + e.code().description());
        }
        if (!printJson(Map.of("reset", k))) {
            out().printf("Sent %s reset command to MC%n", kind);
            out().flush();
        }
    }
}
