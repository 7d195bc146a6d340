package dev.ipmi.benchmarks.tools;

import dev.ipmi.core.fleet.BmcDirectory;
import dev.ipmi.core.fleet.FanOutResult;
import dev.ipmi.core.fleet.IpmiFleet;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The library's side of the fleet comparison with FreeIPMI's {@code ipmi-power -F 1024 --stat}
 * ({@code scripts/fleet-vs-freeipmi.sh} runs both on the same virtual BMCs): an {@link IpmiFleet}
 * to {@code --count} BMCs on consecutive ports from {@code --base} (admin/password, suite 3).
 *
 * <ul>
 *   <li>{@code mode=cold}: per round a new fleet, power status of every host (login + Get
 *       Chassis Status), {@code closeAsync()}; wall and process CPU per round, round 1 is the
 *       fresh JVM's; {@code --warmup W} more rounds after it are not recorded (the JIT compiles).</li>
 *   <li>{@code mode=pooled}: one fleet; the first sweep logs in, the next {@code --rounds} sweeps
 *       reuse the open sessions ({@code --warmup W} sweeps before them are not recorded).</li>
 *   <li>{@code mode=idle}: opens every session, then measures heap (after GC) and live threads
 *       with all of them idle; run it with {@code -Xmx256m}.</li>
 * </ul>
 *
 * Output: {@code key=value} lines. Talks to 127.0.0.1 only.
 */
