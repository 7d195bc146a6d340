package dev.ipmi.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.core.client.UserEntry;
import dev.ipmi.core.commands.app.GetSelfTestResults;
import dev.ipmi.core.commands.app.SelfTestResult;
import dev.ipmi.core.commands.app.UserEnableStatus;
import dev.ipmi.core.commands.chassis.BootDevice;
import dev.ipmi.core.commands.chassis.BootFlags;
import dev.ipmi.core.commands.chassis.ConsoleRedirection;
import dev.ipmi.core.commands.chassis.FirmwareVerbosity;
import dev.ipmi.core.commands.chassis.GetChassisStatus;
import dev.ipmi.core.commands.chassis.GetPohCounter;
import dev.ipmi.core.commands.chassis.PowerRestorePolicy;
import dev.ipmi.core.commands.dcmi.GetPowerReading;
import dev.ipmi.core.types.Guid;
import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.core.wire.Hex;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Text output for what ipmi_sim cannot show (POH, restart cause, self test, DCMI, optional status
 * bytes, boot flag bits it drops). Expected strings follow ipmitool 1.8.19's printf formats.
 */
class FacadeCliFormatTest {
    private static String print(Consumer<PrintWriter> c) {
        StringWriter s = new StringWriter();
        PrintWriter w = new PrintWriter(s);
        c.accept(w);
        w.flush();
        return s.toString();
    }

    @Test
    void pohInHoursAndMinutes() {
        assertThat(IpmitoolText.poh(new GetPohCounter.Response(60, 10000))).isEqualTo("POH Counter  : 416 days, 16 hours");
        assertThat(IpmitoolText.poh(new GetPohCounter.Response(1, 1500)))
                .isEqualTo("POH Counter  : 1 days, 1 hours, 0 minutes");
        assertThat(IpmitoolText.poh(new GetPohCounter.Response(30, 3))).isEqualTo("POH Counter  : 0 days, 1 hours, 30 minutes");
    }

    @Test
    void selfTestTexts() {
        assertThat(IpmitoolText.mcSelftest(new GetSelfTestResults.Response(SelfTestResult.PASSED, 0)))
                .isEqualTo("Selftest: passed\n");
        assertThat(IpmitoolText.mcSelftest(
                new GetSelfTestResults.Response(SelfTestResult.CORRUPTED_OR_INACCESSIBLE, 0x81)))
                .isEqualTo("Selftest: device corrupted\n -> SEL device not accessible\n"
                        + "controller operational firmware corrupted\n");
        assertThat(IpmitoolText.mcSelftest(
                new GetSelfTestResults.Response(SelfTestResult.FATAL_HARDWARE_ERROR, 0x12)))
                .isEqualTo("Selftest     : fatal error\nFailure code : 12\n");
        assertThat(IpmitoolText.mcSelftest(new GetSelfTestResults.Response(SelfTestResult.valueOf(0x60), 0x0a)))
                .isEqualTo("Selftest     : device specific (60h)\nFailure code : 0Ah\n");
    }

    @Test
    void dcmiPowerReadingLayout() {
        GetPowerReading.Response r = new GetPowerReading.Response(144, 66, 206, 148, 1_635_000_000L, 1_987_338_000L, true);
        assertThat(IpmitoolText.dcmiPowerReading(r)).isEqualTo("\n"
                + "    Instantaneous power reading:                   144 Watts\n"
                + "    Minimum during sampling period:                 66 Watts\n"
                + "    Maximum during sampling period:                206 Watts\n"
                + "    Average power reading over sample period:      148 Watts\n"
                // ipmitool 1.8.19: UTC "MM/DD/YY", and no line end before "Sampling period"
                + "    IPMI timestamp:                           10/23/21 14:40:00 UTC"
                + "    Sampling period:                          01987338 Seconds.\n"
                + "    Power reading state is:                   activated\n\n\n");
    }

