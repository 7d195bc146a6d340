package dev.ipmi.gateway.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.lan.engine.UdpEngine;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.junit.jupiter.api.Test;

class AdHocSessionsTest {
    @Test
    void distinctTargetsAreBounded() throws Exception {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);
        try (UdpEngine engine = UdpEngine.builder().build();
             AdHocSessions pool = new AdHocSessions(timer, engine, new ScrapeStats(false), Duration.ofMinutes(10), 1)) {
            ExporterConfig.Module module = ExporterConfig.parse("modules:\n  default: {user: u, pass: p}\n")
                    .forScrape("default");
            // the first target (nothing listens there) takes the one place while its login is tried
            String first = "127.0.0.1:" + Peers.freePort();
            String other = "127.0.0.1:" + Peers.freePort();
            pool.call(Target.address(first).orElseThrow(), module, c -> CompletableFuture.completedFuture(1));
            CompletableFuture<Integer> second = pool.call(Target.address(other).orElseThrow(), module,
                    c -> CompletableFuture.completedFuture(2));
            assertThat(second).isCompletedExceptionally();
            assertThat(second.handle((r, e) -> e.getMessage()).join()).contains("1 targets").contains(other);
        } finally {
            timer.shutdownNow();
        }
    }
}
