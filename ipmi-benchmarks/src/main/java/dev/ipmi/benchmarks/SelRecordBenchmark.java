package dev.ipmi.benchmarks;

import dev.ipmi.core.sel.SelRecord;
import dev.ipmi.testing.Vectors;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** SEL record decode through the public {@link SelRecord#decode}. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class SelRecordBenchmark {
    private byte[] thresholdEvent;

    @Setup
    public void setUp() {
        // Get SEL Entry reply data: next record ID (2 bytes), then the 16-byte record
        byte[] entry = Vectors.load("sel/lab-sel-entries.hex", "entry-0002");
        thresholdEvent = Arrays.copyOfRange(entry, 2, 18);
    }

    /** A threshold event from ipmi_sim's SEL (CPU Temp, Upper Critical going high). */
    @Benchmark
    public SelRecord selRecordDecode() {
        return SelRecord.decode(thresholdEvent);
    }

    /** Decode plus the event text a log shipper would print. */
    @Benchmark
    public String selRecordDecodeAndDescribe() {
        return ((SelRecord.SystemEvent) SelRecord.decode(thresholdEvent)).description();
    }
}