public final class FleetBench {
    private FleetBench() {}

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv, Map.of("base", "40000", "count", "1000", "rounds", "6", "mode", "cold",
                "hosts-file", "", "warmup", "0"));
        int base = args.integer("base", 1, 65535);
        int count = args.integer("count", 1, 20_000);
        int rounds = args.integer("rounds", 1, 1000);
        int warmup = args.integer("warmup", 0, 1000);
        String mode = args.string("mode");
        List<String> hosts = new ArrayList<>(count);
        if (!args.string("hosts-file").isEmpty()) {
            // virtual-bmc --port 0 --hosts-file: any free ports, where 10,000 consecutive ones are not to be had
            hosts.addAll(java.nio.file.Files.readAllLines(java.nio.file.Path.of(args.string("hosts-file"))));
            hosts.removeIf(String::isBlank);
            hosts = hosts.subList(0, Math.min(count, hosts.size()));
        } else {
            for (int i = 0; i < count; i++) {
                hosts.add("127.0.0.1:" + (base + i));
            }
        }
        System.out.println("jvm_to_main_ms=" + Measure.sinceJvmStartMillis());
        System.out.println("hosts=" + hosts.size());
        switch (mode) {
            case "cold" -> cold(hosts, rounds, warmup);
            case "pooled" -> pooled(hosts, rounds, warmup);
            case "idle" -> idle(hosts);
            default -> throw new IllegalArgumentException("--mode must be cold, pooled or idle: " + mode);
        }
    }

    private static IpmiFleet fleet(int count) {
        return IpmiFleet.builder(BmcDirectory.lanplus(b -> b.credentials("admin", "password".toCharArray())
                        .cipherSuite(dev.ipmi.core.types.CipherSuite.SUITE_3)))
                .maxInFlight(Math.max(1024, count)).build();
    }

    /**
     * Round 0 is the fresh JVM's; then {@code warmup} rounds are run and not recorded (the JIT is
     * still compiling), then rounds 1.. are the warm ones.
     */
    private static void cold(List<String> hosts, int rounds, int warmup) {
        double[] wall = new double[rounds];
        double[] cpu = new double[rounds];
        int failed = 0;
        for (int r = 0; r < rounds; r++) {
            if (r == 1) {
                for (int w = 0; w < warmup; w++) {
                    coldRound(hosts);
                }
            }
            long c0 = Measure.processCpuNanos();
            long t0 = System.nanoTime();
            long[] fanOutAndClose = new long[2];
            FanOutResult<Boolean> res = coldRound(hosts, fanOutAndClose);
            wall[r] = System.nanoTime() - t0;
            cpu[r] = Measure.processCpuNanos() - c0;
            System.out.println("round" + r + "_fanout_ms=" + Measure.ms(fanOutAndClose[0]) + " close_ms="
                    + Measure.ms(fanOutAndClose[1]));
            failed = res.failures().size();
            if (failed > 0) {
                System.out.println("round" + r + "_first_failure=" + res.failures().get(0));
            }
        }
        System.out.println("failed_hosts_last_round=" + failed);
        System.out.println("cold_wall_ms=" + Measure.ms(wall[0]));
        System.out.println("cold_cpu_ms=" + Measure.ms(cpu[0]));
        System.out.println("warm_wall_ms=" + Measure.warmMs(wall));
        System.out.println("warm_cpu_ms=" + Measure.warmMs(cpu));
        if (rounds > 1) {
            double[] warm = java.util.Arrays.copyOfRange(cpu, 1, rounds);
            System.out.println("warm_cpu_per_host_ms=" + String.format(java.util.Locale.ROOT, "%.4f",
                    Measure.median(warm) / 1e6 / hosts.size()));
            // the process CPU clock ticks in 10 ms, a round's CPU is a few ticks: the mean over many is the finer figure
            System.out.println("warm_cpu_per_host_mean_ms=" + String.format(java.util.Locale.ROOT, "%.4f",
                    java.util.Arrays.stream(warm).average().orElse(0) / 1e6 / hosts.size()));
            System.out.println("warm_rounds=" + warm.length);
            System.out.println("warmup_rounds=" + warmup);
        }
    }

    private static FanOutResult<Boolean> coldRound(List<String> hosts) {
        return coldRound(hosts, new long[2]);
    }

    /** A new fleet, power status of every host, closeAsync; nanoseconds of the fan-out and of the close. */
    private static FanOutResult<Boolean> coldRound(List<String> hosts, long[] fanOutAndClose) {
        long t0 = System.nanoTime();
        IpmiFleet fleet = fleet(hosts.size());
        FanOutResult<Boolean> res = fleet.powerStatus(hosts).join();
        long t1 = System.nanoTime();
        fleet.closeAsync().join();
        fanOutAndClose[0] = t1 - t0;
        fanOutAndClose[1] = System.nanoTime() - t1;
        return res;
    }

    private static void pooled(List<String> hosts, int rounds, int warmup) {
        try (IpmiFleet fleet = fleet(hosts.size())) {
            long t0 = System.nanoTime();
            FanOutResult<Boolean> first = fleet.powerStatus(hosts).join();
            System.out.println("login_sweep_ms=" + Measure.ms(System.nanoTime() - t0));
            System.out.println("login_failures=" + first.failures().size());
            for (int w = 0; w < warmup; w++) {
                fleet.powerStatus(hosts).join();
            }
            double[] wall = new double[rounds];
            double[] cpu = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                long c0 = Measure.processCpuNanos();
                long w0 = System.nanoTime();
                FanOutResult<Boolean> res = fleet.powerStatus(hosts).join();
                wall[r] = System.nanoTime() - w0;
                cpu[r] = Measure.processCpuNanos() - c0;
                if (!res.allOk()) {
                    System.out.println("sweep" + r + "_failures=" + res.failures().size());
                }
            }
            System.out.println("sessions_open=" + fleet.sessionsOpen());
            System.out.println("pooled_sweep_wall_ms=" + Measure.warmMs(wall));
            double warmCpu = Measure.median(java.util.Arrays.copyOfRange(cpu, rounds > 1 ? 1 : 0, rounds));
            System.out.println("pooled_sweep_cpu_ms=" + Measure.ms(warmCpu));
            System.out.println("pooled_cpu_per_host_us=" + String.format(java.util.Locale.ROOT, "%.2f",
                    warmCpu / 1e3 / hosts.size()));
            // a sweep's CPU is one or two 10 ms ticks of the process clock: the mean over the sweeps is the finer figure
            double meanCpu = java.util.Arrays.stream(cpu).average().orElse(0);
            System.out.println("pooled_cpu_per_host_mean_us=" + String.format(java.util.Locale.ROOT, "%.2f",
                    meanCpu / 1e3 / hosts.size()));
            System.out.println("pooled_sweeps=" + rounds);
            System.out.println("warmup_sweeps=" + warmup);
        }
    }

    private static void idle(List<String> hosts) throws InterruptedException {
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        int threadsBefore = Thread.activeCount();
        System.gc();
        Thread.sleep(200);
        long heapBefore = mem.getHeapMemoryUsage().getUsed();
        IpmiFleet fleet = fleet(hosts.size());
        int batch = 1000;
        int failures = 0;
        for (int i = 0; i < hosts.size(); i += batch) {
            failures += fleet.powerStatus(hosts.subList(i, Math.min(hosts.size(), i + batch))).join().failures().size();
        }
        System.gc();
        Thread.sleep(500);
        System.gc();
        long heapAfter = mem.getHeapMemoryUsage().getUsed();
        int open = fleet.sessionsOpen();
        System.out.println("login_failures=" + failures);
        System.out.println("sessions_open=" + open);
        System.out.println("heap_per_session_bytes=" + (open == 0 ? 0 : (heapAfter - heapBefore) / open));
        System.out.println("threads_before=" + threadsBefore);
        System.out.println("threads_with_sessions=" + Thread.activeCount());
        System.out.println("max_heap_mb=" + Runtime.getRuntime().maxMemory() / (1 << 20));
        fleet.closeAsync().join();
    }
}
