package dev.ipmi.gateway.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.core.commands.storage.GetSelInfo;
import dev.ipmi.core.sel.SelRecord;
import dev.ipmi.core.sel.SelScan;
import dev.ipmi.core.sel.SelTimestamp;
import dev.ipmi.gateway.exporter.ExporterConfig.SelEventRule;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SelEventsTest {
    private static final List<SelEventRule> RULES = List.of(
            new SelEventRule("ecc", Pattern.compile("Correctable ECC")),
            new SelEventRule("upper_critical", Pattern.compile("Upper Critical - going high")),
            new SelEventRule("never", Pattern.compile("no such event")));

    /** Memory (0Ch), sensor-specific (6Fh), offset 0 = correctable ECC (IPMI v2.0 table 42-3). */
    private static SelRecord ecc(int id, long time) {
        return new SelRecord.SystemEvent(id, new SelTimestamp(time), 0x0020, 0x04, 0x0C, 0x01, false, 0x6F, 0x00,
                0xFF, 0xFF);
    }

    /** Temperature (01h), threshold (01h), offset 9 = upper critical going high. */
    private static SelRecord upperCritical(int id, long time, boolean deassertion) {
        return new SelRecord.SystemEvent(id, new SelTimestamp(time), 0x0020, 0x04, 0x01, 0x01, deassertion, 0x01,
                0x59, 0x60, 0x5F);
    }

    private static GetSelInfo.Response info(int entries, long added) {
        return new GetSelInfo.Response(0x51, entries, 16000, added, 0xFFFFFFFFL, 0x02);
    }

    @Test
    void countsByStateAndByNameWithTheLatestTimestamp() {
        SelEvents.State empty = new SelEvents.State(0, 0, 0, -1, Map.of(), Map.of("ecc", 0, "upper_critical", 0,
                "never", 0), Map.of("ecc", 0L, "upper_critical", 0L, "never", 0L));
        SelScan scan = new SelScan(List.of(ecc(1, 1_700_000_000L), upperCritical(2, 1_700_000_100L, false),
                ecc(3, 1_700_000_050L), upperCritical(4, 0x100, true)), List.of());
        SelEvents.State s = SelEvents.fold(empty, info(4, 1_700_000_100L), scan, -1, RULES);
        assertThat(s.entries()).isEqualTo(4);
        assertThat(s.lastRecordId()).isEqualTo(4);
        assertThat(s.byName()).containsEntry("ecc", 2).containsEntry("upper_critical", 2).containsEntry("never", 0);
        assertThat(s.latestByName()).containsEntry("ecc", 1_700_000_050L).containsEntry("upper_critical",
                1_700_000_100L).containsEntry("never", 0L);
        // a correctable ECC error is a warning in FreeIPMI's sensor table (Memory, offset 0)
        assertThat(s.byState()).containsOnly(Map.entry("Warning", 2), Map.entry("Critical", 2));
    }

    @Test
    void anIncrementalFoldSkipsTheAnchorAndAddsOnlyTheNewRecords() {
        SelEvents.State before = new SelEvents.State(10, 0xFFFFFFFFL, 2, 2, Map.of("Critical", 1),
                Map.of("ecc", 1, "upper_critical", 1, "never", 0),
                Map.of("ecc", 5L, "upper_critical", 6L, "never", 0L));
        SelScan scan = new SelScan(List.of(upperCritical(2, 6, false), ecc(7, 1_800_000_000L)), List.of());
        SelEvents.State s = SelEvents.fold(before, info(3, 20), scan, 2, RULES);
        assertThat(s.entries()).isEqualTo(3);
        assertThat(s.lastRecordId()).isEqualTo(7);
        assertThat(s.byName()).containsEntry("ecc", 2).containsEntry("upper_critical", 1);
        assertThat(s.latestByName()).containsEntry("ecc", 1_800_000_000L);
        assertThat(s.lastAddition()).isEqualTo(20);
    }

    @Test
    void statesFollowTheEventKind() {
        assertThat(SelEvents.state(upperCritical(1, 0, false))).isEqualTo("Critical");
        assertThat(SelEvents.state(upperCritical(1, 0, true))).as("as ipmi-sel: the direction does not count")
                .isEqualTo("Critical");
        SelRecord upperNonCritical = new SelRecord.SystemEvent(1, new SelTimestamp(0), 0x20, 0x04, 0x01, 0x01, false,
                0x01, 0x57, 0, 0);
        assertThat(SelEvents.state(upperNonCritical)).isEqualTo("Warning");
        assertThat(SelEvents.state(new SelRecord.OemNonTimestamped(1, 0xE0, new byte[13]))).isEqualTo("N/A");
        assertThat(SelEvents.eventText(upperCritical(1, 0, false))).isEqualTo("Upper Critical - going high");
        assertThat(SelEvents.eventText(ecc(1, 0))).isEqualTo("Correctable ECC");
        assertThat(SelEvents.timestamp(upperCritical(1, 0x100, false))).isZero();
    }
}
