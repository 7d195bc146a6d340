package dev.ipmi.benchmarks.tools;

import dev.ipmi.core.client.IpmiClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The library's side of the fan-out comparison with FreeIPMI's {@code ipmi-power -h hostrange --stat}:
 * opens RMCP+ sessions (suite 3) to {@code --count} BMCs on consecutive ports at once, all on the
 * one shared UDP engine (one I/O thread), reads each chassis power state, closes every session,
 * and reports the in-JVM wall time per round (first round cold, then the median of the rest), and
 * the time of one power-state sweep over the {@code --count} sessions while they are all open.
 *
 * <p>Output: {@code key=value} lines for scripts/compare-peers.sh. Talks to 127.0.0.1 only.
 */
public final class FanOut {
    private FanOut() {}

    public static void main(String[] argv) throws InterruptedException {
        Args args = new Args(argv, Map.of("base", "9700", "count", "20", "rounds", "6"));
        int base = args.integer("base", 1, 65535);
        int count = args.integer("count", 1, 256);
        int rounds = args.integer("rounds", 1, 100);
        System.out.println("jvm_to_main_ms=" + Measure.sinceJvmStartMillis());
        ExecutorService closer = Executors.newFixedThreadPool(Math.min(count, 32));
        double[] wall = new double[rounds];
        double[] cpu = new double[rounds];
        double[] sweep = new double[rounds];
        int on = 0;
        try {
            for (int r = 0; r < rounds; r++) {
                long c0 = Measure.processCpuNanos();
                long t0 = System.nanoTime();
                Round result = round(base, count, closer);
                on = result.poweredOn();
                wall[r] = System.nanoTime() - t0 - result.sweepNanos();
                cpu[r] = Measure.processCpuNanos() - c0;
                sweep[r] = result.sweepNanos();
            }
        } finally {
            closer.shutdown();
            closer.awaitTermination(30, TimeUnit.SECONDS);
        }
        System.out.println("hosts=" + count);
        System.out.println("powered_on=" + on);
        System.out.println("cold_wall_ms=" + Measure.ms(wall[0]));
        System.out.println("cold_cpu_ms=" + Measure.ms(cpu[0]));
        System.out.println("warm_wall_ms=" + Measure.warmMs(wall));
        System.out.println("warm_cpu_ms=" + Measure.warmMs(cpu));
        System.out.println("open_sessions_sweep_ms=" + Measure.warmMs(sweep));
    }

    private record Round(int poweredOn, long sweepNanos) {}

    /**
     * One fan-out: every login started before any is awaited, power state read, sessions closed.
     * In between, with every session open, one more power-state sweep is timed on its own (what a
     * poller keeping its sessions pays per sweep); it is not part of the fan-out time.
     */
    private static Round round(int base, int count, ExecutorService closer) {
        List<CompletableFuture<Boolean>> power = new ArrayList<>(count);
        List<CompletableFuture<IpmiClient>> clients = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            CompletableFuture<IpmiClient> c = Sessions.connectLanPlusAsync(base + i);
            clients.add(c);
            power.add(c.thenCompose(client -> client.async().chassis().isPowerOn()));
        }
        int on = 0;
        long sweep;
        try {
            for (CompletableFuture<Boolean> p : power) {
                if (p.join()) {
                    on++;
                }
            }
            long t0 = System.nanoTime();
            List<CompletableFuture<Boolean>> again = new ArrayList<>(count);
            for (CompletableFuture<IpmiClient> c : clients) {
                again.add(c.join().async().chassis().isPowerOn());
            }
            CompletableFuture.allOf(again.toArray(CompletableFuture[]::new)).join();
            sweep = System.nanoTime() - t0;
        } finally {
            List<CompletableFuture<Void>> closed = new ArrayList<>(count);
            for (CompletableFuture<IpmiClient> c : clients) {
                closed.add(c.thenAcceptAsync(IpmiClient::close, closer).exceptionally(e -> null));
            }
            CompletableFuture.allOf(closed.toArray(CompletableFuture[]::new)).join();
        }
        return new Round(on, sweep);
    }
}
