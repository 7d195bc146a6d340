package dev.ipmi.examples.cli;

import dev.ipmi.core.IpmiException;
import dev.ipmi.core.client.IpmiClient;
import dev.ipmi.core.commands.app.GetDeviceId;
import dev.ipmi.core.commands.chassis.BootFlags;
import dev.ipmi.core.commands.chassis.ChassisControl;
import dev.ipmi.core.commands.chassis.GetChassisStatus;
import dev.ipmi.core.commands.chassis.GetSystemBootOptions;
import dev.ipmi.core.commands.chassis.PowerAction;
import dev.ipmi.core.commands.chassis.SetSystemBootOptions;
import dev.ipmi.core.commands.sensor.GetSensorReading;
import dev.ipmi.core.commands.storage.GetFruInventoryAreaInfo;
import dev.ipmi.core.commands.storage.GetSdr;
import dev.ipmi.core.commands.storage.GetSelEntry;
import dev.ipmi.core.commands.storage.GetSelInfo;
import dev.ipmi.core.commands.storage.ReadFruData;
import dev.ipmi.core.sdr.EventText;
import dev.ipmi.core.sdr.IpmitoolFormat;
import dev.ipmi.core.sdr.SdrRecord;
import dev.ipmi.core.sdr.SensorTypes;
import dev.ipmi.core.sdr.TypeLengthString;
import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.types.CipherSuite;
import dev.ipmi.core.options.LanPlusOptions;
import dev.ipmi.lanplus.LanPlusSession;
import dev.ipmi.bmc.InMemoryBackend;
import dev.ipmi.bmc.VirtualBmc;
import dev.ipmi.bmc.VirtualBmcServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/**
 * {@code ipmi demo}: starts an in-process virtual BMC on a free loopback port and walks through
 * power, boot device, sensors, SEL, FRU and SOL with the ipmi-java client, printing each step. A step
 * whose client side is missing prints {@code skipped: <reason>} instead of failing the demo.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Starts an in-process virtual BMC and drives it with the ipmi-java client.")
public final class DemoCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private PrintWriter out;
    private int failures;

    @Override
    public void run() {
        out = spec.commandLine().getOut();
        byte[] secret = new byte[12];
        new SecureRandom().nextBytes(secret);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        InMemoryBackend backend = InMemoryBackend.builder().cycleNanos(1_000_000_000L).build();
        VirtualBmc bmc = VirtualBmc.builder()
                .user("admin", password, PrivilegeLevel.ADMINISTRATOR)
                .cipherSuites(CipherSuite.SUITE_17, CipherSuite.SUITE_3)
                .backend(backend)
                .build();
        try (VirtualBmcServer server = VirtualBmcServer.start()) {
            int port = server.add(bmc).getPort();
            out.printf("== virtual BMC on 127.0.0.1:%d (RMCP+ suites 17,3; user admin, one-time password)%n", port);
            out.printf("   try: ipmitool -I lanplus -C 17 -H 127.0.0.1 -p %d -U admin -P %s sdr list%n", port,
                    password);
            LanPlusOptions options = LanPlusOptions.builder("127.0.0.1").port(port)
                    .credentials("admin", password.toCharArray()).privilege(PrivilegeLevel.ADMINISTRATOR)
                    .cipherSuite(CipherSuite.AUTO).build();
            try (LanPlusSession session = LanPlusSession.open(options);
                 IpmiClient client = IpmiClient.using(session)) {
                out.printf("== session: RMCP+ cipher suite %d, privilege %s, login %d ms%n",
                        session.cipherSuite().id(), session.privilege(), session.loginDuration().toMillis());
                step("mc info", () -> mcInfo(client));
                step("power", () -> power(client, backend));
                step("boot device", () -> bootDevice(client));
                step("sensors", () -> sensors(client));
                step("SEL", () -> sel(client));
                step("FRU", () -> fru(client));
                step("SOL echo", () -> solEcho(client));
            }
        }
        out.println(failures == 0 ? "== demo complete" : "== demo finished with " + failures + " failed step(s)");
        out.flush();
        if (failures > 0) {
            throw new CliException("Error: " + failures + " demo step(s) failed");
        }
    }

    private void step(String name, Runnable body) {
        out.println("== " + name);
        try {
            body.run();
        } catch (UnsupportedOperationException e) {
            out.println("   skipped: " + e.getMessage());
        } catch (IpmiException | IllegalArgumentException e) {
            failures++;
            out.println("   failed: " + e.getMessage());
        }
        out.flush();
    }

    private void solEcho(IpmiClient client) {
        String line = "hello from ipmi-java";
        try (dev.ipmi.core.sol.SolSession sol = client.sol().activate(dev.ipmi.core.sol.SolOptions.defaults())) {
            String banner = readUntil(sol.input(), "login: ");
            out.printf("   console says: %s%n", banner.strip().replace("\r\n", " | "));
            sol.output().write((line + "\r").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            sol.output().flush();
            String answer = readUntil(sol.input(), "you typed: " + line);
            out.printf("   typed '%s', console answered: %s%n", line,
                    answer.contains("you typed: " + line) ? "you typed: " + line : "(nothing)");
        } catch (java.io.IOException e) {
            throw new dev.ipmi.core.IpmiTransportException("SOL console: " + e.getMessage(), e);
        }
    }

    /** Reads until {@code marker} appears, the stream ends, or 4 KiB arrived (the demo's console is short). */
    private static String readUntil(java.io.InputStream in, String marker) throws java.io.IOException {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        while (seen.size() < 4096 && !seen.toString(java.nio.charset.StandardCharsets.ISO_8859_1).contains(marker)) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            seen.write(b);
        }
        return seen.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private void mcInfo(IpmiClient client) {
        GetDeviceId.Response id = client.execute(new GetDeviceId.Request());
        out.printf("   device ID %d, firmware %s, IPMI %s, manufacturer %d, product %d%n", id.deviceId(),
                id.firmwareRevisionText(), id.ipmiVersionText(), id.manufacturerId(), id.productId());
    }

    private boolean powerOn(IpmiClient client) {
        return client.execute(new GetChassisStatus.Request()).powerOn();
    }

    private void power(IpmiClient client, InMemoryBackend backend) {
        out.println("   chassis power is " + (powerOn(client) ? "on" : "off"));
        client.execute(new ChassisControl.Request(PowerAction.POWER_UP));
        out.println("   power on  -> chassis power is " + (powerOn(client) ? "on" : "off"));
        client.execute(new ChassisControl.Request(PowerAction.POWER_CYCLE));
        out.println("   power cycle -> chassis power is " + (powerOn(client) ? "on" : "off"));
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!powerOn(client) && System.nanoTime() < deadline) {
            sleep(200);
        }
        out.println("   ... after the cycle chassis power is " + (powerOn(client) ? "on" : "off"));
    }

    private void bootDevice(IpmiClient client) {
        client.execute(SetSystemBootOptions.Request.of(BootFlags.ipmitoolBootdev("pxe", false)));
        var flags = client.execute(GetSystemBootOptions.Request.of(5)).parameter();
        if (flags instanceof BootFlags f) {
            out.println("   next boot: " + f.device() + (f.valid() ? " (valid)" : ""));
        }
    }

    private void sensors(IpmiClient client) {
        int next = GetSdr.FIRST;
        for (int guard = 0; guard < 256 && next != GetSdr.LAST; guard++) {
            GetSdr.Response r = client.execute(new GetSdr.Request(0, next, 0, GetSdr.ENTIRE_RECORD));
            next = r.nextRecordId();
            SdrRecord rec = SdrRecord.decode(r.data().toByteArray());
            if (rec instanceof SdrRecord.FullSensor s && s.hasAnalogReading()) {
                GetSensorReading.Response reading = client.execute(new GetSensorReading.Request(s.key().sensorNumber()));
                double value = s.conversion().convert(reading.raw());
                out.printf("   %-12s %10s %s%n", s.name(), IpmitoolFormat.fixed(value, 2), s.units().ipmitoolText());
            } else {
                out.printf("   %-12s (%s)%n", rec.name(), rec.getClass().getSimpleName());
            }
        }
    }

    private void sel(IpmiClient client) {
        GetSelInfo.Response info = client.execute(new GetSelInfo.Request());
        out.println("   " + info.entries() + " entries");
        int next = GetSelEntry.FIRST;
        for (int guard = 0; guard < 1024 && next != GetSelEntry.LAST && info.entries() > 0; guard++) {
            GetSdr.Response r = client.execute(new GetSelEntry.Request(0, next, 0, GetSelEntry.ENTIRE_RECORD));
            next = r.nextRecordId();
            byte[] e = r.data().toByteArray();
            long ts = (e[3] & 0xFFL) | (e[4] & 0xFFL) << 8 | (e[5] & 0xFFL) << 16 | (e[6] & 0xFFL) << 24;
            int type = e[12] & 0x7F;
            boolean deassert = (e[12] & 0x80) != 0;
            out.printf("   %4d | %s | %s #0x%02x | %s | %s%n", (e[0] & 0xFF) | (e[1] & 0xFF) << 8,
                    Instant.ofEpochSecond(ts), SensorTypes.name(e[10] & 0xFF), e[11] & 0xFF,
                    EventText.describe(type, e[10] & 0xFF, e[13] & 0x0F), deassert ? "Deasserted" : "Asserted");
        }
    }

    private void fru(IpmiClient client) {
        int size = client.execute(new GetFruInventoryAreaInfo.Request(0)).areaSize();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        while (all.size() < size) {
            ReadFruData.Response r = client.execute(new ReadFruData.Request(0, all.size(),
                    Math.min(32, size - all.size())));
            if (r.data().isEmpty()) {
                break;
            }
            all.writeBytes(r.data().toByteArray());
        }
        byte[] fru = all.toByteArray();
        int product = (fru[4] & 0xFF) * 8;
        if (product == 0) {
            out.println("   no product area");
            return;
        }
        ByteReader in = ByteReader.of(fru, product + 3, fru.length - product - 3);
        String[] labels = {"Product Manufacturer", "Product Name", "Product Part Number", "Product Version",
                "Product Serial"};
        for (String label : labels) {
            out.printf("   %-21s: %s%n", label, TypeLengthString.decodeFru(in, label, true).text());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }
}
