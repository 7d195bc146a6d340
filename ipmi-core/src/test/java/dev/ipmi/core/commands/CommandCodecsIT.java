package dev.ipmi.core.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipmi.core.Commands;
import dev.ipmi.core.CompletionCodeException;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.commands.app.ChannelAccessUpdate;
import dev.ipmi.core.commands.app.GetChannelAccess;
import dev.ipmi.core.commands.app.GetChannelInfo;
import dev.ipmi.core.commands.app.GetDeviceId;
import dev.ipmi.core.commands.app.GetSystemGuid;
import dev.ipmi.core.commands.app.GetUserAccess;
import dev.ipmi.core.commands.app.GetUserName;
import dev.ipmi.core.commands.app.GetWatchdogTimer;
import dev.ipmi.core.commands.app.SetUserAccess;
import dev.ipmi.core.commands.app.SetUserName;
import dev.ipmi.core.commands.app.SetUserPassword;
import dev.ipmi.core.commands.chassis.BootDevice;
import dev.ipmi.core.commands.chassis.BootFlags;
import dev.ipmi.core.commands.chassis.ChassisControl;
import dev.ipmi.core.commands.chassis.ChassisIdentify;
import dev.ipmi.core.commands.chassis.GetChassisStatus;
import dev.ipmi.core.commands.chassis.GetSystemBootOptions;
import dev.ipmi.core.commands.chassis.PowerAction;
import dev.ipmi.core.commands.chassis.SetSystemBootOptions;
import dev.ipmi.core.commands.transport.GetLanConfigurationParameters;
import dev.ipmi.core.commands.transport.LanConfig;
import dev.ipmi.core.commands.transport.LanParameter;
import dev.ipmi.core.commands.transport.SetLanConfigurationParameters;
import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.core.wire.Hex;
import dev.ipmi.testing.IpmiSim;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Our codecs against a live ipmi_sim, cross-checked with ipmitool on the same instance. No Java
 * transport exists in ipmi-core, so ipmitool's {@code raw} carries the bytes our encoders produce
 * and hands back the response data our decoders read; ipmitool's own commands then show the
 * effect and the values it decodes itself.
 */
class CommandCodecsIT {
    private static final Pattern RAW_ERROR = Pattern.compile("rsp=0x([0-9a-fA-F]{2})");
    static IpmiSim sim;

    @BeforeAll
    static void start() {
        sim = IpmiSim.start();
    }

