package dev.ipmi.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.testing.IpmiSim;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code ipmi sdr|sensor|sel|fru …} against one ipmi_sim, compared with ipmitool 1.8.19 running the
 * same command on the same instance: stdout, stderr and exit code must be identical, byte for byte.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IpmiCliMonitoringIT {
    private static final List<String> SENSORS = List.of("CPU Temp", "Inlet Temp", "Fan1", "12V", "PSU1 Status",
            "DIMM1 Presence");
    private static IpmiSim sim;

    @BeforeAll
    static void start() {
        IpmiSim.requireTools();
        sim = IpmiSim.builder().sol(false).start();
    }

    @AfterAll
    static void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private static List<String> iface(String iface) {
        List<String> a = new ArrayList<>(List.of("-I", iface, "-H", sim.host(), "-p", Integer.toString(sim.port()),
                "-U", IpmiSim.ADMIN, "-P", IpmiSim.ADMIN_PASSWORD));
        a.addAll(iface.equals("lan") ? List.of("-A", "MD5") : List.of("-C", "3"));
        return a;
    }

    static CliRun ours(String iface, String... cmd) {
        return CliRun.ipmi(Stream.concat(iface(iface).stream(), Stream.of(cmd)).toArray(String[]::new));
    }

    static CliRun ipmitool(String iface, String... cmd) throws IOException, InterruptedException {
        List<String> a = new ArrayList<>(List.of("ipmitool"));
        a.addAll(iface(iface));
        a.addAll(List.of(cmd));
        IpmiSim.Exec r = IpmiSim.exec(a, sim.stateDir(), Map.of("TZ", ZoneId.systemDefault().getId()));
        return new CliRun(r.rc(), r.out(), r.err());
    }

    /** Runs ipmitool first (the reference), then ours, and requires identical output. */
    static CliRun same(String iface, String... cmd) throws Exception {
        CliRun expected = ipmitool(iface, cmd);
        CliRun actual = ours(iface, cmd);
        assertThat(actual.out()).as("stdout of %s", String.join(" ", cmd)).isEqualTo(expected.out());
        assertThat(actual.err()).as("stderr of %s", String.join(" ", cmd)).isEqualTo(expected.err());
        assertThat(actual.rc()).as("exit code of %s", String.join(" ", cmd)).isEqualTo(expected.rc());
        return actual;
    }

    /** Seconds of a "sel time get" line: "S+ HH:MM:SS" (pre-init) or "MM/dd/yy HH:mm:ss UTC". */
    private static long clock(String line) {
        String t = line.strip();
        if (t.startsWith("S+ ")) {
            String[] f = t.substring(3).split(":");
            return Long.parseLong(f[0]) * 3600 + Long.parseLong(f[1]) * 60 + Long.parseLong(f[2]);
        }
        return LocalDateTime.parse(t.substring(0, 17), DateTimeFormatter.ofPattern("MM/dd/yy HH:mm:ss"))
                .atZone(ZoneId.systemDefault()).toEpochSecond();
    }

    /** "sel time get": the BMC clock ticks between the two runs, so the times may differ by a second or two. */
    static void sameClock(String iface) throws Exception {
        CliRun expected = ipmitool(iface, "sel", "time", "get");
        CliRun actual = ours(iface, "sel", "time", "get");
        assertThat(actual.rc()).isEqualTo(expected.rc());
        assertThat(actual.err()).isEqualTo(expected.err());
        assertThat(actual.out().replaceAll("\\d", "0")).isEqualTo(expected.out().replaceAll("\\d", "0"));
        assertThat(clock(actual.out()) - clock(expected.out())).isBetween(0L, 2L);
    }

    private static void listsAndDetails(String iface) throws Exception {
        same(iface, "sdr", "list");
        same(iface, "sdr", "elist");
        same(iface, "sdr", "list", "all");
        same(iface, "sdr", "elist", "all");
        same(iface, "sensor", "list");
        List<String> get = new ArrayList<>(List.of("sensor", "get"));
        get.addAll(SENSORS);
        same(iface, get.toArray(String[]::new));
        same(iface, "sel", "info");
        same(iface, "sel", "list");
        same(iface, "sel", "elist");
    }

    @Test
    @Order(1)
    void sdrSensorSelAndFruOutputsAreIdenticalToIpmitool() throws Exception {
        listsAndDetails("lan");
        for (String w : List.of("full", "compact", "event", "mcloc", "fru", "generic")) {
            same("lan", "sdr", "list", w);
            same("lan", "sdr", "elist", w);
        }
        same("lan", "sdr", "list", "bogus");
        // the bare group commands: sdr and sensor list, sel info, fru print
        same("lan", "sdr");
        same("lan", "sensor");
        same("lan", "sel");
        same("lan", "fru");
        same("lan", "sdr", "type", "Temperature");
        same("lan", "sdr", "type", "0x08");
        same("lan", "sdr", "type", "list");
        same("lan", "sdr", "type", "Foo");
        same("lan", "sensor", "get", "CPU Temp", "Nope", "Fan1");
        same("lan", "fru", "print");
        same("lan", "fru", "print", "0");
        same("lan", "fru", "print", "5");
        sameClock("lan");
        CliRun sel = ours("lan", "sel", "list");
        List<String> get = new ArrayList<>(List.of("sel", "get"));
        sel.out().lines().map(l -> "0x" + l.substring(0, 4).strip()).forEach(get::add);
        get.add("0x7777");
        assertThat(get).hasSizeGreaterThan(4);
        same("lan", get.toArray(String[]::new));
    }

    @Test
    @Order(2)
    void sdrInfoIsIdenticalToo() throws Exception {
        same("lan", "sdr", "info");
    }

    @Test
    @Order(3)
    void stillIdenticalAfterChangingSensorsLiveThroughTheEmulator() throws Exception {
        sim.command("sensor_set_value 0x20 0 1 99 1", "sensor_set_value 0x20 0 3 8 1",
                "sensor_set_value 0x20 0 4 185 1", "sensor_set_bit_clr_rest 0x20 0 5 1 1 1");
        listsAndDetails("lan");
        CliRun sensors = ours("lan", "sensor", "list");
        assertThat(sensors.out()).contains("| 99.000     | degrees C  | cr    |").contains("| 11.100     | Volts ");
        CliRun sel = ours("lan", "sel", "list");
        List<String> get = new ArrayList<>(List.of("sel", "get"));
        sel.out().lines().map(l -> "0x" + l.substring(0, 4).strip()).forEach(get::add);
        same("lan", get.toArray(String[]::new));
    }

    @Test
    @Order(4)
    void thresholdWeSetIsWhatIpmitoolReads() throws Exception {
        CliRun set = ours("lan", "sensor", "thresh", "CPU Temp", "unc", "81");
        assertThat(set.rc()).as(set.err()).isZero();
        assertThat(ipmitool("lan", "sensor", "get", "CPU Temp").out())
                .contains(" Upper Non-Critical    : 81.000\n");
        same("lan", "sensor", "thresh", "CPU Temp", "unc", "85");
        same("lan", "sensor", "thresh", "CPU Temp", "xyz", "85");
        same("lan", "sensor", "thresh", "CPU Temp", "unc", "abc");
        same("lan", "sensor", "thresh", "Nope", "unc", "85");
        same("lan", "sensor", "thresh", "PSU1 Status", "unc", "3");
        same("lan", "sensor", "get", "CPU Temp");
    }

    @Test
    @Order(5)
    void selTimeSetNowThenGet() throws Exception {
        CliRun set = ours("lan", "sel", "time", "set", "now");
        assertThat(set.rc()).as(set.err()).isZero();
        Instant now = Instant.now();
        DateTimeFormatter f = DateTimeFormatter.ofPattern("MM/dd/yy HH:mm:ss");
        String theirs = ipmitool("lan", "sel", "time", "get").out().strip();
        Instant bmc = LocalDateTime.parse(theirs.substring(0, 17), f).atZone(ZoneId.systemDefault()).toInstant();
        assertThat(Math.abs(bmc.getEpochSecond() - now.getEpochSecond())).isLessThanOrEqualTo(3);
        Instant printed = LocalDateTime.parse(set.out().strip().substring(0, 17), f).atZone(ZoneId.systemDefault())
                .toInstant();
        assertThat(Math.abs(printed.getEpochSecond() - now.getEpochSecond())).isLessThanOrEqualTo(3);
        // ipmitool prints the BMC clock read back after setting it: compare with a second's tolerance
        CliRun theirsSet = ipmitool("lan", "sel", "time", "set", "11/21/26 10:00:00");
        CliRun oursSet = ours("lan", "sel", "time", "set", "11/21/26 10:00:00");
        assertThat(oursSet.rc()).isEqualTo(theirsSet.rc()).isZero();
        assertThat(clock(oursSet.out()) - clock("11/21/26 10:00:00 UTC")).isBetween(0L, 1L);
        assertThat(clock(theirsSet.out()) - clock("11/21/26 10:00:00 UTC")).isBetween(0L, 1L);
        sameClock("lan");
        same("lan", "sel", "time", "set", "bogus");
        // now the SEL has real timestamps: the date/time columns are compared too
        sim.command("sensor_set_value 0x20 0 2 50 1");
        same("lan", "sel", "elist");
        same("lan", "sel", "list");
    }

    @Test
    @Order(6)
    void selAddDeleteAndClearAgreeWithIpmitool() throws Exception {
        Path file = Files.createTempFile(sim.stateDir(), "events-", ".txt");
        Files.writeString(file, "# two events\n0x04 0x01 0x01 0x01 0x01 0x57 0x1a\n\n"
                + "0x04 0x02 0x04 0x01 0x07 0x00 0x00\n0x04 0x01\n");
        same("lan", "sel", "add", file.toString());
        same("lan", "sel", "add", sim.stateDir().resolve("missing.txt").toString());
        same("lan", "sel", "list");
        same("lan", "sel", "elist");
        List<String> ids = ours("lan", "sel", "list").out().lines().map(l -> l.substring(0, 4).strip()).toList();
        CliRun del = ours("lan", "sel", "delete", "0x" + ids.get(ids.size() - 1), "0x" + ids.get(ids.size() - 2));
        assertThat(del.rc()).as(del.err()).isZero();
        assertThat(del.out()).isEqualTo("Deleted entry " + Integer.parseInt(ids.get(ids.size() - 2), 16) + "\n"
                + "Deleted entry " + Integer.parseInt(ids.get(ids.size() - 1), 16) + "\n");
        same("lan", "sel", "delete", "0x7777", "xyz");
        same("lan", "sel", "list");
        CliRun clear = ours("lan", "sel", "clear");
        assertThat(clear.out()).isEqualTo("Clearing SEL.  Please allow a few seconds to erase.\n");
        assertThat(ipmitool("lan", "sel", "info").out()).contains("Entries          : 0\n");
        same("lan", "sel", "info");
        same("lan", "sel", "list");
        same("lan", "sel", "elist");
        same("lan", "sel", "clear");
    }

    @Test
    @Order(7)
    void sdrCacheDirectoryServesTheNextRunWithoutReadingTheRecords() throws Exception {
        Path dir = Files.createTempDirectory(sim.stateDir(), "sdr-cache-");
        CliRun expected = ipmitool("lan", "sdr", "elist");
        CliRun first = ours("lan", "--sdr-cache", dir.toString(), "sdr", "elist");
        assertThat(first.out()).isEqualTo(expected.out());
        Path file;
        try (Stream<Path> files = Files.list(dir)) {
            file = files.filter(f -> f.toString().endsWith(".sdr")).findFirst().orElseThrow();
        }
        assertThat(ours("lan", "--sdr-cache", dir.toString(), "sdr", "elist").out()).isEqualTo(expected.out());
        // rename "CPU Temp" inside the cached record: the next run must print the cached name
        String cached = Files.readString(file);
        String renamed = cached.replaceAll("(?i)4350552054656d70", "43505520546d7078");
        assertThat(renamed).isNotEqualTo(cached);
        Files.writeString(file, renamed);
        CliRun fromCache = ours("lan", "--sdr-cache", dir.toString(), "sdr", "elist");
        assertThat(fromCache.out()).contains("CPU Tmpx         | 01h |").doesNotContain("CPU Temp");
        assertThat(ours("lan", "sdr", "elist").out()).isEqualTo(expected.out());
    }

    @Test
    @Order(8)
    void identicalOverLanplusToo() throws Exception {
        listsAndDetails("lanplus");
        same("lanplus", "fru", "print");
    }
}
