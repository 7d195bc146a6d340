package dev.ipmi.benchmarks;

import dev.ipmi.core.types.AuthType;
import dev.ipmi.core.wire.LanMessage;
import dev.ipmi.lan.internal.AuthCodes;
import java.nio.charset.StandardCharsets;
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

/** IPMI 1.5 per-packet AuthCode — IPMI v2.0 §22.17.1: MD5(password, session ID, message, sequence, password). */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class Ipmi15AuthBenchmark {
    private byte[] pw16;
    private byte[] message;
    private int sequence;

    @Setup
    public void setUp() {
        pw16 = AuthCodes.pad("password".getBytes(StandardCharsets.US_ASCII));
        message = LanMessage.request(0x06, 0, 0x09, 0x01, new byte[0]).encode();
    }

    @Benchmark
    public byte[] md5AuthCode() {
        return AuthCodes.compute(AuthType.MD5, pw16, 0x0A0B0C0D, message, ++sequence);
    }
}