    @AfterAll
    static void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    /** Sends {@code request} through {@code ipmitool raw}; returns completion code + data. */
    private static byte[] exchange(IpmiRequest<?> request) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("raw", hex(request.id().netFn().code()), hex(request.id().cmd())));
        for (byte b : request.toBytes()) {
            cmd.add(hex(b & 0xFF));
        }
        try {
            String out = sim.ipmitool(cmd.toArray(String[]::new));
            byte[] data = Hex.parse(out);
            byte[] body = new byte[data.length + 1];
            System.arraycopy(data, 0, body, 1, data.length);
            return body;
        } catch (IOException e) {
            Matcher m = RAW_ERROR.matcher(e.getMessage());
            if (m.find()) {
                return new byte[] {(byte) Integer.parseInt(m.group(1), 16)};
            }
            throw e;
        }
    }

    private static <R> R send(IpmiRequest<R> request) throws Exception {
        return Commands.decodeResponse(request, exchange(request));
    }

    private static String hex(int b) {
        return String.format("0x%02x", b);
    }

    private static String field(String ipmitoolOutput, String label) {
        Matcher m = Pattern.compile("(?m)^\\s*" + Pattern.quote(label) + "\\s*:\\s*(.*?)\\s*$").matcher(ipmitoolOutput);
        assertThat(m.find()).as("ipmitool printed '%s' in:%n%s", label, ipmitoolOutput).isTrue();
        return m.group(1);
    }

    @Test
    void powerControlAndStatusAgreeWithIpmitool() throws Exception {
        send(new ChassisControl.Request(PowerAction.POWER_UP));
        GetChassisStatus.Response on = send(new GetChassisStatus.Request());
        String text = sim.ipmitool("chassis", "status");
        assertThat(on.powerOn()).isTrue();
        assertThat(field(text, "System Power")).isEqualTo("on");
        assertThat(field(text, "Power Restore Policy")).isEqualTo(on.restorePolicy().displayName());
        assertThat(field(text, "Main Power Fault")).isEqualTo(Boolean.toString(on.mainPowerFault()));
        assertThat(field(text, "Drive Fault")).isEqualTo(Boolean.toString(on.driveFault()));

        send(new ChassisControl.Request(PowerAction.POWER_DOWN));
        assertThat(send(new GetChassisStatus.Request()).powerOn()).isFalse();
        assertThat(sim.ipmitool("chassis", "power", "status")).contains("Chassis Power is off");
        send(ChassisIdentify.Request.seconds(5));
    }

    @Test
    void bootdevSequenceIsUnderstoodByTheBmcAndIpmitool() throws Exception {
        List<SetSystemBootOptions.Request> seq = SetSystemBootOptions.ipmitoolSequence(
                BootFlags.ipmitoolBootdev("cdrom", false));
        // parameter 0 is optional and ipmi_sim refuses it; like ipmitool, go on without it
        assertThatThrownBy(() -> send(seq.get(0))).isInstanceOf(CompletionCodeException.class);
        send(seq.get(1));
        send(seq.get(2));
        String text = sim.ipmitool("chassis", "bootparam", "get", "5");
        assertThat(text).contains("Boot Device Selector : Force Boot from CD/DVD");
        GetSystemBootOptions.Response r = send(GetSystemBootOptions.Request.of(5));
        assertThat(((BootFlags) r.parameter()).device()).isEqualTo(BootDevice.CDROM);
        assertThat(text).contains("Boot parameter version: " + r.parameterVersion());
    }

    @Test
    void mcInfoGuidAndWatchdogAgreeWithIpmitool() throws Exception {
        GetDeviceId.Response id = send(new GetDeviceId.Request());
        String info = sim.ipmitool("mc", "info");
        assertThat(field(info, "Device ID")).isEqualTo(Integer.toString(id.deviceId()));
        assertThat(field(info, "Firmware Revision")).isEqualTo(id.firmwareRevisionText());
        assertThat(field(info, "Manufacturer ID")).isEqualTo(Integer.toString(id.manufacturerId()));
        assertThat(field(info, "Manufacturer Name")).startsWith(id.manufacturerName().orElseThrow());

        GetSystemGuid.Response guid = send(new GetSystemGuid.Request());
        assertThat(field(sim.ipmitool("mc", "guid"), "System GUID")).isEqualTo(guid.guid().asSmbiosUuid().toString());

        GetWatchdogTimer.Response wd = send(new GetWatchdogTimer.Request());
        String w = sim.ipmitool("mc", "watchdog", "get");
        assertThat(field(w, "Watchdog Timer Is")).isEqualTo(wd.running() ? "Started/Running" : "Stopped");
        assertThat(field(w, "Watchdog Timer Logging")).isEqualTo(wd.dontLog() ? "Off" : "On");
    }

    @Test
    void channelInfoAndAccessAgreeWithIpmitool() throws Exception {
        GetChannelInfo.Response info = send(new GetChannelInfo.Request(1));
        GetChannelAccess.Response access = send(new GetChannelAccess.Request(1, ChannelAccessUpdate.VOLATILE));
        String text = sim.ipmitool("channel", "info", "1");
        assertThat(field(text, "Channel Medium Type")).isEqualTo(info.medium().displayName());
        assertThat(field(text, "Channel Protocol Type")).isEqualTo(info.protocol().displayName());
        assertThat(field(text, "Session Support")).isEqualTo(info.sessionSupport().displayName());
        assertThat(field(text, "Protocol Vendor ID")).isEqualTo(Integer.toString(info.vendorId()));
        assertThat(field(text, "Access Mode")).isEqualTo(access.accessMode().displayName());
        assertThat(access.privilegeLimit()).isEqualTo(PrivilegeLevel.ADMINISTRATOR);
    }

    @Test
    void userChangesShowUpInIpmitoolUserList() throws Exception {
        send(new SetUserName.Request(7, "javauser"));
        send(SetUserPassword.Request.set(7, "javapass".getBytes(StandardCharsets.US_ASCII)));
        send(SetUserAccess.Request.privilegeOnly(1, 7, PrivilegeLevel.OPERATOR));
        send(SetUserPassword.Request.enable(7));
        String list = sim.ipmitool("user", "list", "1");
        assertThat(list).containsPattern("(?m)^7\\s+javauser\\s+.*OPERATOR\\s*$");
        assertThat(send(new GetUserName.Request(7)).name()).isEqualTo("javauser");
        GetUserAccess.Response a = send(new GetUserAccess.Request(1, 7));
        assertThat(a.privilegeLimit()).isEqualTo(PrivilegeLevel.OPERATOR);
        String summary = sim.ipmitool("user", "summary", "1");
        assertThat(field(summary, "Maximum IDs")).isEqualTo(Integer.toString(a.maxUserIds()));
        assertThat(field(summary, "Enabled User Count")).isEqualTo(Integer.toString(a.enabledUserIds()));

        send(SetUserPassword.Request.test(7, SetUserPassword.PasswordSize.SIXTEEN,
                "javapass".getBytes(StandardCharsets.US_ASCII)));
        // Quirk: ipmi_sim 2.0.33 answers the test operation with 00h even for a wrong password (the
        // spec says 80h); ipmitool's "user test" prints "Success" for it too, so both agree.
        send(SetUserPassword.Request.test(7, SetUserPassword.PasswordSize.SIXTEEN,
                "wrong".getBytes(StandardCharsets.US_ASCII)));
        assertThat(sim.ipmitool("user", "test", "7", "16", "wrong")).contains("Success");
        // the new user can open a session with ipmitool
        assertThat(dev.ipmi.testing.IpmiSim.run(withCommand(sim.ipmitoolArgs("lanplus", "javauser", "javapass"),
                "chassis", "power", "status"), sim.stateDir())).contains("Chassis Power is");
    }

    @Test
    void lanConfigAndLanSetAgreeWithIpmitool() throws Exception {
        LanConfig before = readLanConfig();
        String print = sim.ipmitool("lan", "print", "1");
        assertThat(field(print, "IP Address")).isEqualTo(before.ipAddress().orElseThrow().getHostAddress());
        assertThat(field(print, "Subnet Mask")).isEqualTo(before.subnetMask().orElseThrow().getHostAddress());
        assertThat(field(print, "MAC Address")).isEqualTo(before.macAddress().orElseThrow().toString());
        assertThat(field(print, "Default Gateway IP")).isEqualTo(before.defaultGatewayIp().orElseThrow().getHostAddress());
        assertThat(field(print, "Default Gateway MAC")).isEqualTo(before.defaultGatewayMac().orElseThrow().toString());
        assertThat(field(print, "IP Address Source")).isEqualTo(before.ipSource().orElseThrow().displayName());
        assertThat(field(print, "SNMP Community String")).isEqualTo(before.communityString().orElseThrow());

        for (SetLanConfigurationParameters.Request r : SetLanConfigurationParameters.setIpAddress(1, ip("192.0.2.77"))) {
            send(r);
        }
        for (SetLanConfigurationParameters.Request r : SetLanConfigurationParameters.setDefaultGateway(1,
                ip("192.0.2.254"))) {
            send(r);
        }
        String after = sim.ipmitool("lan", "print", "1");
        assertThat(field(after, "IP Address")).isEqualTo("192.0.2.77");
        assertThat(field(after, "Default Gateway IP")).isEqualTo("192.0.2.254");
        assertThat(readLanConfig().ipAddress()).contains(ip("192.0.2.77"));
    }

    private static LanConfig readLanConfig() throws Exception {
        List<LanParameter> params = new ArrayList<>();
        for (int selector : LanConfig.SELECTORS) {
            GetLanConfigurationParameters.Request req = GetLanConfigurationParameters.Request.of(1, selector);
            byte[] body = exchange(req);
            if ((body[0] & 0xFF) == 0x80) {
                continue; // parameter not supported: "Not Available" in ipmitool
            }
            Commands.decodeResponse(req, body).parameter().ifPresent(params::add);
        }
        return LanConfig.from(params);
    }

    private static List<String> withCommand(List<String> args, String... command) {
        List<String> a = new ArrayList<>(args);
        a.addAll(List.of(command));
        return a;
    }

    private static Inet4Address ip(String dotted) throws Exception {
        return (Inet4Address) InetAddress.getByName(dotted.toLowerCase(Locale.ROOT));
    }
}
