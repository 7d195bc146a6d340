package dev.ipmi.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.core.Commands;
import dev.ipmi.core.CompletionCodeException;
import dev.ipmi.core.commands.sol.GetSolConfigurationParameters;
import dev.ipmi.core.commands.sol.SolBitRate;
import dev.ipmi.core.commands.sol.SolConfig;
import dev.ipmi.core.commands.sol.SolParameter;
import dev.ipmi.core.types.ByteString;
import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.core.wire.LanMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * SOL configuration shared by the codec tests in ipmi-core and the {@code sol info} text tests in the
 * CLI: every parameter as a jqwik arbitrary, and a configuration read from a captured exchange.
 */
public final class SolFixtures {
    private SolFixtures() {}

    /** Every SOL configuration parameter, each field over its whole range, plus raw OEM selectors. */
    public static Arbitrary<SolParameter> parameters() {
        Arbitrary<Integer> u8 = Arbitraries.integers().between(0, 0xFF);
        Arbitrary<SolBitRate> rates = Arbitraries.integers().between(0, 15).map(SolBitRate::new);
        return Arbitraries.oneOf(List.of(
                Arbitraries.of(SolParameter.SetInProgress.State.class).map(SolParameter.SetInProgress::new),
                Arbitraries.of(true, false).map(SolParameter.Enable::new),
                Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false),
                                Arbitraries.integers().between(0, 15).map(PrivilegeLevel::valueOf))
                        .as(SolParameter.Authentication::new),
                Combinators.combine(u8, u8).as(SolParameter.CharacterAccumulate::new),
                Combinators.combine(Arbitraries.integers().between(0, 7), u8).as(SolParameter.Retry::new),
                rates.map(SolParameter.NonVolatileBitRate::new),
                rates.map(SolParameter.VolatileBitRate::new),
                Arbitraries.integers().between(0, 15).map(SolParameter.PayloadChannel::new),
                Arbitraries.integers().between(0, 0xFFFF).map(SolParameter.PayloadPort::new),
                Combinators.combine(Arbitraries.integers().between(9, 0xFF),
                                Arbitraries.bytes().array(byte[].class).ofMaxSize(16))
                        .as((selector, data) -> SolParameter.raw(selector, ByteString.of(data)))));
    }

    /**
     * Reads parameters 0-8 from a captured {@code sol info} exchange the way ipmitool does, skipping
     * the ones answered with 80h (parameter not supported).
     */
    public static SolConfig readInfo(Map<String, byte[]> capture) {
        List<SolParameter> params = new ArrayList<>();
        for (int sel : SolConfig.INFO_SELECTORS) {
            GetSolConfigurationParameters.Request req = GetSolConfigurationParameters.Request.of(1, sel);
            byte[] rsp = LanMessage.decode(capture.get("get-" + sel + "-response")).body();
            try {
                Commands.decodeResponse(req, rsp).parameter().ifPresent(params::add);
            } catch (CompletionCodeException e) {
                assertThat(e.code().code()).isEqualTo(GetSolConfigurationParameters.PARAMETER_NOT_SUPPORTED);
            }
        }
        return SolConfig.of(params);
    }
}
