package dev.ipmi.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.testing.IpmiSim;
import dev.ipmi.testing.Vectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code sdr list} on a BMC that serves device SDRs: ipmi_sim with the lab's records moved from the
 * SDR repository to the device SDRs of the BMC (mc_add has-device-sdrs, additional device support
 * without the SDR repository bit, device_sdr_add). Our listing must equal what ipmitool prints for
 * the same records read from the repository of the standard lab BMC. (ipmitool itself cannot read
 * the device SDRs here: ipmi_sim 2.0.33 answers C1h to Reserve Device SDR Repository and ipmitool
 * gives up with "Unable to obtain SDR reservation".)
 */
class DeviceSdrCliIT {
    private static IpmiSim repository;
    private static IpmiSim device;

    /** The lab BMC with its SDRs as device SDRs (no SDR repository device, no persisted repository). */
    static String deviceSdrs(String emu) {
        String mcAdd = "mc_add 0x20 0x20 no-device-sdrs 0x01 2 0x15 0x9f 0x1291 0x0f02 persist_sdr";
        if (!emu.contains(mcAdd)) {
            throw new IllegalStateException("lab.emu changed: no line " + mcAdd);
        }
        Map<String, byte[]> records = new TreeMap<>(Vectors.load("sdr/lab-sdr-records.hex"));
        String adds = records.entrySet().stream().filter(e -> e.getKey().startsWith("record-"))
                .map(e -> "device_sdr_add 0x20 0 " + hex(e.getValue())).collect(Collectors.joining("\n"));
        return emu.replace(mcAdd, "mc_add 0x20 0x20 has-device-sdrs 0x01 2 0x15 0x9d 0x1291 0x0f02\n" + adds);
    }

    private static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(String.format(" 0x%02x", x & 0xFF));
        }
        return sb.toString().trim();
    }

    @BeforeAll
    static void start() {
        IpmiSim.requireTools();
        repository = IpmiSim.builder().sol(false).start();
        device = IpmiSim.builder().sol(false).emu(DeviceSdrCliIT::deviceSdrs).start();
    }

    @AfterAll
    static void stop() {
        if (repository != null) {
            repository.close();
        }
        if (device != null) {
            device.close();
        }
    }

    private static String ours(IpmiSim sim, String... command) {
        List<String> args = new ArrayList<>(List.of("-I", "lanplus", "-H", sim.host(), "-p",
                Integer.toString(sim.port()), "-U", IpmiSim.ADMIN, "-P", IpmiSim.ADMIN_PASSWORD));
        args.addAll(Arrays.asList(command));
        CliRun r = CliRun.ipmi(args.toArray(String[]::new));
        assertThat(r.rc()).as("rc; stderr: %s", r.err()).isZero();
        return r.out();
    }

    @Test
    void sdrListOfDeviceSdrsMatchesIpmitoolOnTheSameRecordsInARepository() throws Exception {
        assertThat(device.ipmitool("mc", "info")).contains("Provides Device SDRs      : yes")
                .doesNotContain("SDR Repository Device");
        String theirs = repository.ipmitool("sdr", "list");
        assertThat(theirs).contains("CPU Temp");
        assertThat(ours(device, "sdr", "list")).isEqualTo(theirs);
        // and twice: device SDRs are read again, not served from a cache
        assertThat(ours(device, "sdr", "list")).isEqualTo(theirs);
    }
}
