package dev.ipmi.core.commands.app;

import static dev.ipmi.core.commands.VectorSupport.assertCompletionCode;
import static dev.ipmi.core.commands.VectorSupport.assertEncodes;
import static dev.ipmi.core.commands.VectorSupport.assertReencodes;
import static dev.ipmi.core.commands.VectorSupport.assertRequestRoundTrip;
import static dev.ipmi.core.commands.VectorSupport.decode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipmi.core.types.PrivilegeLevel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Golden vectors: ipmitool 1.8.19 / ipmi_sim 2.0.33 captures and spec-built bytes (see each .hex file). */
class AppVectorsTest {
    private static final String UNSUPPORTED = "app/app-unsupported-on-ipmi-sim.hex";

    @Test
    void systemGuidMatchesIpmitoolMcGuid() {
        GetSystemGuid.Request req = new GetSystemGuid.Request();
        assertEncodes(req, "app/get-system-guid.hex", "request");
        GetSystemGuid.Response r = decode(req, "app/get-system-guid.hex", "response");
        // "System GUID : 2d42414c-4d42-2d43-4755-49442d303000", "GUID Encoding : SMBIOS"
        assertThat(r.guid().asSmbiosUuid()).isEqualTo(UUID.fromString("2d42414c-4d42-2d43-4755-49442d303000"));
        // lan.conf sets guid "LAB-BMC-GUID-001", truncated by ipmi_sim to 15 characters + NUL
        assertThat(new String(r.guid().bytes(), 0, 15, StandardCharsets.US_ASCII)).isEqualTo("LAB-BMC-GUID-00");
        assertReencodes(r, "app/get-system-guid.hex", "response");
    }

    @Test
    void deviceGuidInTheSpecsByteOrder() {
        assertEncodes(new GetDeviceGuid.Request(), UNSUPPORTED, "device-guid-request");
        assertCompletionCode(new GetDeviceGuid.Request(), UNSUPPORTED, "device-guid-response", 0xC1);
        GetDeviceGuid.Response r = decode(new GetDeviceGuid.Request(), "app/get-device-guid.hex", "response");
        assertThat(r.guid().asIpmiUuid()).isEqualTo(UUID.fromString("01234567-89ab-4def-8123-456789abcdef"));
    }

    @Test
    void watchdogMatchesIpmitoolAndTheSpecTable() {
        GetWatchdogTimer.Request req = new GetWatchdogTimer.Request();
        assertEncodes(req, "app/get-watchdog-timer.hex", "request");
        // "Timer Use: Reserved (0x00)", "Is: Stopped", "Logging: On", "Action: No action",
        // "Pre-timeout interrupt: None", "interval: 0 seconds", "Expiration Flags: None", countdowns 0.0 sec
        GetWatchdogTimer.Response r = decode(req, "app/get-watchdog-timer.hex", "response");
        assertThat(r.timerUse().isKnown()).isFalse();
        assertThat(r.timerUse().code()).isZero();
        assertThat(r.running()).isFalse();
        assertThat(r.dontLog()).isFalse();
        assertThat(r.timeoutAction()).isEqualTo(WatchdogAction.NO_ACTION);
        assertThat(r.preTimeoutInterrupt()).isEqualTo(PreTimeoutInterrupt.NONE);
        assertThat(r.preTimeoutSeconds()).isZero();
        assertThat(r.expirationFlags()).isEmpty();
        assertThat(r.initialCountdown()).isZero();
        assertThat(r.presentCountdown()).isZero();

        GetWatchdogTimer.Response s = decode(req, "app/get-watchdog-timer-spec.hex", "response");
        assertThat(s.dontLog()).isTrue();
        assertThat(s.running()).isTrue();
        assertThat(s.timerUse()).isEqualTo(WatchdogTimerUse.SMS_OS);
        assertThat(s.preTimeoutInterrupt()).isEqualTo(PreTimeoutInterrupt.NMI);
        assertThat(s.timeoutAction()).isEqualTo(WatchdogAction.HARD_RESET);
        assertThat(s.preTimeoutSeconds()).isEqualTo(10);
        assertThat(s.expirationFlags()).containsExactly(GetWatchdogTimer.ExpirationFlag.SMS_OS);
        assertThat(s.initialCountdownDuration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.presentCountdownDuration()).isEqualTo(Duration.ofSeconds(30));
        assertReencodes(s, "app/get-watchdog-timer-spec.hex", "response");
    }

