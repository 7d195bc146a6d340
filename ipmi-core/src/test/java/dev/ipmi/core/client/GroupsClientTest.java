package dev.ipmi.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipmi.core.CompletionCodeException;
import dev.ipmi.core.commands.app.ChannelAccessMode;
import dev.ipmi.core.commands.app.ChannelAccessUpdate;
import dev.ipmi.core.commands.app.ChannelMedium;
import dev.ipmi.core.commands.app.GetChannelCipherSuites;
import dev.ipmi.core.commands.app.GetChannelInfo;
import dev.ipmi.core.commands.app.SelfTestResult;
import dev.ipmi.core.commands.app.SetChannelAccess;
import dev.ipmi.core.commands.app.SetUserPassword.PasswordSize;
import dev.ipmi.core.commands.app.SystemPowerState;
import dev.ipmi.core.commands.app.UserEnableStatus;
import dev.ipmi.core.commands.dcmi.GetPowerReading;
import dev.ipmi.core.types.AuthType;
import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.core.wire.Hex;
import dev.ipmi.testing.FakeTransport;
import dev.ipmi.testing.Vectors;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** mc, channel, users and dcmi groups against scripted replies (ipmi_sim's where it has the command). */
class GroupsClientTest {
    private static final String SIM = "facade/ipmi-sim-responses.hex";
    private static final int APP = 0x06;

    @Test
    void mcInfoNamesTheManufacturer() {
        FakeTransport fake = new FakeTransport().answer(APP, 0x01, Hex.parse("00 20 01 02 15 02 9f 91 12 00 02 0f"));
        McInfo info = IpmiClient.using(fake).mc().info();
        assertThat(info.device().manufacturerId()).isEqualTo(4753);
        assertThat(info.manufacturerName()).isEqualTo(dev.ipmi.core.commands.app.ManufacturerNames.nameOrUnknown(4753)).startsWith("MontaVista");
    }

    @Test
    void mcGuidsSelfTestResetAcpiWatchdog() {
        FakeTransport fake = new FakeTransport()
                .answer(APP, 0x37, Vectors.load(SIM, "system_guid"))
                .answer(APP, 0x08, Vectors.load(SIM, "system_guid"))
                .answer(APP, 0x04, Hex.parse("00 57 88"))
                .answer(APP, 0x02, (byte) 0x00)
                .answer(APP, 0x03, (byte) 0x00)
                .answer(APP, 0x07, Hex.parse("00 00 00"))
                .answer(APP, 0x06, (byte) 0x00)
                .answer(APP, 0x25, Hex.parse("00 44 01 00 3e 58 02 50 02"));
        Mc mc = IpmiClient.using(fake).mc();
        assertThat(mc.systemGuid().bytes()).startsWith("LAB-BMC-GUID-00".getBytes());
        assertThat(mc.deviceGuid()).isEqualTo(mc.systemGuid());
        assertThat(mc.selfTest().result()).isEqualTo(SelfTestResult.CORRUPTED_OR_INACCESSIBLE);
        assertThat(mc.selfTest().failures()).hasSize(2);
        mc.reset(McReset.WARM);
        mc.reset(McReset.COLD);
        assertThat(mc.acpiPowerState().system()).isEqualTo(SystemPowerState.S0_G0);
        mc.setAcpiPowerState(Optional.of(SystemPowerState.S5_G2), Optional.empty());
        assertThat(mc.watchdog().running()).isTrue();
        assertThat(fake.sent()).extracting(s -> s.id().cmd())
                .containsExactly(0x37, 0x08, 0x37, 0x04, 0x04, 0x03, 0x02, 0x07, 0x06, 0x25);
        assertThat(fake.sent().get(8).data()).containsExactly(0x85, 0x7F);
    }

    @Test
    void channelInfoAccessAndSetAccess() {
        FakeTransport fake = new FakeTransport()
                .answer(APP, 0x42, Vectors.load(SIM, "channel_info_1"))
                .answer(APP, 0x41, Vectors.load(SIM, "channel_access_1"))
                .answer(APP, 0x40, (byte) 0x00);
        Channel ch = IpmiClient.using(fake).channel();
        GetChannelInfo.Response info = ch.info(1);
        assertThat(info.medium()).isEqualTo(ChannelMedium.LAN_802_3);
        assertThat(info.activeSessions()).isEqualTo(1);
        assertThat(info.vendorId()).isEqualTo(7154);
        assertThat(ch.access(1, ChannelAccessUpdate.VOLATILE).accessMode()).isEqualTo(ChannelAccessMode.ALWAYS_AVAILABLE);
        ch.setAccess(new SetChannelAccess.Request(1, ChannelAccessUpdate.NO_CHANGE, false, false, false,
                ChannelAccessMode.DISABLED, ChannelAccessUpdate.NON_VOLATILE, PrivilegeLevel.ADMINISTRATOR));
        assertThat(fake.sent().get(1).data()).containsExactly(0x01, 0x80);
        assertThat(fake.sent().get(2).data()).containsExactly(0x01, 0x00, 0x44);
    }

    @Test
    void channelAuthCapabilities() {
        // ipmi_sim's reply to 8E 04 (facts: session/auth caps vector)
        FakeTransport fake = new FakeTransport().answer(APP, 0x38, Hex.parse("00 01 97 04 03 00 00 00 00"));
        var caps = IpmiClient.using(fake).channel().authCapabilities(0x0E, PrivilegeLevel.ADMINISTRATOR);
        assertThat(caps.supports(AuthType.MD5)).isTrue();
        assertThat(caps.supportsRmcpPlus()).isTrue();
        assertThat(fake.sent().get(0).data()).containsExactly(0x8E, 0x04);
    }

    @Test
    void cipherSuitesReadAllPages() {
        // two full pages then a short one: suites 0, 1, 3, 17 as C0h records (auth, integrity, conf tags)
        byte[] stream = Hex.parse("c0 00 00 40 80  c0 01 01 40 80  c0 03 01 41 81  c0 11 03 44 81");
        FakeTransport fake = new FakeTransport().on(APP, 0x54, req -> {
            int index = req[2] & 0x3F;
            int from = Math.min(stream.length, index * 16);
            int to = Math.min(stream.length, from + 16);
            byte[] out = new byte[2 + to - from];
            out[1] = 0x01;
            System.arraycopy(stream, from, out, 2, to - from);
            return out;
        });
        List<GetChannelCipherSuites.CipherSuiteRecord> suites = IpmiClient.using(fake).channel().cipherSuites(1);
        assertThat(suites).extracting(GetChannelCipherSuites.CipherSuiteRecord::suiteId).containsExactly(0, 1, 3, 17);
        assertThat(fake.sent()).hasSize(2);
        assertThat(fake.sent().get(1).data()).containsExactly(0x01, 0x00, 0x81);
    }

    @Test
    void userListWalksEverySlotLikeIpmitool() {
        FakeTransport fake = new FakeTransport()
                .on(APP, 0x44, req -> switch (req[1]) {
                    case 1 -> Vectors.load(SIM, "user_access_1_1");
                    case 2 -> Vectors.load(SIM, "user_access_1_2");
                    default -> Hex.parse("00 04 03 00 00");
                })
                .on(APP, 0x46, req -> switch (req[0]) {
                    case 2 -> Vectors.load(SIM, "user_name_2");
                    case 3 -> new byte[] {(byte) 0xCC};
                    default -> Vectors.load(SIM, "user_name_5");
                });
        // user 1 says max 63 (ipmi_sim); later slots say 4, but the count of the first reply rules
        List<UserEntry> users = IpmiClient.using(fake).users().list(1);
        assertThat(users).hasSize(63);
        assertThat(users.get(0)).isEqualTo(new UserEntry(1, "", true, false, false, PrivilegeLevel.USER,
                UserEnableStatus.valueOf(0)));
        assertThat(users.get(1).name()).isEqualTo("admin");
        assertThat(users.get(1).ipmiMessagingEnabled()).isTrue();
        assertThat(users.get(1).privilegeLimit()).isEqualTo(PrivilegeLevel.ADMINISTRATOR);
        assertThat(users.get(2).name()).isEmpty();
        assertThat(users.get(4).privilegeLimit().code()).isZero();
        assertThat(fake.sent()).hasSize(2 * 63);
        assertThat(fake.sent().get(2).data()).containsExactly(0x01, 0x02);
    }

    @Test
    void userSummary() {
        FakeTransport fake = new FakeTransport().answer(APP, 0x44, Vectors.load(SIM, "user_access_1_1"));
        assertThat(IpmiClient.using(fake).users().summary(1)).isEqualTo(new UserSummary(63, 3, 0));
    }

    @Test
    void userNameAndPasswordOperations() {
        FakeTransport fake = new FakeTransport().answer(APP, 0x45, (byte) 0x00)
                .on(APP, 0x47, req -> {
                    if ((req[1] & 0x03) != 3) {
                        return new byte[] {0x00};
                    }
                    byte[] pw = Arrays.copyOfRange(req, 2, req.length);
                    boolean twenty = (req[0] & 0x80) != 0;
                    if (!twenty) {
                        return new byte[] {(byte) 0x81};
                    }
                    return Arrays.equals(pw, Arrays.copyOf("secret".getBytes(), 20)) ? new byte[] {0x00}
                            : new byte[] {(byte) 0x80};
                })
                .answer(APP, 0x43, (byte) 0x00);
        Users users = IpmiClient.using(fake).users();
        users.setName(5, "bob");
        char[] pw = "secret".toCharArray();
        users.setPassword(5, pw);
        assertThat(pw).containsExactly("secret".toCharArray());
        users.setPassword(5, pw, PasswordSize.TWENTY);
        assertThat(users.testPassword(5, pw, PasswordSize.TWENTY)).isEqualTo(PasswordTest.CORRECT);
        assertThat(users.testPassword(5, "wrong".toCharArray(), PasswordSize.TWENTY)).isEqualTo(PasswordTest.INCORRECT);
        assertThat(users.testPassword(5, pw, PasswordSize.SIXTEEN)).isEqualTo(PasswordTest.WRONG_SIZE);
        users.enable(5);
        users.disable(5);
        users.setPrivilege(1, 5, PrivilegeLevel.OPERATOR);
        List<FakeTransport.Sent> s = fake.sent();
        assertThat(s.get(0).data()).hasSize(17).startsWith(0x05, 'b', 'o', 'b', 0x00);
        assertThat(s.get(1).data()).hasSize(18).startsWith(0x05, 0x02, 's', 'e', 'c');
        assertThat(s.get(2).data()).hasSize(22).startsWith(0x85, 0x02);
        assertThat(s.get(6).data()).startsWith(0x05, 0x01);
        assertThat(s.get(7).data()).startsWith(0x05, 0x00);
        assertThat(s.get(8).data()).containsExactly(0x01, 0x05, 0x03, 0x00);
    }

    @Test
    void userNameErrorsOtherThanCcPropagate() {
        FakeTransport fake = new FakeTransport().answer(APP, 0x46, (byte) 0xD4);
        assertThatThrownBy(() -> IpmiClient.using(fake).users().name(2)).isInstanceOf(CompletionCodeException.class);
    }

    @Test
    void dcmiPowerReadingAndCapabilities() {
        // DCMI spec table 6-16 layout: DC, 120 W current, 100 min, 200 max, 150 avg, timestamp, 1000 ms, active
        FakeTransport fake = new FakeTransport()
                .answer(0x2C, 0x02, Hex.parse("00 dc 78 00 64 00 c8 00 96 00 00 00 00 60 e8 03 00 00 40"))
                .answer(0x2C, 0x01, Hex.parse("00 dc 01 05 02 00 01 00"));
        Dcmi dcmi = IpmiClient.using(fake).dcmi();
        GetPowerReading.Response r = dcmi.powerReading();
        assertThat(r.currentWatts()).isEqualTo(120);
        assertThat(r.maximumWatts()).isEqualTo(200);
        assertThat(r.reportingPeriodMs()).isEqualTo(1000);
        assertThat(r.measurementActive()).isTrue();
        assertThat(dcmi.capabilities().minorVersion()).isEqualTo(5);
        assertThat(fake.sent().get(0).data()).containsExactly(0xDC, 0x01, 0x00, 0x00);
        assertThat(fake.sent().get(1).data()).containsExactly(0xDC, 0x01);
    }
}