    @Test
    void chassisStatusWithEventsAndFrontPanel() {
        GetChassisStatus.Response s = new GetChassisStatus.Response(true, false, false, false, false,
                PowerRestorePolicy.PREVIOUS, new GetChassisStatus.LastPowerEvent(true, false, false, false, true),
                true, false, false, true, Optional.empty(),
                Optional.of(new GetChassisStatus.FrontPanelControls(true, false, false, false, true, false, false, false)));
        String text = print(w -> IpmitoolText.chassisStatus(s, w));
        assertThat(text).contains("Power Restore Policy : previous\n")
                .contains("Last Power Event     : ac-failed command\n")
                .contains("Chassis Intrusion    : active\n")
                .contains("Cooling/Fan Fault    : true\n")
                .endsWith("Sleep Button Disable : allowed\nDiag Button Disable  : not allowed\n"
                        + "Reset Button Disable : not allowed\nPower Button Disable : not allowed\n"
                        + "Sleep Button Disabled: true\nDiag Button Disabled : false\n"
                        + "Reset Button Disabled: false\nPower Button Disabled: false\n");
    }

    @Test
    void bootFlagsWithEveryOptionalLine() {
        BootFlags f = BootFlags.builder().valid(true).persistent(true).efi(true).clearCmos(true).lockKeyboard(true)
                .device(BootDevice.REMOTE_CDROM).screenBlank(true).lockResetButton(true).lockPowerButton(true)
                .verbosity(FirmwareVerbosity.VERBOSE).forceProgressEventTraps(true).userPasswordBypass(true)
                .lockSleepButton(true).consoleRedirection(ConsoleRedirection.ENABLE).biosSharedModeOverride(true)
                .biosMuxControl(1).build();
        assertThat(print(w -> IpmitoolText.bootFlags(f, w))).isEqualTo(" Boot Flags :\n"
                + "   - Boot Flag Valid\n"
                + "   - Options apply to all future boots\n"
                + "   - BIOS EFI boot \n"
                + "   - CMOS Clear\n"
                + "   - Lock Keyboard\n"
                + "   - Boot Device Selector : Force Boot from remotely connected CD/DVD\n"
                + "   - Screen blank\n"
                + "   - Lock out Reset buttons\n"
                + "   - Lock out (power off/sleep request) via Power Button\n"
                + "   - BIOS verbosity : Request Verbose Display\n"
                + "   - Force progress event traps\n"
                + "   - User password bypass\n"
                + "   - Lock Out Sleep Button\n"
                + "   - Console Redirection control : Request console redirection be enabled\n"
                + "   - BIOS Shared Mode Override\n"
                + "   - BIOS Mux Control Override : Requests BIOS to force mux to BMC at conclusion of POST/start of OS boot\n");
    }

    @Test
    void guidOfIpmiSimIsShownInSmbiosOrder() {
        Guid g = new Guid(Hex.parse("4c 41 42 2d 42 4d 43 2d 47 55 49 44 2d 30 30 00"));
        assertThat(print(w -> IpmitoolText.mcGuid(g, w))).isEqualTo(
                "System GUID   : 2d42414c-4d42-2d43-4755-49442d303000\n"
                        + "GUID Encoding : SMBIOS (WARNING: IPMI Specification violation!)\n"
                        + "GUID Version  : DCE Security with POSIX UIDs (not for IPMI)\n");
    }

    @Test
    void jsonWriterHandlesRecordsOptionalsOpenEnumsAndEscapes() {
        UserEntry u = new UserEntry(2, "a\"d\\min\n", true, false, true, PrivilegeLevel.ADMINISTRATOR,
                UserEnableStatus.ENABLED);
        assertThat(Json.write(List.of(u))).isEqualTo("[{\"id\":2,\"name\":\"a\\\"d\\\\min\\n\",\"callin\":true,"
                + "\"linkAuthEnabled\":false,\"ipmiMessagingEnabled\":true,"
                + "\"privilegeLimit\":{\"code\":4,\"name\":\"ADMINISTRATOR\"},\"enableStatus\":\"ENABLED\"}]");
        assertThat(Json.write(new GetPohCounter.Response(60, 5))).isEqualTo("{\"minutesPerCount\":60,\"counter\":5}");
        assertThat(Json.write(Optional.empty())).isEqualTo("null");
        assertThat(Json.write(new byte[] {0x0a, (byte) 0xff})).isEqualTo("\"0aff\"");
    }
}
