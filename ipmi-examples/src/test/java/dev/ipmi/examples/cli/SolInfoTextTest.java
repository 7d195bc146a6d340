package dev.ipmi.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.core.commands.sol.SolConfig;
import dev.ipmi.core.commands.sol.SolParameter;
import dev.ipmi.testing.SolFixtures;
import dev.ipmi.testing.Vectors;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * {@code sol info} text from a decoded {@link SolConfig}: golden vectors of ipmitool 1.8.19 against
 * ipmi_sim 2.0.33 (ipmi-core's test resources; moved here from ipmi-core's SolConfigurationTest and
 * SolConfigurationPropertiesTest when the rendering moved from the record to the CLI).
 */
class SolInfoTextTest {

    private static String text(String name) throws IOException {
        try (InputStream in = SolInfoTextTest.class.getResourceAsStream("/vectors/sol/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static SolConfig readInfo(Map<String, byte[]> v) {
        return SolFixtures.readInfo(v);
    }

    @Test
    void solInfoOfAFreshIpmiSimMatchesIpmitoolOutput() throws IOException {
        SolConfig c = readInfo(Vectors.load("sol/sol-info.hex"));
        assertThat(IpmitoolText.solInfo(c, 1, 9937)).isEqualTo(text("sol-info.txt"));
    }

    @Test
    void solInfoAfterSetsMatchesIpmitoolOutput() throws IOException {
        SolConfig c = readInfo(Vectors.load("sol/sol-info-after-set.hex"));
        assertThat(IpmitoolText.solInfo(c, 1, 9937)).isEqualTo(text("sol-info-after-set.txt"));
    }

    @Provide
    Arbitrary<SolParameter> parameters() {
        return SolFixtures.parameters();
    }

    @Provide
    Arbitrary<List<SolParameter>> parameterLists() {
        return parameters().list().ofMaxSize(12);
    }

    @Property
    void everyConfigPrintsEveryLine(@ForAll("parameterLists") List<SolParameter> params) {
        assertThat(IpmitoolText.solInfo(SolConfig.of(params), 1, 623)).contains("Payload Port");
    }
}
