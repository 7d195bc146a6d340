package dev.ipmi.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.core.CompletionCodeException;
import dev.ipmi.core.commands.sol.GetSolConfigurationParameters;
import dev.ipmi.core.commands.sol.SolConfig;
import dev.ipmi.core.commands.sol.SolParameter;
import dev.ipmi.core.options.LanPlusOptions;
import dev.ipmi.core.types.CipherSuite;
import dev.ipmi.lanplus.LanPlusSession;
import dev.ipmi.testing.IpmiSim;
import dev.ipmi.testing.SolBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code sol info} text from the parameters our codecs read over RMCP+ equals ipmitool's on the same
 * ipmi_sim (moved here from ipmi-lanplus's SolConsoleIT when the rendering moved to the CLI).
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class SolInfoTextIT {
    private static IpmiSim sim;

    @BeforeAll
    static void startSim() throws InterruptedException {
        IpmiSim.requireTools();
        sim = IpmiSim.start();
        SolBackend backend = sim.sol();
        assertThat(backend.awaitConnected(20, TimeUnit.SECONDS)).as("ipmi_sim connected to the SOL backend").isTrue();
    }

    @AfterAll
    static void stopSim() {
        if (sim != null) {
            sim.close();
        }
    }

    private static LanPlusSession session() {
        return LanPlusSession.open(LanPlusOptions.builder(sim.host()).port(sim.port())
                .credentials(IpmiSim.ADMIN, IpmiSim.ADMIN_PASSWORD.toCharArray()).cipherSuite(CipherSuite.of(3)).build());
    }

    /** The same instance read by ipmitool and by our codecs gives the same `sol info` text. */
    @Test
    void solConfigurationMatchesIpmitoolSolInfo() throws Exception {
        sim.ipmitool("sol", "set", "volatile-bit-rate", "57.6", "1");
        List<SolParameter> params = new ArrayList<>();
        try (LanPlusSession s = session()) {
            for (int sel : SolConfig.INFO_SELECTORS) {
                try {
                    s.execute(GetSolConfigurationParameters.Request.of(1, sel)).parameter().ifPresent(params::add);
                } catch (CompletionCodeException e) {
                    assertThat(e.code().code()).isEqualTo(0x80);
                }
            }
        }
        SolConfig config = SolConfig.of(params);
        assertThat(config.volatileBitRate().orElseThrow().bitsPerSecond()).isEqualTo(57600);
        assertThat(IpmitoolText.solInfo(config, 1, sim.port())).isEqualTo(sim.ipmitool("sol", "info", "1"));
    }
}
