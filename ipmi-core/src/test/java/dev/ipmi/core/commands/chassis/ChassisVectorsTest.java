package dev.ipmi.core.commands.chassis;

import dev.ipmi.core.types.ByteString;
import static dev.ipmi.core.commands.VectorSupport.assertCompletionCode;
import static dev.ipmi.core.commands.VectorSupport.assertEncodes;
import static dev.ipmi.core.commands.VectorSupport.assertReencodes;
import static dev.ipmi.core.commands.VectorSupport.assertRequestRoundTrip;
import static dev.ipmi.core.commands.VectorSupport.bytes;
import static dev.ipmi.core.commands.VectorSupport.decode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipmi.core.MalformedMessageException;
import dev.ipmi.core.types.SetInProgressState;
import dev.ipmi.core.wire.ByteReader;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Golden vectors: ipmitool 1.8.19 / ipmi_sim 2.0.33 captures and spec-built bytes (see each .hex file). */
class ChassisVectorsTest {
    private static final String STATUS = "chassis/get-chassis-status.hex";
    private static final String STATUS_FULL = "chassis/get-chassis-status-full.hex";
    private static final String CONTROL = "chassis/chassis-control.hex";
    private static final String IDENTIFY = "chassis/chassis-identify.hex";
    private static final String SET_BOOT = "chassis/set-system-boot-options.hex";
    private static final String GET_BOOT = "chassis/get-system-boot-options.hex";
    private static final String BOOT_PARAMS = "chassis/boot-option-parameters.hex";
    private static final String UNSUPPORTED = "chassis/chassis-unsupported-on-ipmi-sim.hex";

    @Test
    void chassisStatusMatchesIpmitoolOutput() {
        GetChassisStatus.Request req = new GetChassisStatus.Request();
        assertEncodes(req, STATUS, "off-request");
        // "System Power : off", every fault false/inactive, "Power Restore Policy : always-off"
        GetChassisStatus.Response off = decode(req, STATUS, "off-response");
        assertThat(off.powerOn()).isFalse();
        assertThat(off.powerOverload()).isFalse();
        assertThat(off.interlockActive()).isFalse();
        assertThat(off.mainPowerFault()).isFalse();
        assertThat(off.powerControlFault()).isFalse();
        assertThat(off.restorePolicy()).isEqualTo(PowerRestorePolicy.ALWAYS_OFF);
        assertThat(off.lastPowerEvent()).isEqualTo(new GetChassisStatus.LastPowerEvent(false, false, false, false, false));
        assertThat(off.intrusionActive()).isFalse();
        assertThat(off.frontPanelLockout()).isFalse();
        assertThat(off.driveFault()).isFalse();
        assertThat(off.coolingFault()).isFalse();
        assertThat(off.identifyState()).isEmpty();
        assertThat(off.frontPanel()).isEmpty();
        assertReencodes(off, STATUS, "off-response");
        // "System Power : on" after "chassis power on"
        GetChassisStatus.Response on = decode(req, STATUS, "on-response");
        assertThat(on.powerOn()).isTrue();
        assertThat(on.restorePolicy()).isEqualTo(PowerRestorePolicy.ALWAYS_OFF);
        assertReencodes(on, STATUS, "on-response");
    }

    @Test
    void chassisStatusWithEveryFieldFromTheSpecTable() {
        GetChassisStatus.Response r = decode(new GetChassisStatus.Request(), STATUS_FULL, "response");
        assertThat(r.powerOn()).isTrue();
        assertThat(r.powerOverload()).isTrue();
        assertThat(r.interlockActive()).isTrue();
        assertThat(r.mainPowerFault()).isTrue();
        assertThat(r.powerControlFault()).isTrue();
        assertThat(r.restorePolicy()).isEqualTo(PowerRestorePolicy.ALWAYS_ON);
        assertThat(r.lastPowerEvent()).isEqualTo(new GetChassisStatus.LastPowerEvent(true, true, true, true, true));
        assertThat(r.intrusionActive()).isTrue();
        assertThat(r.frontPanelLockout()).isTrue();
        assertThat(r.driveFault()).isTrue();
        assertThat(r.coolingFault()).isTrue();
        assertThat(r.identifyState()).contains(ChassisIdentifyState.INDEFINITE_ON);
        assertThat(r.frontPanel()).contains(
                new GetChassisStatus.FrontPanelControls(true, true, true, true, false, true, false, true));
        assertReencodes(r, STATUS_FULL, "response");

        GetChassisStatus.Response noId = decode(new GetChassisStatus.Request(), STATUS_FULL, "response-no-identify-support");
        assertThat(noId.identifyState()).isEmpty();
        assertThat(noId.restorePolicy()).isEqualTo(PowerRestorePolicy.PREVIOUS);
        assertThat(noId.frontPanel()).isEmpty();
    }

