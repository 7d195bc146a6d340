package dev.ipmi.core.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.core.commands.sensor.GetSensorThresholds;
import dev.ipmi.core.fru.FruFormat;
import dev.ipmi.core.fru.FruReader;
import dev.ipmi.core.sdr.IpmitoolFormat;
import dev.ipmi.core.sdr.SdrCache;
import dev.ipmi.core.sdr.SdrReader;
import dev.ipmi.core.sdr.SdrRecord;
import dev.ipmi.core.sdr.SdrScan;
import dev.ipmi.core.sdr.SensorReader;
import dev.ipmi.core.sdr.SensorReading;
import dev.ipmi.core.sel.SelFormat;
import dev.ipmi.core.sel.SelReader;
import dev.ipmi.core.sel.SelRecord;
import dev.ipmi.testing.IpmiSim;
import dev.ipmi.testing.IpmitoolRawTransport;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The SDR, SEL and FRU readers of ipmi-core against a real ipmi_sim, compared line for line with
 * ipmitool's output on the same instance. Requests go through {@link IpmitoolRawTransport} (ipmitool
 * raw), because the project's own LAN session lives in another module.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SdrSelFruAgainstIpmiSimIT {
    static IpmiSim sim;
    static IpmitoolRawTransport transport;

    @BeforeAll
    static void start() {
        sim = IpmiSim.builder().sol(false).start();
        transport = new IpmitoolRawTransport(sim);
    }

    @AfterAll
    static void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private static List<String> ipmitool(String... cmd) throws Exception {
        List<String> args = new ArrayList<>(sim.ipmitoolArgs("lan", IpmiSim.ADMIN, IpmiSim.ADMIN_PASSWORD));
        args.addAll(Arrays.asList(cmd));
        String out = IpmiSim.run(args, sim.stateDir());
        return out.lines().filter(l -> !l.isEmpty()).toList();
    }

    private static SensorReading read(SdrRecord.SensorRecord s) {
        return new SensorReader(transport).read(s).join();
    }

    private static GetSensorThresholds.Response thresholds(SdrRecord.SensorRecord s) {
        if (!(s instanceof SdrRecord.FullSensor f) || !f.isThreshold() || f.thresholdAccess() == 0) {
            return null;
        }
        return new SensorReader(transport).thresholds(f).join().raw();
    }

    private static List<SdrRecord.SensorRecord> readable(SdrScan scan) {
        return scan.sensors().stream()
                .filter(s -> s instanceof SdrRecord.FullSensor || s instanceof SdrRecord.CompactSensor).toList();
    }

    private static void assertListsMatchIpmitool() throws Exception {
        SdrScan scan = SdrReader.repository(transport).readAll().join();
        List<String> list = new ArrayList<>();
        List<String> elist = new ArrayList<>();
        List<String> sensors = new ArrayList<>();
        for (SdrRecord.SensorRecord s : readable(scan)) {
            SensorReading r = read(s);
            list.add(IpmitoolFormat.sdrList(r));
            elist.add(IpmitoolFormat.sdrElist(r));
            sensors.add(IpmitoolFormat.sensorList(r, thresholds(s)));
        }
        assertThat(list).isEqualTo(ipmitool("sdr", "list"));
        assertThat(elist).isEqualTo(ipmitool("sdr", "elist"));
        assertThat(sensors).isEqualTo(ipmitool("sensor", "list"));
    }

    private static void assertSensorGetMatchesIpmitool() throws Exception {
        SdrScan scan = SdrReader.repository(transport).readAll().join();
        for (SdrRecord.SensorRecord s : readable(scan)) {
            var enable = s.isThreshold() ? transport.send(
                    new dev.ipmi.core.commands.sensor.GetSensorEventEnable.Request(s.key().sensorNumber())).join() : null;
            List<String> theirs = ipmitool("sensor", "get", s.name()).stream()
                    .filter(l -> !l.equals("Locating sensor record...")).toList();
            assertThat(IpmitoolFormat.sensorGet(read(s), thresholds(s), enable)).as(s.name()).isEqualTo(theirs);
        }
    }

    @Test
    @Order(1)
    void sdrListElistAndSensorListMatchIpmitool() throws Exception {
        assertListsMatchIpmitool();
        assertSensorGetMatchesIpmitool();
    }

    @Test
    @Order(2)
    void stillMatchAfterChangingSensorsLiveThroughTheEmulator() throws Exception {
        sim.command("sensor_set_value 0x20 0 1 99 1", "sensor_set_value 0x20 0 3 8 1",
                "sensor_set_value 0x20 0 4 185 1", "sensor_set_bit_clr_rest 0x20 0 5 1 1 1");
        assertListsMatchIpmitool();
        assertSensorGetMatchesIpmitool();
        String inlet = " 000001111000000 000001111000000 000001111000000 000001111000000";
        String dimm = " 000000000000011 000000000000011 000000000000011 000000000000011";
        sim.command("sensor_set_event_support 0x20 0 2 enable no-scanning per-state" + inlet,
                "sensor_set_event_support 0x20 0 6 enable no-scanning per-state" + dimm);
        assertListsMatchIpmitool();
        sim.command("sensor_set_event_support 0x20 0 2 enable scanning per-state" + inlet,
                "sensor_set_event_support 0x20 0 6 enable scanning per-state" + dimm);
    }

    @Test
    @Order(3)
    void secondScanOfTheUnchangedRepositoryCostsOneRequest() {
        SdrCache cache = SdrCache.inMemory();
        SdrScan first = SdrReader.repository(transport).readAll(cache, "sim").join();
        int before = transport.requests.get();
        SdrScan second = SdrReader.repository(transport).readAll(cache, "sim").join();
        assertThat(transport.requests.get() - before).isEqualTo(1);
        assertThat(second.fromCache()).isTrue();
        assertThat(second.records()).isEqualTo(first.records());
    }

    private static List<String> ourSelElist() {
        SdrScan scan = SdrReader.repository(transport).readAll().join();
        List<String> lines = new ArrayList<>();
        for (SelRecord r : SelReader.of(transport).readAll().join().records()) {
            SdrRecord.SensorRecord sensor = null;
            if (r instanceof SelRecord.SystemEvent e) {
                sensor = scan.sensors().stream().filter(s -> s.key().sensorNumber() == e.sensorNumber()
                        && s.sensorType() == e.sensorType() && s.key().ownerId() == e.generatorAddress())
                        .findFirst().orElse(null);
            }
            lines.add(SelFormat.elist(r, ZoneId.systemDefault(), sensor));
        }
        return lines;
    }

    @Test
    @Order(4)
    void selElistMatchesIpmitool() throws Exception {
        ipmitool("sel", "time", "set", "now");
        sim.command("sensor_set_value 0x20 0 2 50 1");
        assertThat(ourSelElist()).hasSizeGreaterThan(5).isEqualTo(ipmitool("sel", "elist"));
        List<String> list = SelReader.of(transport).readAll().join().records().stream()
                .map(r -> SelFormat.list(r, ZoneId.systemDefault())).toList();
        assertThat(list).isEqualTo(ipmitool("sel", "list"));
        assertThat(SelFormat.info(SelReader.of(transport).info().join(), ZoneId.systemDefault()))
                .isEqualTo(ipmitool("sel", "info"));
        // partial reads under a reservation give the same entries
        assertThat(SelReader.of(transport).firstChunk(5).readAll().join().records())
                .isEqualTo(SelReader.of(transport).readAll().join().records());
    }

    @Test
    @Order(3)
    void smallPiecesReadTheSameRepository() {
        SdrScan whole = SdrReader.repository(transport).readAll().join();
        SdrScan pieces = SdrReader.repository(transport).firstChunk(12).readAll().join();
        assertThat(pieces.records()).isEqualTo(whole.records());
    }

    @Test
    @Order(5)
    void selClearAgreesWithIpmitool() throws Exception {
        SelReader.of(transport).clear().join();
        assertThat(ipmitool("sel", "info")).anySatisfy(l -> assertThat(l).matches("Entries\\s+: 0"))
                .isEqualTo(SelFormat.info(SelReader.of(transport).info().join(), ZoneId.systemDefault()));
        assertThat(SelReader.of(transport).readAll().join().records()).isEmpty();
    }

    @Test
    @Order(6)
    void fruPrintMatchesIpmitool() throws Exception {
        var fru = FruReader.of(transport).inventory(0).join();
        assertThat(fru.problems()).isEmpty();
        assertThat(FruFormat.lines(fru)).isEqualTo(ipmitool("fru", "print", "0"));
        assertThat(FruFormat.print("Builtin FRU Device", 0, fru)).isEqualTo(ipmitool("fru", "print"));
    }

    private static List<String> freeipmi(String tool, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of(tool, "-h", sim.host() + ":" + sim.port(), "-u", IpmiSim.ADMIN,
                "-p", IpmiSim.ADMIN_PASSWORD, "-D", "LAN"));
        args.addAll(Arrays.asList(extra));
        return IpmiSim.run(args, sim.stateDir()).lines().toList();
    }

    @Test
    @Order(7)
    void sensorValuesAndFruFieldsAgreeWithFreeIpmi() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(IpmiSim.onPath("ipmi-sensors"), "FreeIPMI not installed");
        SdrScan scan = SdrReader.repository(transport).readAll().join();
        List<String> ours = new ArrayList<>();
        for (SdrRecord.SensorRecord s : readable(scan)) {
            SensorReading r = read(s);
            ours.add(s.name() + "=" + (r instanceof SensorReading.Analog a ? String.format("%.2f", a.value()) : "N/A"));
        }
        List<String> theirs = freeipmi("ipmi-sensors", "--sdr-cache-recreate", "--quiet-cache",
                "--sdr-cache-directory=" + sim.stateDir()).stream().skip(1)
                .map(l -> l.split("\\s*\\|\\s*")).map(c -> c[1] + "=" + c[3]).toList();
        assertThat(ours).isEqualTo(theirs);
        var fru = FruReader.of(transport).inventory(0).join();
        List<String> fruLines = freeipmi("ipmi-fru");
        assertThat(fruLines).contains("  FRU Board Manufacturer: " + fru.board().orElseThrow().manufacturer().text(),
                "  FRU Product Name: " + fru.product().orElseThrow().name().text(),
                "  FRU FRU File ID: " + fru.product().orElseThrow().fruFileId().text(),
                "  FRU Chassis Serial Number: " + fru.chassis().orElseThrow().serialNumber().text());
    }
}
