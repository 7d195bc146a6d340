package dev.ipmi.bmc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommandTemplateTest {
    private static final Set<String> ALL = Set.of("name", "device", "persistent");

    @Test
    void splitsOnceAndSubstitutesInsideArguments() {
        CommandTemplate t = CommandTemplate.parse("virsh --connect 'qemu:///system' start {name}", ALL);
        assertThat(t.argv(Map.of("name", "vm1"))).containsExactly("virsh", "--connect", "qemu:///system", "start",
                "vm1");
    }

    @Test
    void aValueStaysOneArgumentWhateverItContains() {
        CommandTemplate t = CommandTemplate.parse("set-boot {name} --dev={device}", ALL);
        assertThat(t.argv(Map.of("name", "a b; rm -rf / $(reboot) `id`", "device", "pxe' \"x")))
                .containsExactly("set-boot", "a b; rm -rf / $(reboot) `id`", "--dev=pxe' \"x");
    }

    @Test
    void quotesAndEscapes() {
        assertThat(CommandTemplate.split("a \"b c\" 'd \"e\"' f\\ g \"h\\\"i\" ''"))
                .containsExactly("a", "b c", "d \"e\"", "f g", "h\"i", "");
    }

    @Test
    void errorsNameTheProblem() {
        assertThatThrownBy(() -> CommandTemplate.parse("virsh start {vm}", ALL))
                .hasMessageContaining("unknown placeholder {vm}");
        assertThatThrownBy(() -> CommandTemplate.parse("virsh 'start", ALL)).hasMessageContaining("unclosed");
        assertThatThrownBy(() -> CommandTemplate.parse("   ", ALL)).hasMessageContaining("empty command");
    }
}
