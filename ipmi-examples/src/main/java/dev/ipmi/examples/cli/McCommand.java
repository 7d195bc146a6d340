package dev.ipmi.examples.cli;

import dev.ipmi.core.CompletionCodeException;
import dev.ipmi.core.client.McReset;
import dev.ipmi.core.commands.app.GetDeviceId;
import dev.ipmi.core.commands.app.GetSelfTestResults;
import dev.ipmi.core.types.ByteString;
import dev.ipmi.core.types.Guid;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code mc info|guid|selftest|reset}: management controller commands, as ipmitool 1.8.19. */
@Command(name = "mc", description = "Management controller: info, guid, selftest, reset.")
final class McCommand extends CliCommand implements Runnable {

    @Override
    public void run() {
        usage();
    }

    /** {@code mc info}: Get Device ID printed the way ipmitool 1.8.19 prints it. */
    @Command(name = "info", description = "Print Get Device ID information (as ipmitool mc info).")
    void info() {
        GetDeviceId.Response id = client().execute(new GetDeviceId.Request());
        if (!printJson(infoJson(id))) {
            IpmitoolText.mcInfo(id, out());
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
                support.add(IpmitoolText.SUPPORT[bit]);
            }
        }
        m.put("additionalDeviceSupport", support);
        m.put("auxFirmwareRevision", id.auxFirmwareRevision().map(ByteString::hex).orElse(null));
        return m;
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
            IpmitoolText.mcGuid(g, out());
        }
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
            out().print(IpmitoolText.mcSelftest(r));
            out().flush();
        }
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