    @Test
    void chassisControlRequestsMatchIpmitool() {
        assertRequestRoundTrip(new ChassisControl.Request(PowerAction.POWER_UP), ChassisControl.Request::decode, CONTROL, "on-request");
        assertRequestRoundTrip(new ChassisControl.Request(PowerAction.POWER_DOWN), ChassisControl.Request::decode, CONTROL, "off-request");
        assertRequestRoundTrip(new ChassisControl.Request(PowerAction.POWER_CYCLE), ChassisControl.Request::decode, CONTROL, "cycle-request");
        assertRequestRoundTrip(new ChassisControl.Request(PowerAction.HARD_RESET), ChassisControl.Request::decode, CONTROL, "reset-request");
        assertRequestRoundTrip(new ChassisControl.Request(PowerAction.SOFT_SHUTDOWN), ChassisControl.Request::decode, CONTROL, "soft-request");
        assertRequestRoundTrip(new ChassisControl.Request(PowerAction.DIAGNOSTIC_INTERRUPT), ChassisControl.Request::decode, CONTROL, "diag-request");
        assertThat(decode(new ChassisControl.Request(PowerAction.POWER_UP), CONTROL, "on-response"))
                .isEqualTo(new ChassisControl.Response());
        // "Set Chassis Power Control to Diag failed: Invalid data field in request"
        assertCompletionCode(new ChassisControl.Request(PowerAction.DIAGNOSTIC_INTERRUPT), CONTROL, "diag-response", 0xCC);
        assertThat(PowerAction.parse("soft")).isEqualTo(PowerAction.SOFT_SHUTDOWN);
        assertThat(PowerAction.SOFT_SHUTDOWN.displayName()).isEqualTo("Soft");
        assertThat(PowerAction.valueOf(9).isKnown()).isFalse();
    }

    @Test
    void chassisIdentifyRequestsMatchIpmitoolAndJunkAfterTheResponseIsIgnored() {
        assertRequestRoundTrip(ChassisIdentify.Request.seconds(10), ChassisIdentify.Request::decode, IDENTIFY, "seconds-request");
        assertRequestRoundTrip(ChassisIdentify.Request.force(), ChassisIdentify.Request::decode, IDENTIFY, "force-request");
        assertRequestRoundTrip(ChassisIdentify.Request.defaultInterval(), ChassisIdentify.Request::decode, IDENTIFY, "default-request");
        assertThat(new ChassisIdentify.Request(OptionalInt.empty(), true)).isEqualTo(ChassisIdentify.Request.force());
        // ipmi_sim appends 36 stale bytes to this empty response
        assertThat(bytes(IDENTIFY, "force-response")).hasSizeGreaterThan(1);
        assertThat(decode(ChassisIdentify.Request.force(), IDENTIFY, "force-response")).isEqualTo(new ChassisIdentify.Response());
    }