    @Test
    void selfTestResultsBuiltFromTheSpecTable() {
        String f = "app/get-self-test-results.hex";
        GetSelfTestResults.Request req = new GetSelfTestResults.Request();
        assertEncodes(req, UNSUPPORTED, "self-test-request");
        assertCompletionCode(req, UNSUPPORTED, "self-test-response", 0xC1);
        assertThat(decode(req, f, "passed").passed()).isTrue();
        assertThat(decode(req, f, "not-implemented").result()).isEqualTo(SelfTestResult.NOT_IMPLEMENTED);
        GetSelfTestResults.Response c = decode(req, f, "corrupted");
        assertThat(c.result()).isEqualTo(SelfTestResult.CORRUPTED_OR_INACCESSIBLE);
        assertThat(c.failures()).containsExactlyInAnyOrder(SelfTestFailure.SEL_INACCESSIBLE,
                SelfTestFailure.FRU_INACCESSIBLE, SelfTestFailure.SDR_REPOSITORY_EMPTY,
                SelfTestFailure.OPERATIONAL_FIRMWARE_CORRUPTED);
        GetSelfTestResults.Response fatal = decode(req, f, "fatal");
        assertThat(fatal.result()).isEqualTo(SelfTestResult.FATAL_HARDWARE_ERROR);
        assertThat(fatal.detail()).isEqualTo(0x12);
        assertThat(fatal.failures()).isEmpty();
        GetSelfTestResults.Response other = decode(req, f, "device-specific");
        assertThat(other.result().isKnown()).isFalse();
        assertThat(other.result().code()).isEqualTo(0x01);
        assertReencodes(other, f, "device-specific");
    }

    @Test
    void resetsAndAcpiPowerState() {
        assertEncodes(new WarmReset.Request(), UNSUPPORTED, "warm-reset-request");
        assertCompletionCode(new WarmReset.Request(), UNSUPPORTED, "warm-reset-response", 0xC1);
        assertEncodes(new ColdReset.Request(), "app/resets.hex", "request");
        assertThat(decode(new ColdReset.Request(), "app/resets.hex", "response")).isEqualTo(new ColdReset.Response());
        assertThat(decode(new WarmReset.Request(), "app/resets.hex", "response")).isEqualTo(new WarmReset.Response());

        assertEncodes(new GetAcpiPowerState.Request(), UNSUPPORTED, "get-acpi-request");
        assertCompletionCode(new GetAcpiPowerState.Request(), UNSUPPORTED, "get-acpi-response", 0xC1);
        // raw 0x06 0x06 0x80 0x80: set S0/G0 and D0
        assertRequestRoundTrip(new SetAcpiPowerState.Request(Optional.of(SystemPowerState.S0_G0),
                Optional.of(DevicePowerState.D0)), SetAcpiPowerState.Request::decode, UNSUPPORTED, "set-acpi-request");
        String f = "app/acpi-power-state.hex";
        assertRequestRoundTrip(new SetAcpiPowerState.Request(Optional.of(SystemPowerState.S5_G2),
                Optional.of(DevicePowerState.D3)), SetAcpiPowerState.Request::decode, f, "set-request-s5-d3");
        assertRequestRoundTrip(new SetAcpiPowerState.Request(Optional.empty(), Optional.empty()),
                SetAcpiPowerState.Request::decode, f, "set-request-no-change");
        assertThat(decode(new GetAcpiPowerState.Request(), f, "get-response-s0-d0"))
                .isEqualTo(new GetAcpiPowerState.Response(SystemPowerState.S0_G0, DevicePowerState.D0));
        assertThat(decode(new GetAcpiPowerState.Request(), f, "get-response-unknown"))
                .isEqualTo(new GetAcpiPowerState.Response(SystemPowerState.UNKNOWN, DevicePowerState.UNKNOWN));
        assertThat(decode(new GetAcpiPowerState.Request(), f, "get-response-legacy-off"))
                .isEqualTo(new GetAcpiPowerState.Response(SystemPowerState.LEGACY_OFF, DevicePowerState.D3));
    }

