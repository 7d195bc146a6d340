package dev.ipmi.core.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipmi.core.commands.chassis.BootOptionParameter;
import dev.ipmi.core.commands.chassis.SetSystemBootOptions;
import dev.ipmi.core.commands.dcmi.DcmiCapabilityParameter;
import dev.ipmi.core.commands.sol.SetSolConfigurationParameters;
import dev.ipmi.core.commands.sol.SolParameter;
import dev.ipmi.core.commands.transport.LanParameter;
import dev.ipmi.core.commands.transport.SetLanConfigurationParameters;
import dev.ipmi.core.types.ByteString;
import dev.ipmi.core.wire.ByteReader;
import org.junit.jupiter.api.Test;

class RawParameterTest {
    private static final ByteString DATA = ByteString.ofUnsigned(0x40, 0x01);

    @Test
    void everyFamilyDecodesUnknownSelectorsToTheOneRawType() {
        assertThat(LanParameter.decode(0xC0, ByteReader.of(DATA.toByteArray())))
                .isEqualTo(new RawParameter(ParameterFamily.LAN, 0xC0, DATA));
        assertThat(SolParameter.decode(9, ByteReader.of(DATA.toByteArray())))
                .isEqualTo(new RawParameter(ParameterFamily.SOL, 9, DATA));
        assertThat(BootOptionParameter.decode(7, ByteReader.of(DATA.toByteArray())))
                .isEqualTo(new RawParameter(ParameterFamily.BOOT_OPTIONS, 7, DATA));
        assertThat(DcmiCapabilityParameter.decode(6, ByteReader.of(DATA.toByteArray())))
                .isEqualTo(new RawParameter(ParameterFamily.DCMI_CAPABILITY, 6, DATA));
    }

    @Test
    void sameSelectorAndBytesInTwoFamiliesAreDifferentParameters() {
        assertThat(LanParameter.raw(0xC0, DATA)).isNotEqualTo(SolParameter.raw(0xC0, DATA));
        assertThat(LanParameter.raw(0xC0, DATA)).hasToString("RawParameter[family=LAN, selector=192, data=[hex=4001]]");
    }

    @Test
    void refusesSelectorsOutOfRangeOrWithATypedForm() {
        assertThatThrownBy(() -> BootOptionParameter.raw(0x80, DATA)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0..127");
        assertThatThrownBy(() -> LanParameter.raw(256, DATA)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SolParameter.raw(-1, DATA)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DcmiCapabilityParameter.raw(1, DATA)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("typed form");
        assertThatThrownBy(() -> LanParameter.raw(1, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void setCommandsRefuseARawParameterOfAnotherFamily() {
        RawParameter sol = SolParameter.raw(0xC0, DATA);
        assertThatThrownBy(() -> new SetLanConfigurationParameters.Request(1, sol))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parameter");
        assertThatThrownBy(() -> new SetSystemBootOptions.Request(false, LanParameter.raw(0x60, DATA)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SetSolConfigurationParameters.Request(1, LanParameter.raw(0xC0, DATA)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new SetLanConfigurationParameters.Request(1, LanParameter.raw(0xC0, DATA)).parameter())
                .isEqualTo(LanParameter.raw(0xC0, DATA));
    }
}