    @Test
    void bootdevSequenceMatchesIpmitool() {
        // chassis bootdev pxe options=persistent,efiboot
        BootFlags pxe = BootFlags.ipmitoolBootdev("pxe", false, "persistent", "efiboot");
        List<SetSystemBootOptions.Request> seq = SetSystemBootOptions.ipmitoolSequence(pxe);
        assertThat(seq).hasSize(5);
        assertRequestRoundTrip(seq.get(0), SetSystemBootOptions.Request::decode, SET_BOOT, "pxe-step1-request");
        assertRequestRoundTrip(seq.get(1), SetSystemBootOptions.Request::decode, SET_BOOT, "pxe-step2-request");
        assertRequestRoundTrip(seq.get(2), SetSystemBootOptions.Request::decode, SET_BOOT, "pxe-step3-request");
        // ipmi_sim refuses set-in-progress (CCh); ipmitool goes on without commit/complete
        assertCompletionCode(seq.get(0), SET_BOOT, "pxe-step1-response", 0xCC);
        assertThat(decode(seq.get(2), SET_BOOT, "pxe-step3-response")).isEqualTo(new SetSystemBootOptions.Response());
        assertEncodes(seq.get(3), BOOT_PARAMS, "set-in-progress-commit");
        assertThat(seq.get(4).parameter())
                .isEqualTo(new BootOptionParameter.SetInProgress(SetInProgressState.SET_COMPLETE));

        // chassis bootdev disk clear-cmos=yes
        BootFlags disk = BootFlags.ipmitoolBootdev("disk", true);
        assertRequestRoundTrip(SetSystemBootOptions.ipmitoolSequence(disk).get(2), SetSystemBootOptions.Request::decode,
                SET_BOOT, "disk-step3-request");
        assertThat(disk.valid()).isTrue();
        assertThat(disk.clearCmos()).isTrue();
        assertThat(disk.device()).isEqualTo(BootDevice.DISK);
    }

    @Test
    void bootparamGet5MatchesIpmitoolOutput() {
        GetSystemBootOptions.Request req = GetSystemBootOptions.Request.of(5);
        assertRequestRoundTrip(req, GetSystemBootOptions.Request::decode, GET_BOOT, "param5-pxe-request");
        // "Boot parameter version: 1", "is valid/unlocked", data 0004000000: "Boot Flag Invalid",
        // "Options apply to only next boot", "BIOS PC Compatible (legacy) boot", "Force PXE",
        // "BIOS verbosity : System Default", console redirection per BIOS setting, mux recommended
        GetSystemBootOptions.Response r = decode(req, GET_BOOT, "param5-pxe-response");
        assertThat(r.parameterVersion()).isEqualTo(1);
        assertThat(r.invalid()).isFalse();
        BootFlags f = (BootFlags) r.parameter();
        assertThat(f.valid()).isFalse();
        assertThat(f.persistent()).isFalse();
        assertThat(f.efi()).isFalse();
        assertThat(f.device()).isEqualTo(BootDevice.PXE);
        assertThat(f.device().displayName()).isEqualTo("Force PXE");
        assertThat(f.verbosity()).isEqualTo(FirmwareVerbosity.DEFAULT);
        assertThat(f.verbosity().displayName()).isEqualTo("System Default");
        assertThat(f.consoleRedirection()).isEqualTo(ConsoleRedirection.BIOS_SETTING);
        assertThat(f.biosMuxControl()).isZero();
        assertReencodes(r, GET_BOOT, "param5-pxe-response");
        // data 0008000000: "Force Boot from default Hard-Drive"
        BootFlags d = (BootFlags) decode(req, GET_BOOT, "param5-disk-response").parameter();
        assertThat(d.device()).isEqualTo(BootDevice.DISK);
        assertThat(d.device().displayName()).isEqualTo("Force Boot from default Hard-Drive");
    }

    @Test
    void bootparamGet4WithoutDataAndGet0Refused() {
        GetSystemBootOptions.Request req4 = GetSystemBootOptions.Request.of(4);
        assertEncodes(req4, GET_BOOT, "param4-request");
        // ipmi_sim sends no data; ipmitool: "Boot Info Acknowledge : No flag set"
        GetSystemBootOptions.Response r = decode(req4, GET_BOOT, "param4-response");
        assertThat(r.parameter()).isEqualTo(new BootOptionParameter.BootInfoAcknowledge(Set.of(), Set.of()));
        GetSystemBootOptions.Request req0 = GetSystemBootOptions.Request.of(0);
        assertEncodes(req0, GET_BOOT, "param0-request");
        assertCompletionCode(req0, GET_BOOT, "param0-response", 0xCC);
    }