    @Test
    void channelInfoAndAccessMatchIpmitool() {
        String f = "app/get-channel-info.hex";
        assertRequestRoundTrip(new GetChannelInfo.Request(1), GetChannelInfo.Request::decode, f, "info-request");
        // "Channel Medium Type : 802.3 LAN", "Protocol Type : IPMB-1.0", "Session Support : multi-session",
        // "Active Session Count : 1", "Protocol Vendor ID : 7154"
        GetChannelInfo.Response info = decode(new GetChannelInfo.Request(1), f, "info-response");
        assertThat(info.channel()).isEqualTo(1);
        assertThat(info.medium()).isEqualTo(ChannelMedium.LAN_802_3);
        assertThat(info.medium().displayName()).isEqualTo("802.3 LAN");
        assertThat(info.medium().isLan()).isTrue();
        assertThat(info.protocol().displayName()).isEqualTo("IPMB-1.0");
        assertThat(info.sessionSupport()).isEqualTo(SessionSupport.MULTI_SESSION);
        assertThat(info.sessionSupport().displayName()).isEqualTo("multi-session");
        assertThat(info.activeSessions()).isEqualTo(1);
        assertThat(info.vendorId()).isEqualTo(7154);
        assertReencodes(info, f, "info-response");

        // Volatile and non-volatile: "Alerting : enabled", "Per-message Auth : enabled",
        // "User Level Auth : enabled", "Access Mode : always available"
        GetChannelAccess.Request vol = new GetChannelAccess.Request(1, ChannelAccessUpdate.VOLATILE);
        assertRequestRoundTrip(vol, GetChannelAccess.Request::decode, f, "access-volatile-request");
        assertRequestRoundTrip(new GetChannelAccess.Request(1, ChannelAccessUpdate.NON_VOLATILE),
                GetChannelAccess.Request::decode, f, "access-non-volatile-request");
        GetChannelAccess.Response a = decode(vol, f, "access-volatile-response");
        assertThat(a).isEqualTo(new GetChannelAccess.Response(false, false, false, ChannelAccessMode.ALWAYS_AVAILABLE,
                PrivilegeLevel.ADMINISTRATOR));
        assertThat(a.accessMode().displayName()).isEqualTo("always available");
        assertReencodes(a, f, "access-volatile-response");
        assertThat(decode(vol, f, "access-non-volatile-response")).isEqualTo(a);
    }

    @Test
    void setChannelAccessBuiltFromTheSpecTable() {
        String f = "app/set-channel-access.hex";
        assertRequestRoundTrip(new SetChannelAccess.Request(1, ChannelAccessUpdate.VOLATILE, false, false, true,
                ChannelAccessMode.ALWAYS_AVAILABLE, ChannelAccessUpdate.NON_VOLATILE, PrivilegeLevel.ADMINISTRATOR),
                SetChannelAccess.Request::decode, f, "request");
        assertRequestRoundTrip(new SetChannelAccess.Request(1, ChannelAccessUpdate.NO_CHANGE, false, false, false,
                ChannelAccessMode.DISABLED, ChannelAccessUpdate.NO_CHANGE, PrivilegeLevel.HIGHEST),
                SetChannelAccess.Request::decode, f, "request-no-change");
    }

