package dev.ipmi.examples.facade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.CompletionCodeException;
import dev.ipmi.core.client.AsyncFru;
import dev.ipmi.core.client.IpmiClient;
import dev.ipmi.core.client.Threshold;
import dev.ipmi.core.sdr.IpmitoolFormat;
import dev.ipmi.core.sdr.SdrCache;
import dev.ipmi.core.sdr.SdrScan;
import dev.ipmi.core.sdr.SensorReading;
import dev.ipmi.core.sel.SelRecord;
import dev.ipmi.core.sel.SelTimestamp;
import dev.ipmi.core.spi.IpmiTransport;
import dev.ipmi.core.client.RequestTarget;
import dev.ipmi.core.types.AuthType;
import dev.ipmi.core.options.LanOptions;
import dev.ipmi.lan.LanSession;
import dev.ipmi.core.types.CipherSuite;
import dev.ipmi.core.options.LanPlusOptions;
import dev.ipmi.lanplus.LanPlusSession;
import dev.ipmi.testing.IpmiSim;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The typed facade groups (sdr, sensors, sel, fru) over our own IPMI 1.5 (MD5) and RMCP+ (suite 3)
 * sessions against ipmi_sim, checked against what ipmitool reads from the same instance.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MonitoringFacadeIT {
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

    /** Counts every request that reaches the session. */
    static final class Counting implements IpmiTransport {
        final IpmiTransport delegate;
        final AtomicInteger requests = new AtomicInteger();

        Counting(IpmiTransport delegate) {
            this.delegate = delegate;
        }

        @Override
        public CompletableFuture<byte[]> exchange(RequestTarget target, CommandId id, byte[] data) {
            requests.incrementAndGet();
            return delegate.exchange(target, id, data);
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    static IpmiTransport session(String iface) {
        if (iface.equals("lan")) {
            LanOptions o = LanOptions.builder(sim.host()).port(sim.port()).credentials(IpmiSim.ADMIN, IpmiSim.ADMIN_PASSWORD.toCharArray()).authType(AuthType.MD5).build();
            return LanSession.open(o);
        }
        LanPlusOptions o = LanPlusOptions.builder(sim.host()).port(sim.port()).credentials(IpmiSim.ADMIN, IpmiSim.ADMIN_PASSWORD.toCharArray()).cipherSuite(CipherSuite.of(3)).build();
        return LanPlusSession.open(o);
    }

    static List<String> ipmitool(String... cmd) throws Exception {
        List<String> a = new ArrayList<>(sim.ipmitoolArgs("lan", IpmiSim.ADMIN, IpmiSim.ADMIN_PASSWORD));
        a.addAll(List.of("-A", "MD5"));
        a.addAll(List.of(cmd));
        return IpmiSim.run(a, sim.stateDir()).lines().toList();
    }

    /** name, value, units, status of every ipmitool "sensor list" line. */
    static List<List<String>> ipmitoolSensors() throws Exception {
        return ipmitool("sensor", "list").stream()
                .map(l -> List.of(l.split("\\|", -1)).subList(0, 4).stream().map(String::strip).toList()).toList();
    }

    static List<List<String>> ours(List<SensorReading> readings) {
        return readings.stream().map(r -> {
            String value;
            String units;
            if (r instanceof SensorReading.Analog a) {
                value = IpmitoolFormat.fixed(a.value(), 3);
                units = a.units();
            } else if (r instanceof SensorReading.Discrete d) {
                value = "0x" + Integer.toHexString(d.stateBits() & 0xFF);
                units = "discrete";
            } else {
                value = "na";
                units = "discrete";
            }
            return List.of(r.sensor().name(), value, units, r instanceof SensorReading.Discrete d
                    ? String.format("0x%02x%02x", d.stateBits() & 0xFF, (d.stateBits() >>> 8) & 0xFF)
                    : r.statusText());
        }).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"lan", "lanplus"})
    @Order(1)
    void everySensorsValueAndStatusEqualIpmitoolsSensorList(String iface) throws Exception {
        try (IpmiClient bmc = IpmiClient.using(session(iface))) {
            List<SensorReading> r = bmc.sensors().readAll();
            assertThat(r).hasSize(6);
            assertThat(ours(r)).isEqualTo(ipmitoolSensors());
        }
    }

    @Test
    @Order(2)
    void stillEqualAfterLiveChangesThroughTheEmulator() throws Exception {
        try (IpmiClient bmc = IpmiClient.using(session("lan"))) {
            bmc.sensors().readAll();
            sim.command("sensor_set_value 0x20 0 1 99 1", "sensor_set_value 0x20 0 3 8 1",
                    "sensor_set_value 0x20 0 4 185 1", "sensor_set_bit_clr_rest 0x20 0 5 1 1 1");
            List<SensorReading> r = bmc.sensors().readAll();
            assertThat(ours(r)).isEqualTo(ipmitoolSensors());
            SensorReading.Analog cpu = (SensorReading.Analog) bmc.sensors().get("CPU Temp").get(0);
            assertThat(cpu.value()).isEqualTo(99.0);
            assertThat(cpu.statusText()).isEqualTo("cr");
        }
    }

    @Test
    @Order(3)
    void secondScanOfTheUnchangedRepositoryCostsOneRequest(@TempDir Path dir) {
        Counting counting = new Counting(session("lan"));
        try (IpmiClient bmc = IpmiClient.using(counting)) {
            SdrScan first = bmc.sdr().scan();
            assertThat(first.records()).hasSize(8);
            int before = counting.requests.get();
            SdrScan second = bmc.sdr().scan();
            assertThat(counting.requests.get() - before).isEqualTo(1);
            assertThat(second.fromCache()).isTrue();
            assertThat(second.records()).isEqualTo(first.records());
            // a whole sensor scan: one repository check plus one reading per sensor
            before = counting.requests.get();
            bmc.sensors().readAll();
            assertThat(counting.requests.get() - before).isEqualTo(1 + 6);
            bmc.sdr().cachedIn(SdrCache.persistent(dir), sim.host() + ":" + sim.port()).scan();
        }
        Counting again = new Counting(session("lanplus"));
        try (IpmiClient bmc = IpmiClient.using(again)) {
            int before = again.requests.get();
            SdrScan s = bmc.sdr().cachedIn(SdrCache.persistent(dir), sim.host() + ":" + sim.port()).scan();
            assertThat(s.fromCache()).isTrue();
            assertThat(again.requests.get() - before).isEqualTo(1);
        }
    }

    @Test
    @Order(4)
    void thresholdSetThroughTheFacadeIsWhatIpmitoolReads() throws Exception {
        try (IpmiClient bmc = IpmiClient.using(session("lanplus"))) {
            bmc.sensors().setThreshold("CPU Temp", Threshold.UCR, 93);
            assertThat(bmc.sensors().thresholds("CPU Temp").ucr()).hasValue(93.0);
        }
        assertThat(ipmitool("sensor", "get", "CPU Temp")).contains(" Upper Critical        : 93.000");
    }

    @Test
    @Order(5)
    void selEntriesTimeAddAndClearAgreeWithIpmitool() throws Exception {
        try (IpmiClient bmc = IpmiClient.using(session("lan"))) {
            List<SelRecord> entries = bmc.sel().entries();
            assertThat(entries).hasSize(ipmitool("sel", "list").size());
            assertThat(bmc.sel().info().entries()).isEqualTo(entries.size());
            SelTimestamp before = bmc.sel().time();
            assertThat(before.isPreInit()).isTrue();
            Instant now = Instant.ofEpochSecond(Instant.now().getEpochSecond());
            bmc.sel().setTime(now);
            assertThat(bmc.sel().time().instant()).isPresent();
            assertThat(Math.abs(bmc.sel().time().raw() - now.getEpochSecond())).isLessThanOrEqualTo(2);
            int id = bmc.sel().add(new SelRecord.SystemEvent(0, new SelTimestamp(0), 0x41, 0x04, 0x01, 0x01, false,
                    0x01, 0x01, 0x57, 0x1A));
            assertThat(ipmitool("sel", "list")).anySatisfy(l -> assertThat(l)
                    .startsWith(String.format("%4x | ", id))
                    .endsWith("| Temperature #0x01 | Lower Non-critical going high | Asserted"));
            assertThat(bmc.sel().entry(id).record()).isInstanceOf(SelRecord.SystemEvent.class);
            bmc.sel().clear();
            assertThat(ipmitool("sel", "info")).contains("Entries          : 0");
            assertThat(bmc.sel().entries()).isEmpty();
        }
    }

    @Test
    @Order(6)
    void fruPrintModelEqualsIpmitoolsFruPrint() throws Exception {
        try (IpmiClient bmc = IpmiClient.using(session("lanplus"))) {
            List<String> lines = new ArrayList<>();
            for (AsyncFru.Device d : bmc.fru().devices()) {
                lines.addAll(bmc.fru().print(d));
                lines.add("");
            }
            assertThat(lines).isEqualTo(ipmitool("fru", "print"));
            assertThat(bmc.fru().inventory(0).problems()).isEmpty();
        }
    }

    @Test
    @Order(7)
    void fruWriteLandsOnTheBmcAndOptionalCommandsFailTyped() throws Exception {
        List<String> before = ipmitool("fru", "print");
        try (IpmiClient bmc = IpmiClient.using(session("lan"))) {
            byte[] raw = bmc.fru().read(0);
            assertThat(bmc.fru().info(0).areaSize()).isEqualTo(raw.length);
            byte changed = (byte) (raw[9] ^ 0x5A);
            assertThat(bmc.fru().write(0, 9, new byte[] {changed})).isEqualTo(1);
            assertThat(ipmitool("raw", "0x0a", "0x11", "0", "9", "0", "1").get(0).strip())
                    .isEqualTo(String.format("01 %02x", changed & 0xFF));
            assertThat(bmc.fru().write(0, 9, new byte[] {raw[9]})).isEqualTo(1);
            assertThat(bmc.fru().read(0)).isEqualTo(raw);
            // ipmi_sim has neither SEL allocation info nor the UTC offset: typed C1h failures
            assertThatThrownBy(() -> bmc.sel().utcOffset()).isInstanceOfSatisfying(CompletionCodeException.class,
                    e -> assertThat(e.code().code()).isEqualTo(0xC1));
            assertThatThrownBy(() -> bmc.sel().allocationInfo()).isInstanceOf(CompletionCodeException.class);
        }
        assertThat(ipmitool("fru", "print")).isEqualTo(before);
    }
}
