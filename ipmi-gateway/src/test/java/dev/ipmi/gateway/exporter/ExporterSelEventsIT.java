package dev.ipmi.gateway.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.testing.Closeables;
import dev.ipmi.testing.IpmiSim;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The {@code sel-events} collector against ipmi_sim, with SEL entries added by ipmitool between
 * scrapes: a second scrape reads only the new records (the exporter's own
 * {@code ipmi_exporter_sel_records_read_total}), an erased SEL is read again from the start, and
 * the counts by state equal what FreeIPMI's {@code ipmi-sel --output-event-state} reports for the
 * same SEL (the tool ipmi_exporter's own sel-events collector runs; Debian's ipmi_exporter 1.6.1
 * has no sel-events collector to diff against, so its families were written from its code).
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ExporterSelEventsIT {
    private static IpmiSim sim;
    private static ExporterServer exporter;
    private static String base;

    @BeforeAll
    static void start() {
        IpmiSim.requireTools();
        Peers.require("ipmi-sel", "freeipmi-tools");
        sim = IpmiSim.builder().sol(false).start();
        exporter = ExporterServer.start(ExporterConfig.parse("""
                modules:
                  default:
                    user: admin
                    pass: password
                    privilege: admin
                    collectors: [sel, sel-events]
                    sel_events:
                      - name: correctable_ecc
                        regex: Correctable ECC
                      - name: upper_critical
                        regex: ^Upper Critical - going high
                      - name: never
                        regex: no such event
                """), "127.0.0.1", 0);
        base = "http://127.0.0.1:" + exporter.port();
    }

    @AfterAll
    static void stop() throws Exception {
        Closeables.closeAll(exporter, sim);
    }

    private static Exposed scrape() throws Exception {
        HttpResponse<String> r = Peers.get(base + "/ipmi?target=127.0.0.1:" + sim.port());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        Exposed e = Exposed.parse(r.body());
        assertThat(e.value("ipmi_up", "collector=sel-events")).as(r.body()).isEqualTo(1.0);
        return e;
    }

    private static double counter(String name) throws Exception {
        Double v = Exposed.parse(Peers.get(base + "/metrics").body()).value(name);
        return v == null ? 0 : v;
    }

    /** Add SEL Entry (IPMI v2.0 §31.6, NetFn 0Ah cmd 44h) of a system event record, by ipmitool. */
    private static void addEvent(int sensorType, int readingType, int data1) throws Exception {
        List<String> args = new ArrayList<>(List.of("raw", "0x0a", "0x44", "0x00", "0x00", "0x02", "0x00", "0x00",
                "0x00", "0x00", "0x20", "0x00", "0x04"));
        args.add(String.format("0x%02x", sensorType));
        args.add("0x01");
        args.add(String.format("0x%02x", readingType));
        args.add(String.format("0x%02x", data1));
        args.addAll(List.of("0x60", "0x5f"));
        sim.ipmitool(args.toArray(String[]::new));
    }

    /** FreeIPMI's event states of the whole SEL, counted as ipmi_exporter counts them. */
    private static Map<String, Double> freeIpmiStates() throws Exception {
        String out = IpmiSim.run(List.of("ipmi-sel", "-h", "127.0.0.1:" + sim.port(), "-u", IpmiSim.ADMIN, "-p",
                IpmiSim.ADMIN_PASSWORD, "-D", "LAN_2_0", "-W", "opensesspriv", "-l", "ADMIN", "--quiet-cache",
                "--comma-separated-output", "--no-header-output", "--sdr-cache-recreate", "--output-event-state",
                "--interpret-oem-data", "--entity-sensor-names"), sim.stateDir());
        Map<String, Double> states = new TreeMap<>();
        for (String line : out.split("\n")) {
            String[] f = line.split(",", 7);
            if (f.length == 7 && f[0].matches("[0-9]+")) {
                states.merge(f[5], 1.0, Double::sum);
            }
        }
        return states;
    }

    private static Map<String, Double> ourStates(Exposed e) {
        Map<String, Double> states = new TreeMap<>();
        e.labels().forEach((key, labels) -> {
            if (key.startsWith("ipmi_sel_events_count_by_state{")) {
                states.put(labels.get("state"), e.values().get(key));
            }
        });
        return states;
    }

    @Test
    void readsOnlyNewRecordsAndStartsAgainAfterAnErase() throws Exception {
        double read0 = counter("ipmi_exporter_sel_records_read_total");
        double full0 = counter("ipmi_exporter_sel_full_reads_total");
        Exposed first = scrape();
        double entries = first.value("ipmi_sel_logs_count");
        assertThat(entries).as("the lab SEL's initial entries").isGreaterThanOrEqualTo(1);
        assertThat(counter("ipmi_exporter_sel_records_read_total") - read0).as("first scrape reads the whole SEL")
                .isEqualTo(entries);
        assertThat(counter("ipmi_exporter_sel_full_reads_total") - full0).isEqualTo(1.0);
        assertThat(ourStates(first)).isEqualTo(freeIpmiStates());
        double ecc0 = first.value("ipmi_sel_events_count_by_name", "name=correctable_ecc");
        double upper0 = first.value("ipmi_sel_events_count_by_name", "name=upper_critical");
        assertThat(first.value("ipmi_sel_events_count_by_name", "name=never")).isEqualTo(0.0);
        assertThat(first.value("ipmi_sel_events_latest_timestamp", "name=never")).isEqualTo(0.0);

        double read1 = counter("ipmi_exporter_sel_records_read_total");
        scrape();
        assertThat(counter("ipmi_exporter_sel_records_read_total") - read1).as("nothing new, nothing read")
                .isEqualTo(0.0);

        // a correctable ECC error (Memory 0Ch, sensor-specific 6Fh, offset 0) and an upper critical
        // temperature crossing (Temperature 01h, threshold 01h, offset 9 with readings in data 2/3)
        addEvent(0x0C, 0x6F, 0x00);
        addEvent(0x01, 0x01, 0x59);
        double read2 = counter("ipmi_exporter_sel_records_read_total");
        Exposed third = scrape();
        assertThat(third.value("ipmi_sel_logs_count")).isEqualTo(entries + 2);
        assertThat(counter("ipmi_exporter_sel_records_read_total") - read2)
                .as("the two new records and the last one seen (to learn what follows it)").isEqualTo(3.0);
        assertThat(counter("ipmi_exporter_sel_full_reads_total") - full0).isEqualTo(1.0);
        assertThat(third.value("ipmi_sel_events_count_by_name", "name=correctable_ecc")).isEqualTo(ecc0 + 1);
        assertThat(third.value("ipmi_sel_events_count_by_name", "name=upper_critical")).isEqualTo(upper0 + 1);
        assertThat(ourStates(third)).isEqualTo(freeIpmiStates());

        sim.ipmitool("sel", "clear");
        Exposed cleared = scrape();
        assertThat(counter("ipmi_exporter_sel_full_reads_total") - full0).as("erased: read from the start")
                .isEqualTo(2.0);
        assertThat(cleared.value("ipmi_sel_events_count_by_name", "name=correctable_ecc")).isEqualTo(0.0);
        assertThat(ourStates(cleared).values().stream().mapToDouble(Double::doubleValue).sum())
                .isEqualTo(cleared.value("ipmi_sel_logs_count"));
    }
}