    @Test
    void userAccessMatchesIpmitoolUserList() {
        String f = "app/get-user-access.hex";
        // "Maximum IDs : 63", "Enabled User Count : 3", "Fixed Name Count : 0"
        // user list: 1 USER no msg; 2 admin ADMINISTRATOR msg; 3 operator OPERATOR msg;
        // 4 user link auth + msg ADMINISTRATOR; 5 foo OPERATOR; Callin true everywhere
        GetUserAccess.Response u1 = decode(new GetUserAccess.Request(1, 1), f, "user1-response");
        assertThat(u1.maxUserIds()).isEqualTo(63);
        assertThat(u1.enabledUserIds()).isEqualTo(3);
        assertThat(u1.fixedNameUserIds()).isZero();
        assertThat(u1.enableStatus()).isEqualTo(UserEnableStatus.UNSPECIFIED);
        assertThat(u1).isEqualTo(new GetUserAccess.Response(63, UserEnableStatus.UNSPECIFIED, 3, 0, false, false,
                false, PrivilegeLevel.USER));
        for (int u = 1; u <= 5; u++) {
            assertRequestRoundTrip(new GetUserAccess.Request(1, u), GetUserAccess.Request::decode, f,
                    "user" + u + "-request");
        }
        assertThat(decode(new GetUserAccess.Request(1, 2), f, "user2-response")).isEqualTo(new GetUserAccess.Response(
                63, UserEnableStatus.UNSPECIFIED, 3, 0, false, false, true, PrivilegeLevel.ADMINISTRATOR));
        assertThat(decode(new GetUserAccess.Request(1, 3), f, "user3-response")).isEqualTo(new GetUserAccess.Response(
                63, UserEnableStatus.UNSPECIFIED, 3, 0, false, false, true, PrivilegeLevel.OPERATOR));
        GetUserAccess.Response u4 = decode(new GetUserAccess.Request(1, 4), f, "user4-response");
        assertThat(u4).isEqualTo(new GetUserAccess.Response(63, UserEnableStatus.UNSPECIFIED, 3, 0, false, true, true,
                PrivilegeLevel.ADMINISTRATOR));
        assertReencodes(u4, f, "user4-response");
        assertThat(decode(new GetUserAccess.Request(1, 5), f, "user5-response").privilegeLimit())
                .isEqualTo(PrivilegeLevel.OPERATOR);
    }

    @Test
    void userNamesMatchIpmitoolUserList() {
        String f = "app/get-user-name.hex";
        assertRequestRoundTrip(new GetUserName.Request(2), GetUserName.Request::decode, f, "user2-request");
        assertThat(decode(new GetUserName.Request(2), f, "user2-response").name()).isEqualTo("admin");
        assertThat(decode(new GetUserName.Request(3), f, "user3-response").name()).isEqualTo("operator");
        GetUserName.Response foo = decode(new GetUserName.Request(5), f, "user5-response");
        assertThat(foo.name()).isEqualTo("foo");
        assertReencodes(foo, f, "user5-response");
        assertThat(decode(new GetUserName.Request(6), f, "user6-response").name()).isEmpty();
        // ipmi_sim refuses the name of the disabled anonymous user 1 with CCh
        assertCompletionCode(new GetUserName.Request(1), f, "user1-response", 0xCC);
    }

    @Test
    void userChangesMatchIpmitool() {
        assertRequestRoundTrip(new SetUserName.Request(5, "foo"), SetUserName.Request::decode, "app/set-user-name.hex",
                "request");
        assertThat(decode(new SetUserName.Request(5, "foo"), "app/set-user-name.hex", "response"))
                .isEqualTo(new SetUserName.Response());

        String p = "app/set-user-password.hex";
        assertRequestRoundTrip(SetUserPassword.Request.set(5, ascii("secretpw")), SetUserPassword.Request::decode, p,
                "set16-request");
        SetUserPassword.Request twenty = SetUserPassword.Request.set(5, ascii("longerpassword12345x"));
        assertThat(twenty.size()).isEqualTo(SetUserPassword.PasswordSize.TWENTY);
        assertRequestRoundTrip(twenty, SetUserPassword.Request::decode, p, "set20-request");
        assertRequestRoundTrip(SetUserPassword.Request.enable(5), SetUserPassword.Request::decode, p, "enable-request");
        assertRequestRoundTrip(SetUserPassword.Request.disable(5), SetUserPassword.Request::decode, p, "disable-request");
        assertRequestRoundTrip(SetUserPassword.Request.test(5, SetUserPassword.PasswordSize.SIXTEEN,
                ascii("longerpassword12")), SetUserPassword.Request::decode, p, "test16-request");
        // "Success"
        assertThat(decode(SetUserPassword.Request.enable(5), p, "test16-response")).isEqualTo(new SetUserPassword.Response());
        assertThat(twenty.toString()).doesNotContain("longerpassword").contains("****");

        String a = "app/set-user-access.hex";
        assertRequestRoundTrip(new SetUserAccess.Request(1, true, false, true, true, 4, PrivilegeLevel.ADMINISTRATOR,
                OptionalInt.of(0)), SetUserAccess.Request::decode, a, "setaccess-request");
        assertRequestRoundTrip(SetUserAccess.Request.privilegeOnly(1, 5, PrivilegeLevel.OPERATOR),
                SetUserAccess.Request::decode, a, "priv-request");
        assertThat(decode(SetUserAccess.Request.privilegeOnly(1, 5, PrivilegeLevel.OPERATOR), a, "priv-response"))
                .isEqualTo(new SetUserAccess.Response());
    }

