package dev.ipmi.core.commands.sol;

import dev.ipmi.core.types.ByteString;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipmi.core.Commands;
import dev.ipmi.core.CompletionCodeException;
import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.LanMessage;
import dev.ipmi.testing.SolFixtures;
import dev.ipmi.testing.Vectors;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Golden vectors: ipmitool 1.8.19 `sol info` / `sol set` against ipmi_sim 2.0.33. */
class SolConfigurationTest {

    private static SolConfig readInfo(Map<String, byte[]> v) {
        return SolFixtures.readInfo(v);
    }

    @Test
    void getRequestsMatchIpmitoolBytes() {
        Map<String, byte[]> v = Vectors.load("sol/sol-info.hex");
        for (int sel : SolConfig.INFO_SELECTORS) {
            LanMessage m = LanMessage.decode(v.get("get-" + sel + "-request"));
            GetSolConfigurationParameters.Request req = GetSolConfigurationParameters.Request.of(1, sel);
            assertThat(m.netFn()).isEqualTo(0x0C);
            assertThat(m.command()).isEqualTo(0x22);
            assertThat(req.toBytes()).as("parameter %d", sel).isEqualTo(m.body());
            assertThat(GetSolConfigurationParameters.Request.decode(ByteReader.of(m.body()))).isEqualTo(req);
        }
    }

    @Test
    void solInfoOfAFreshIpmiSimDecodes() {
        SolConfig c = readInfo(Vectors.load("sol/sol-info.hex"));
        assertThat(c.setInProgress()).hasValue(SolParameter.SetInProgress.State.SET_COMPLETE);
        assertThat(c.enabled()).hasValue(true);
        assertThat(c.authentication()).isEmpty();
        assertThat(c.characterAccumulate()).isEmpty();
        assertThat(c.retry()).isEmpty();
        assertThat(c.volatileBitRate()).hasValue(SolBitRate.SERIAL_SETTING);
        assertThat(c.nonVolatileBitRate()).hasValue(SolBitRate.SERIAL_SETTING);
        assertThat(c.payloadChannel()).isEmpty();
        assertThat(c.payloadPort()).isEmpty();
        // the text ipmitool prints from it: SolInfoTextTest in ipmi-examples (the CLI's formatting)
    }

    @Test
    void solInfoAfterSetsDecodes() {
        SolConfig c = readInfo(Vectors.load("sol/sol-info-after-set.hex"));
        assertThat(c.setInProgress()).hasValue(SolParameter.SetInProgress.State.SET_IN_PROGRESS);
        assertThat(c.volatileBitRate()).hasValue(SolBitRate.BPS_115200);
        assertThat(c.volatileBitRate().orElseThrow().bitsPerSecond()).isEqualTo(115200);
        assertThat(c.nonVolatileBitRate()).hasValue(SolBitRate.BPS_9600);
    }

    @Test
    void setRequestsMatchIpmitoolBytes() {
        Map<String, byte[]> v = Vectors.load("sol/sol-set.hex");
        assertSet(v, "set-in-progress", new SolParameter.SetInProgress(SolParameter.SetInProgress.State.SET_IN_PROGRESS));
        assertSet(v, "enabled-false", new SolParameter.Enable(false));
        assertSet(v, "commit-write", new SolParameter.SetInProgress(SolParameter.SetInProgress.State.COMMIT_WRITE));
        assertSet(v, "set-complete", new SolParameter.SetInProgress(SolParameter.SetInProgress.State.SET_COMPLETE));
        assertSet(v, "volatile-bit-rate-115.2", new SolParameter.VolatileBitRate(SolBitRate.parse("115.2")));
        assertSet(v, "non-volatile-bit-rate-9.6", new SolParameter.NonVolatileBitRate(SolBitRate.parse("9.6")));
        assertSet(v, "privilege-level-operator",
                new SolParameter.Authentication(true, true, PrivilegeLevel.OPERATOR));
        SetSolConfigurationParameters.Request req = new SetSolConfigurationParameters.Request(1,
                new SolParameter.Authentication(true, true, PrivilegeLevel.OPERATOR));
        assertThatThrownBy(() -> Commands.decodeResponse(req,
                LanMessage.decode(v.get("privilege-level-operator-response")).body()))
                .isInstanceOfSatisfying(CompletionCodeException.class, e -> assertThat(e.code().code())
                        .isEqualTo(SetSolConfigurationParameters.PARAMETER_NOT_SUPPORTED));
    }

    private static void assertSet(Map<String, byte[]> v, String section, SolParameter p) {
        LanMessage m = LanMessage.decode(v.get(section));
        SetSolConfigurationParameters.Request req = new SetSolConfigurationParameters.Request(1, p);
        assertThat(m.netFn()).isEqualTo(0x0C);
        assertThat(m.command()).isEqualTo(0x21);
        assertThat(req.toBytes()).as(section).isEqualTo(m.body());
        assertThat(SetSolConfigurationParameters.Request.decode(ByteReader.of(m.body()))).isEqualTo(req);
    }

    @Test
    void unitsFollowTheSpec() {
        assertThat(new SolParameter.CharacterAccumulate(12, 60).intervalMillis()).isEqualTo(60);
        assertThat(new SolParameter.Retry(7, 50).intervalMillis()).isEqualTo(500);
        assertThat(SolParameter.decode(SolParameter.PAYLOAD_PORT, ByteReader.of(new byte[] {(byte) 0x6F, 0x02})))
                .isEqualTo(new SolParameter.PayloadPort(623));
        assertThat(SolParameter.decode(SolParameter.RETRY, ByteReader.of(new byte[] {(byte) 0xFD, 0x32})))
                .as("reserved bits 7:3 of the retry count are ignored")
                .isEqualTo(new SolParameter.Retry(5, 0x32));
    }

    @Test
    void badCallerInputIsIllegalArgument() {
        assertThatThrownBy(() -> new SolParameter.Retry(8, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("retry count");
        assertThatThrownBy(() -> SolBitRate.parse("300")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SolParameter.raw(1, ByteString.EMPTY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GetSolConfigurationParameters.Request.of(0x10, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
