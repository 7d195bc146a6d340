package dev.ipmi.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipmi.core.commands.storage.GetSdrRepositoryInfo;
import dev.ipmi.core.commands.storage.GetSelInfo;
import dev.ipmi.core.sdr.SdrRecord;
import dev.ipmi.core.sdr.TypeLengthString;
import dev.ipmi.core.sel.SelTimestamp;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.testing.ManualScheduler;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Formatting and parsing rules of the sdr/sensor/sel commands that the lab BMC cannot exercise. */
class MonitoringCliTest {
    private TimeZone saved;

    @BeforeEach
    void utc() {
        saved = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
    }

    @AfterEach
    void restore() {
        TimeZone.setDefault(saved);
    }

    @Test
    void timestampsAsIpmitoolPrintsThem() {
        assertThat(IpmitoolText.numericTime(new SelTimestamp(1922))).isEqualTo("S+ 00:32:02");
        assertThat(IpmitoolText.date(new SelTimestamp(1922))).isEqualTo("S+ 70/001");
        SelTimestamp real = SelTimestamp.of(Instant.parse("2026-11-21T10:43:35Z"));
        assertThat(IpmitoolText.numericTime(real)).isEqualTo("11/21/26 10:43:35 UTC");
        assertThat(IpmitoolText.date(real)).isEqualTo("11/21/26");
    }

    @Test
    void selTimeSetAcceptsIpmitoolsTwoDigitYearAndTheDocumentedFourDigitOne() {
        Instant expected = Instant.parse("2026-11-21T10:00:00Z");
        assertThat(SelCommand.parseTime("11/21/26 10:00:00")).isEqualTo(expected);
        assertThat(SelCommand.parseTime("11/21/2026 10:00:00")).isEqualTo(expected);
        assertThat(SelCommand.parseTime("now")).isBeforeOrEqualTo(Instant.now());
        assertThatThrownBy(() -> SelCommand.parseTime("21.11.2026")).isInstanceOf(CliException.class)
                .hasMessage("Specified time could not be parsed");
        assertThat(ZoneId.systemDefault().getId()).isEqualTo("UTC");
    }

    @Test
    void selAddLinesKeepTheBytesOfTheLineBefore() {
        int[] b = new int[8];
        assertThat(SelCommand.parseAddLine("0x04 0x02 0x04 0x01 0x07 0x00 0x00", b)).isEqualTo(7);
        assertThat(SelCommand.parseAddLine("0x04 0x01", b)).isEqualTo(2);
        assertThat(b).containsExactly(0x04, 0x01, 0x04, 0x01, 0x07, 0x00, 0x00, 0x00);
        assertThat(SelCommand.parseAddLine("4 1 300", b)).isEqualTo(2);
        assertThatThrownBy(() -> SelCommand.parseId("0x10000")).isInstanceOf(CliException.class)
                .hasMessage("Given SEL ID '0x10000' is invalid.");
        assertThat(SelCommand.parseId("0x1f")).isEqualTo(0x1F);
        assertThat(SelCommand.parseId("31")).isEqualTo(31);
    }

    @Test
    void selInfoArithmeticAndSupportedCommands() {
        StringWriter w = new StringWriter();
        IpmitoolText.selInfo(new GetSelInfo.Response(0x51, 5, 15920, 0, 0xFFFFFFFFL, 0x0F), new PrintWriter(w));
        assertThat(w.toString().lines().toList()).containsExactly("SEL Information",
                "Version          : 1.5 (v1.5, v2 compliant)", "Entries          : 5",
                "Free Space       : 15920 bytes ",
                "Percent Used     : 0%", "Last Add Time    : Not Available", "Last Del Time    : Not Available",
                "Overflow         : false", "Supported Cmds   : 'Delete' 'Partial Add' 'Reserve' 'Get Alloc Info' ");
        w = new StringWriter();
        IpmitoolText.selInfo(new GetSelInfo.Response(0x02, 0, 0xFFFF, 0, 0, 0x80), new PrintWriter(w));
        assertThat(w.toString()).contains("Free Space       : 65535 bytes or more\n", "Percent Used     : unknown\n",
                "Overflow         : true\n", "Supported Cmds   : None\n");
    }

    @Test
    void sdrInfoShowsATimestampOnlyWhenTheMatchingOperationIsSupported() {
        long ts = Instant.parse("2026-11-21T10:43:08Z").getEpochSecond();
        StringWriter w = new StringWriter();
        IpmitoolText.sdrInfo(new GetSdrRepositoryInfo.Response(0x51, 8, 0xFFFE, ts, ts, 0x02), new PrintWriter(w));
        assertThat(w.toString()).contains("Most recent Addition                : NA\n",
                "Most recent Erase                   : NA\n", "Free Space                          : > 64Kb - 2 bytes\n");
        w = new StringWriter();
        IpmitoolText.sdrInfo(new GetSdrRepositoryInfo.Response(0x51, 8, 100, ts, 0xFFFFFFFFL, 0x6E), new PrintWriter(w));
        assertThat(w.toString()).contains("Most recent Addition                : 11/21/26 10:43:08 UTC\n",
                "Most recent Erase                   : Unspecified\n", "Free Space                          : 100 bytes\n",
                "SDR Repository Update Support       : modal and non-modal\n",
                "Delete SDR supported                : yes\n");
    }

    @Test
    void fruAndGenericLocatorLinesFollowIpmitoolsFormats() {
        // 8-bit ASCII, 4 bytes: "PSU1"
        TypeLengthString name = TypeLengthString.decodeSdr(
                ByteReader.of(new byte[] {(byte) 0xC4, 0x50, 0x53, 0x55, 0x31}), "ID string");
        SdrRecord.FruDeviceLocator fru = new SdrRecord.FruDeviceLocator(1, 0x51, 0x20, 0x02, true, 0, 0, 0, 0x10, 0,
                new SdrRecord.Entity(0x0A, 1, false), 0, name);
        assertThat(IpmitoolText.locator(fru, false)).hasValue("PSU1             | Log FRU @02h 0a.1 | ok");
        assertThat(IpmitoolText.locator(fru, true)).hasValue("PSU1             | 00h | ns  | 10.1 | Logical FRU @02h");
        SdrRecord.GenericDeviceLocator gen = new SdrRecord.GenericDeviceLocator(2, 0x51, 0x20, 0xA0, 0, 0, 0, 0, 0x10,
                0, new SdrRecord.Entity(0x07, 1, false), 0, name);
        assertThat(IpmitoolText.locator(gen, false)).hasValue("PSU1             | Generic @20:A0.0  | ok");
        assertThat(IpmitoolText.locator(gen, true))
                .hasValue("PSU1             | 00h | ns  |  7.1 | Generic Device @20h:A0h.0");
    }

    @Test
    void progressAppearsOnlyAfterASecondAndIsErased() {
        ManualScheduler timer = new ManualScheduler();
        StringWriter w = new StringWriter();
        try (Progress p = new Progress(new PrintWriter(w), "Reading sensors", timer)) {
            timer.advance(Duration.ofMillis(900));
            assertThat(w.toString()).isEmpty();
            p.step();
            p.step();
            timer.advance(Duration.ofMillis(100));
            assertThat(w.toString()).isEqualTo("\rReading sensors... 2");
        }
        assertThat(w.toString()).endsWith("\r" + " ".repeat("Reading sensors".length() + 12) + "\r");
        StringWriter quiet = new StringWriter();
        try (Progress p = new Progress(new PrintWriter(quiet), "Reading sensors", null)) {
            p.step();
        }
        assertThat(quiet.toString()).isEmpty();
    }
}
