package dev.ipmi.benchmarks;

import dev.ipmi.benchmarks.tools.Sessions;
import dev.ipmi.core.client.IpmiClient;
import dev.ipmi.core.commands.app.GetDeviceId;
import dev.ipmi.testing.IpmiSim;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Get Device ID round trips on one session against a real ipmi_sim on 127.0.0.1 (started by the
 * core test-jar's {@link IpmiSim}; requires openipmi and ipmitool installed). Each invocation
 * submits a burst of 1, 8 or 64 requests through the async facade ({@link Sessions#builder}:
 * lanplus with cipher suite 3, lan with MD5, as admin) and waits for all of them; the score is
 * requests per second. The session's own window bounds what is on the wire at once
 * (8 by default for both transports), the rest queue inside the session: the burst measures
 * the pipeline, not a BMC flood.
 *
 * <p>Most of the time is ipmi_sim's: it is single-threaded and answers one datagram at a time,
 * so this is a ceiling for the pair, not for the library alone.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class EndToEndBenchmark {
    @Param({"lanplus", "lan"})
    public String transport;

    private IpmiSim sim;
    private IpmiClient client;

    @Setup(Level.Trial)
    public void setUp() {
        sim = IpmiSim.builder().sol(false).start();
        client = Sessions.builder(transport, sim.host(), sim.port()).connect();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        try {
            if (client != null) {
                client.close();
            }
        } finally {
            if (sim != null) {
                sim.close();
            }
        }
    }

    @Benchmark
    public GetDeviceId.Response inFlight1() {
        return client.async().mc().deviceId().join();
    }

    @Benchmark
    @OperationsPerInvocation(8)
    public Object inFlight8() {
        return burst(8);
    }

    @Benchmark
    @OperationsPerInvocation(64)
    public Object inFlight64() {
        return burst(64);
    }

    private Object burst(int n) {
        List<CompletableFuture<GetDeviceId.Response>> all = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            all.add(client.async().mc().deviceId());
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        return all.get(n - 1).join();
    }
}
