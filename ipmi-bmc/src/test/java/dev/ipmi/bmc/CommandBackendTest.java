package dev.ipmi.bmc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.core.commands.chassis.PowerAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandBackendTest {
    @TempDir
    Path dir;

    @Test
    void statusOutputIsInterpretedLikeVirsh() {
        assertThat(CommandBackend.parseStatus(new CommandBackend.Result(0, "running\n"))).isTrue();
        assertThat(CommandBackend.parseStatus(new CommandBackend.Result(0, "shut off\n"))).isFalse();
        assertThat(CommandBackend.parseStatus(new CommandBackend.Result(0, "Power is on"))).isTrue();
        assertThat(CommandBackend.parseStatus(new CommandBackend.Result(0, "Power is off"))).isFalse();
        assertThat(CommandBackend.parseStatus(new CommandBackend.Result(0, ""))).isTrue();
        assertThat(CommandBackend.parseStatus(new CommandBackend.Result(3, "unknown"))).isFalse();
    }

    @Test
    void actionsRunTheirCommandsAndStatusIsRefreshedInTheBackground() throws Exception {
        Path state = dir.resolve("state");
        Files.writeString(state, "shut off\n");
        AtomicLong clock = new AtomicLong();
        InMemoryBackend sim = InMemoryBackend.create();
        try (CommandBackend b = new CommandBackend(Map.of(
                PowerAction.POWER_UP, "echo running > " + state,
                PowerAction.POWER_DOWN, "echo 'shut off' > " + state), "cat " + state, sim, clock::get)) {
            assertThat(b.powerOn()).isFalse();
            assertThat(b.power(PowerAction.POWER_UP)).isTrue();
            assertThat(b.powerOn()).as("optimistic").isTrue();
            assertThat(sim.powerOn()).as("delegate follows for SEL and sensors").isTrue();
            b.awaitIdle(10_000);
            assertThat(Files.readString(state)).isEqualTo("running\n");
            assertThat(b.power(PowerAction.HARD_RESET)).as("no command configured").isFalse();

            Files.writeString(state, "shut off\n");
            clock.addAndGet(3_000_000_000L);
            b.powerOn(); // stale: starts a background refresh and returns the cached value at once
            b.awaitIdle(10_000);
            assertThat(b.powerOn()).isFalse();
        }
    }
}