    @Test
    void bootOptionParametersBuiltFromTheSpecTable() {
        assertRequestRoundTrip(SetSystemBootOptions.Request.of(
                new BootOptionParameter.ValidBitClearing(false, false, false, true, false)),
                SetSystemBootOptions.Request::decode, BOOT_PARAMS, "set-valid-bit-clearing");
        assertRequestRoundTrip(SetSystemBootOptions.Request.of(BootOptionParameter.BootInfoAcknowledge.ipmitoolBiosPost()),
                SetSystemBootOptions.Request::decode, BOOT_PARAMS, "set-boot-info-ack");
        BootFlags full = BootFlags.builder().valid(true).persistent(true).efi(true).clearCmos(true).lockKeyboard(true)
                .device(BootDevice.CDROM).screenBlank(true).lockResetButton(true).lockPowerButton(true)
                .verbosity(FirmwareVerbosity.VERBOSE).forceProgressEventTraps(true).userPasswordBypass(true)
                .lockSleepButton(true).consoleRedirection(ConsoleRedirection.ENABLE).biosSharedModeOverride(true)
                .biosMuxControl(1).deviceInstance(3).build();
        assertRequestRoundTrip(SetSystemBootOptions.Request.of(full), SetSystemBootOptions.Request::decode, BOOT_PARAMS,
                "set-boot-flags-full");
        assertThat(BootFlags.ipmitoolBootdev("cdrom", true, "valid", "persistent", "efiboot", "lockkbd", "screenblank",
                "lockoutreset", "lockout_power", "verbose=yes", "force_pet", "upw_bypass", "lockout_sleep",
                "cons_redirect=enable")).isEqualTo(full.toBuilder().biosSharedModeOverride(false).biosMuxControl(0)
                .deviceInstance(0).build());

        GetSystemBootOptions.Response locked = decode(GetSystemBootOptions.Request.of(5), BOOT_PARAMS,
                "get-response-param5-locked");
        assertThat(locked.invalid()).isTrue();
        assertThat(((BootFlags) locked.parameter()).valid()).isTrue();
        assertThat(((BootFlags) locked.parameter()).device()).isEqualTo(BootDevice.FLOPPY);
    }

    @Test
    void requestsForCommandsIpmiSimLacks() {
        assertEncodes(new GetPohCounter.Request(), UNSUPPORTED, "poh-request");
        assertCompletionCode(new GetPohCounter.Request(), UNSUPPORTED, "poh-response", 0xC1);
        assertEncodes(new GetSystemRestartCause.Request(), UNSUPPORTED, "restart-cause-request");
        assertCompletionCode(new GetSystemRestartCause.Request(), UNSUPPORTED, "restart-cause-response", 0xC1);
        assertRequestRoundTrip(new SetPowerRestorePolicy.Request(PowerRestorePolicy.parse("always-on")),
                SetPowerRestorePolicy.Request::decode, UNSUPPORTED, "policy-always-on-request");
        assertRequestRoundTrip(SetPowerRestorePolicy.Request.query(), SetPowerRestorePolicy.Request::decode,
                UNSUPPORTED, "policy-list-request");
        assertCompletionCode(SetPowerRestorePolicy.Request.query(), UNSUPPORTED, "policy-list-response", 0xC1);
        assertEncodes(new GetChassisCapabilities.Request(), UNSUPPORTED, "capabilities-request");
        // ipmi_sim answers with flags 00h, four 20h addresses, then stale buffer bytes
        GetChassisCapabilities.Response caps = decode(new GetChassisCapabilities.Request(), UNSUPPORTED,
                "capabilities-response");
        assertThat(caps.fruDeviceAddress()).isEqualTo(0x20);
        assertThat(caps.sdrDeviceAddress()).isEqualTo(0x20);
        assertThat(caps.selDeviceAddress()).isEqualTo(0x20);
        assertThat(caps.systemManagementAddress()).isEqualTo(0x20);
        assertThat(caps.intrusionSensor()).isFalse();
    }