    @Test
    void deviceIdMatchesIpmitoolMcInfo() {
        String f = "app/get-device-id.hex";
        assertEncodes(new GetDeviceId.Request(), f, "request");
        // "Device ID : 32", "Device Revision : 1", "Firmware Revision : 2.15", "IPMI Version : 2.0",
        // "Manufacturer ID : 4753", "Product ID : 3842 (0x0f02)", "Device Available : yes",
        // "Provides Device SDRs : no", support: sensor, SDR repository, SEL, FRU, IPMB event receiver,
        // chassis; "Aux Firmware Rev Info : 0x00 0x00 0x00 0x00"
        GetDeviceId.Response r = decode(new GetDeviceId.Request(), f, "response");
        assertThat(r.deviceId()).isEqualTo(32);
        assertThat(r.deviceRevision()).isEqualTo(1);
        assertThat(r.firmwareRevisionText()).isEqualTo("2.15");
        assertThat(r.ipmiVersionText()).isEqualTo("2.0");
        assertThat(r.manufacturerId()).isEqualTo(4753);
        assertThat(r.manufacturerName()).contains("MontaVista");
        assertThat(r.productId()).isEqualTo(3842);
        assertThat(r.deviceAvailable()).isTrue();
        assertThat(r.providesDeviceSdrs()).isFalse();
        assertThat(r.additionalSupport()).isEqualTo(GetDeviceId.Response.SENSOR_DEVICE
                | GetDeviceId.Response.SDR_REPOSITORY_DEVICE | GetDeviceId.Response.SEL_DEVICE
                | GetDeviceId.Response.FRU_INVENTORY_DEVICE | GetDeviceId.Response.IPMB_EVENT_RECEIVER
                | GetDeviceId.Response.CHASSIS_DEVICE);
        assertThat(r.auxFirmwareRevision()).hasValueSatisfying(a -> assertThat(a.toByteArray()).containsExactly(0, 0, 0, 0));
        assertReencodes(r, f, "response");
    }

    @Test
    void manufacturerNames() {
        // ipmitool mc info against ipmi_sim: "Manufacturer ID : 4753", "Manufacturer Name : MontaVista Software, Inc."
        assertThat(ManufacturerNames.of(4753)).contains("MontaVista");
        assertThat(ManufacturerNames.of(343)).contains("Intel");
        assertThat(ManufacturerNames.of(674)).contains("Dell");
        assertThat(ManufacturerNames.of(47196)).contains("Hewlett Packard Enterprise");
        assertThat(ManufacturerNames.of(10876)).contains("Supermicro");
        assertThat(ManufacturerNames.of(47488)).contains("Supermicro");
        assertThat(ManufacturerNames.of(19046)).contains("Lenovo");
        assertThat(ManufacturerNames.of(99999)).isEmpty();
        assertThat(ManufacturerNames.nameOrUnknown(99999)).isEqualTo("Unknown (99999)");
    }

    @Test
    void badCallerInputIsIllegalArgument() {
        assertThatThrownBy(() -> new SetUserName.Request(5, "seventeen-chars-x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GetUserAccess.Request(16, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GetUserName.Request(64)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SetUserPassword.Request.set(5, ascii("123456789012345678901")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("123456789");
        assertThatThrownBy(() -> new GetChannelAccess.Request(1, ChannelAccessUpdate.NO_CHANGE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Set.of(ChannelMedium.valueOf(0x61).displayName())).containsExactly("OEM(61h)");
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
