package dev.ipmi.benchmarks.tools;

import dev.ipmi.core.client.IpmiClient;
import dev.ipmi.core.commands.app.GetDeviceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The library's side of "one session, a batch of Get Device ID" (ipmitool's {@code exec} file of
 * {@code raw 0x06 0x01}): opens a session, sends {@code --count} requests one after another, closes
 * the session, and reports in-JVM wall and process CPU time (JVM start-up excluded; the first round
 * is the cold one, the median of the later rounds is the warm one). A last line reports the same
 * batch pipelined (all submitted at once; the session keeps its window of 8 on the wire).
 *
 * <p>Output: {@code key=value} lines for scripts/compare-peers.sh. Talks to 127.0.0.1 only.
 */
public final class BatchDeviceId {
    private BatchDeviceId() {}

    public static void main(String[] argv) {
        Args args = new Args(argv, Map.of("port", "623", "count", "100", "rounds", "6", "transport", "lanplus"));
        int port = args.integer("port", 1, 65535);
        int count = args.integer("count", 1, 10_000);
        int rounds = args.integer("rounds", 1, 100);
        String transport = args.get("transport");
        System.out.println("jvm_to_main_ms=" + Measure.sinceJvmStartMillis());

        double[] wall = new double[rounds];
        double[] cpu = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long c0 = Measure.processCpuNanos();
            long t0 = System.nanoTime();
            try (IpmiClient client = Sessions.connect(transport, port)) {
                for (int i = 0; i < count; i++) {
                    check(client.mc().deviceId());
                }
            }
            wall[r] = System.nanoTime() - t0;
            cpu[r] = Measure.processCpuNanos() - c0;
        }
        System.out.println("sequential_cold_wall_ms=" + Measure.ms(wall[0]));
        System.out.println("sequential_cold_cpu_ms=" + Measure.ms(cpu[0]));
        System.out.println("sequential_warm_wall_ms=" + Measure.warmMs(wall));
        System.out.println("sequential_warm_cpu_ms=" + Measure.warmMs(cpu));

        double[] pipeWall = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            try (IpmiClient client = Sessions.connect(transport, port)) {
                List<CompletableFuture<GetDeviceId.Response>> all = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    all.add(client.async().mc().deviceId());
                }
                CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
                for (CompletableFuture<GetDeviceId.Response> f : all) {
                    check(f.join());
                }
            }
            pipeWall[r] = System.nanoTime() - t0;
        }
        // after the sequential rounds the JIT has compiled the request path: every pipelined round counts
        System.out.println("pipelined_wall_ms=" + Measure.ms(Measure.median(pipeWall)));
        System.out.println("jvm_total_cpu_ms=" + Measure.ms(Measure.processCpuNanos()));
    }

    /** ipmi_sim's lab MC answers with device ID 0x20 and manufacturer 4753; anything else is not a real reply. */
    static void check(GetDeviceId.Response r) {
        if (r.deviceId() != 0x20 || r.manufacturerId() != 4753) {
            throw new IllegalStateException("unexpected Get Device ID reply: " + r);
        }
    }
}