    @Test
    void pohCounterBuiltFromTheSpecTable() {
        GetPohCounter.Response r = decode(new GetPohCounter.Request(), "chassis/get-poh-counter.hex", "response");
        assertThat(r.minutesPerCount()).isEqualTo(60);
        assertThat(r.counter()).isEqualTo(0x1234);
        assertThat(r.powerOnTime()).isEqualTo(Duration.ofHours(4660));
        assertReencodes(r, "chassis/get-poh-counter.hex", "response");
        assertThatThrownBy(() -> decode(new GetPohCounter.Request(), "chassis/get-poh-counter.hex", "response-short"))
                .isInstanceOfSatisfying(MalformedMessageException.class,
                        e -> assertThat(e.field()).isEqualTo("counter reading"));
    }

    @Test
    void restartCauseBuiltFromTheSpecTable() {
        String f = "chassis/get-system-restart-cause.hex";
        GetSystemRestartCause.Response a = decode(new GetSystemRestartCause.Request(), f, "response-chassis-control");
        assertThat(a.cause()).isEqualTo(RestartCause.CHASSIS_CONTROL);
        assertThat(a.cause().displayName()).isEqualTo("chassis power control command");
        assertThat(a.channel()).isEqualTo(1);
        GetSystemRestartCause.Response b = decode(new GetSystemRestartCause.Request(), f, "response-rtc");
        assertThat(b.cause()).isEqualTo(RestartCause.RTC_WAKEUP);
        assertThat(b.channel()).isEqualTo(0x0F);
        GetSystemRestartCause.Response c = decode(new GetSystemRestartCause.Request(), f, "response-oem-unknown");
        assertThat(c.cause().isKnown()).isFalse();
        assertThat(c.cause().code()).isEqualTo(0x0D);
        assertThat(c.cause().displayName()).isEqualTo("unknown(13)");
    }

    @Test
    void powerRestorePolicyAndCapabilitiesBuiltFromTheSpecTables() {
        String f = "chassis/set-power-restore-policy.hex";
        assertRequestRoundTrip(new SetPowerRestorePolicy.Request(PowerRestorePolicy.PREVIOUS),
                SetPowerRestorePolicy.Request::decode, f, "request-previous");
        SetPowerRestorePolicy.Response all = decode(SetPowerRestorePolicy.Request.query(), f, "response-all-supported");
        assertThat(all).isEqualTo(new SetPowerRestorePolicy.Response(true, true, true));
        SetPowerRestorePolicy.Response off = decode(SetPowerRestorePolicy.Request.query(), f, "response-only-always-off");
        assertThat(off.supports(PowerRestorePolicy.ALWAYS_OFF)).isTrue();
        assertThat(off.supports(PowerRestorePolicy.ALWAYS_ON)).isFalse();

        String c = "chassis/get-chassis-capabilities.hex";
        GetChassisCapabilities.Response withBridge = decode(new GetChassisCapabilities.Request(), c, "response-with-bridge");
        assertThat(withBridge).isEqualTo(new GetChassisCapabilities.Response(true, true, true, true, 0x20, 0x20, 0x20,
                0x20, OptionalInt.of(0x22)));
        assertReencodes(withBridge, c, "response-with-bridge");
        GetChassisCapabilities.Response noBridge = decode(new GetChassisCapabilities.Request(), c, "response-without-bridge");
        assertThat(noBridge).isEqualTo(new GetChassisCapabilities.Response(false, false, false, true, 0x20, 0x22, 0x24,
                0x26, OptionalInt.empty()));
    }

    @Test
    void badCallerInputIsIllegalArgument() {
        assertThatThrownBy(() -> ChassisIdentify.Request.seconds(256)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BootFlags.ipmitoolBootdev("usb", false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("usb");
        assertThatThrownBy(() -> BootFlags.ipmitoolBootdev("pxe", false, "bogus"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BootOptionParameter.raw(5, ByteString.EMPTY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GetSystemBootOptions.Request.of(0x80)).isInstanceOf(IllegalArgumentException.class);
        assertThat(GetSystemBootOptions.Request.decode(ByteReader.of(new byte[] {(byte) 0x85, 0, 0})).selector()).isEqualTo(5);
    }
}
